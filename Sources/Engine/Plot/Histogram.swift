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
    let values = column.values.filter(\.isFinite).sorted()
    guard let low = values.first, let high = values.last else {
      (start, binWidth, counts) = (0, 1, [])
      return
    }
    let integral = column.type != .float
    if let bins = options.bins {
      start = low
      binWidth = high > low ? (high - low) / Double(bins) : 1
    } else {
      (start, binWidth) = Histogram.roundBins(values, integral: integral)
    }
    let binCount = max(1, Int(((high - start) / binWidth).rounded(.up)))
    var counts = [Int](repeating: 0, count: options.bins ?? binCount)
    for v in values {
      let index = Int(((v - start) / binWidth).rounded(.down))
      counts[min(max(index, 0), counts.count - 1)] += 1
    }
    self.counts = counts
  }

  /// A round bin width near the Freedman–Diaconis choice, and a first edge on a
  /// multiple of it.
  static func roundBins(_ sorted: [Double], integral: Bool) -> (start: Double, width: Double) {
    let n = Double(sorted.count)
    let (low, high) = (sorted[0], sorted[sorted.count - 1])
    guard high > low else { return (low - (integral ? 0 : 0.5), 1) }
    let iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25)
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
    guard !counts.isEmpty else { return ["no rows to plot"] + footer() }
    let rows = context.height ?? 12
    let highest = Double(counts.max() ?? 0)
    let frame = AxisFrame(
      context: context, rows: rows, y: 0...max(highest, 1), mapping: .linear,
      placement: .edges, integers: true)
    let binned = merged(toFit: frame.columns)
    let cellsPerBin = max(1, frame.columns / binned.counts.count)
    let length = cellsPerBin * binned.counts.count
    let end = start + binned.width * Double(binned.counts.count)
    let xScale = Scale.horizontal(
      .linear, data: start...end, row: frame.labelRow(length: length), placement: .edges)

    let top = frame.yScale.high
    let heights = binned.counts.flatMap { count in
      Array(repeating: Double(count) / top * Double(rows), count: cellsPerBin)
    }
    var lines = frame.compose(
      area: ColumnBars(rows: rows, charset: context.charset).lines(heights), x: xScale,
      xPlacement: .edges, xLength: length, xCaption: column.name, yCaption: "count")
    if binned.counts.count < counts.count {
      lines.append(
        "\(counts.count) bins merged into \(binned.counts.count) to fit \(context.width) columns")
    }
    return lines + footer()
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

  private func footer() -> [String] {
    column.missing == 0 ? [] : [Footer.skipped(column.missing, column.name)]
  }
}
