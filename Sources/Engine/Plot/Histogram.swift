import Foundation

/// How the values of one column are distributed: counts in equal bins, as columns.
///
/// Without `bins=N` the bin width is a round number near the Freedman–Diaconis width
/// (Sturges' rule when the quartiles coincide), at most 50 bins; with it, exactly N
/// equal bins from the smallest to the largest value. Each bin holds its lower edge;
/// the last also holds its upper edge.
struct Histogram: ChartBody {
  static let mostBins = 50

  let column: PlotColumn
  /// The lower edge of the first bin.
  let start: Double
  /// The width of every bin.
  let binWidth: Double
  /// Values in each bin.
  let counts: [Int]

  init(table: Table, spec: ChartSpec, options: ChartOptions) throws(PlotError) {
    column = try PlotColumn(table, spec.columns[0], allowTime: false)
    guard let range = column.range() else {
      (start, binWidth, counts) = (0, 1, [])
      return
    }
    let (low, high) = (range.lowerBound, range.upperBound)
    if let bins = options.bins {
      start = high > low ? low : low - Double(bins / 2) - 0.5
      binWidth = high > low ? (high - low) / Double(bins) : 1
    } else {
      let n = column.values.count - column.missing
      let iqr = Histogram.interquartileRange(column.values, range, count: n)
      (start, binWidth) = Histogram.roundBins(
        range, count: n, iqr: iqr, integral: column.type != .float)
    }
    let binCount = max(1, Int(((high - start) / binWidth).rounded(.up)))
    var counts = [Int](repeating: 0, count: options.bins ?? binCount)
    for v in column.values where v.isFinite {
      let index = Int(((v - start) / binWidth).rounded(.down))
      counts[min(max(index, 0), counts.count - 1)] += 1
    }
    self.counts = counts
  }

  /// The distance between the quartiles of the finite `values` within `range`, to a
  /// 4096th of the range: close enough to choose a bin width, in two passes.
  static func interquartileRange(_ values: [Double], _ range: ClosedRange<Double>, count: Int)
    -> Double
  {
    let buckets = 4096
    let span = range.upperBound - range.lowerBound
    guard span > 0, count > 1 else { return 0 }
    var counts = [Int](repeating: 0, count: buckets)
    for v in values where v.isFinite {
      counts[min(Int((v - range.lowerBound) / span * Double(buckets)), buckets - 1)] += 1
    }
    func quantile(_ p: Double) -> Double {
      let target = p * Double(count - 1)
      var seen = 0
      for (bucket, n) in counts.enumerated() where n > 0 {
        if Double(seen + n) > target {
          let within = (target - Double(seen) + 0.5) / Double(n)
          return range.lowerBound + (Double(bucket) + within) / Double(buckets) * span
        }
        seen += n
      }
      return range.upperBound
    }
    return quantile(0.75) - quantile(0.25)
  }

  /// A round bin width near the Freedman–Diaconis choice (Sturges' when `iqr` is 0),
  /// and a first edge on a multiple of it.
  static func roundBins(_ range: ClosedRange<Double>, count: Int, iqr: Double, integral: Bool)
    -> (start: Double, width: Double)
  {
    let n = Double(count)
    let (low, high) = (range.lowerBound, range.upperBound)
    guard high > low else { return (low - (integral ? 0 : 0.5), 1) }
    var bins = iqr > 0 ? (high - low) / (2 * iqr / cbrt(n)) : log2(n) + 1
    bins = min(max(bins.rounded(.up), 1), Double(mostBins))
    var width = niceWidth((high - low) / bins)
    if integral { width = max(1, width.rounded(.up)) }
    while (high - (low / width).rounded(.down) * width) / width > Double(mostBins) {
      width = niceWidth(width * 1.5)
    }
    return ((low / width).rounded(.down) * width, width)
  }

  /// The one of 1, 2, 2.5 and 5 times a power of ten nearest to `raw` (by ratio).
  static func niceWidth(_ raw: Double) -> Double {
    let power = pow(10, floor(log10(raw)))
    let steps = [1, 2, 2.5, 5, 10].map { $0 * power }
    return steps.min { abs(log($0 / raw)) < abs(log($1 / raw)) } ?? raw
  }

  /// The `p` quantile of sorted values, interpolating linearly between neighbours.
  static func quantile(_ sorted: [Double], _ p: Double) -> Double {
    let position = p * Double(sorted.count - 1)
    let below = Int(position.rounded(.down))
    let above = min(below + 1, sorted.count - 1)
    let fraction = position - Double(below)
    return sorted[below] + (sorted[above] - sorted[below]) * fraction
  }

  func render(_ context: RenderContext) -> [String] {
    guard !counts.isEmpty else { return ["no rows to plot"] + footer(context) }
    let rows = context.height ?? 12
    let highest = Double(counts.max() ?? 0)
    let frame = AxisFrame(
      context: context, rows: rows, y: 0...max(highest, 1), mapping: .linear,
      placement: .edges, integers: true)
    let binned = merged(toFit: frame.columns)
    let end = start + binned.width * Double(binned.counts.count)
    let xScale = Scale.horizontal(
      .linear, data: start...end, row: frame.labelRow(length: frame.columns), placement: .edges)

    let top = frame.yScale.high
    let heights = ColumnBars.spread(binned.counts, over: frame.columns).map { count in
      Double(count) / top * Double(rows)
    }
    var lines = frame.compose(
      area: ColumnBars(rows: rows, charset: context.charset).lines(heights), x: xScale,
      xPlacement: .edges, xCaption: column.name, yCaption: "count")
    if binned.counts.count < counts.count {
      let note =
        "\(counts.count) bins merged into \(binned.counts.count) to fit \(context.width) columns"
      lines += Footer.fitted([note], width: context.width)
    }
    return lines + footer(context)
  }

  /// The bins, adjacent ones added together until there are no more than `columns`.
  private func merged(toFit columns: Int) -> (counts: [Int], width: Double) {
    let factor = (counts.count + columns - 1) / max(columns, 1)
    guard factor > 1 else { return (counts, binWidth) }
    let merged = stride(from: 0, to: counts.count, by: factor).map { first in
      counts[first..<min(first + factor, counts.count)].reduce(0, +)
    }
    return (merged, binWidth * Double(factor))
  }

  private func footer(_ context: RenderContext) -> [String] {
    let notes = column.missing == 0 ? [] : [Footer.skipped(column.missing, column.name)]
    return Footer.fitted(notes, width: context.width)
  }
}
