/// One box-and-whisker line per category on a shared value axis.
///
/// The box spans the first to third quartile (linear interpolation between values),
/// with the median marked; whiskers reach the furthest values within 1.5 times the
/// interquartile range of the box (Tukey), and values beyond are drawn as dots.
/// Categories come in first-seen order; past `top` (default 25), only the largest are
/// shown and the footer says how many are not.
struct BoxPlot: ChartBody {
  static let defaultTop = 25

  /// The five numbers and the outliers of one category.
  struct Summary: Sendable, Equatable {
    var name: String
    var count: Int
    var lowWhisker: Double
    var lowerQuartile: Double
    var median: Double
    var upperQuartile: Double
    var highWhisker: Double
    var outliers: [Double]

    /// The summary of `sorted` values (at least one).
    init(name: String, sorted: [Double]) {
      self.name = name
      count = sorted.count
      let q1 = Histogram.quantile(sorted, 0.25)
      let q3 = Histogram.quantile(sorted, 0.75)
      let reach = 1.5 * (q3 - q1)
      let low = sorted.first { $0 >= q1 - reach } ?? q1
      let high = sorted.last { $0 <= q3 + reach } ?? q3
      lowerQuartile = q1
      median = Histogram.quantile(sorted, 0.5)
      upperQuartile = q3
      lowWhisker = low
      highWhisker = high
      outliers = sorted.filter { $0 < low || $0 > high }
    }
  }

  let valueName: String
  let caption: String
  let boxes: [Summary]
  /// Categories with values that are not shown.
  let hidden: Int
  let log: Bool
  /// Rows whose value is null or not finite.
  let skipped: Int

  init(table: Table, spec: ChartSpec, options: ChartOptions) throws(PlotError) {
    let values = try PlotColumn(table, spec.columns[0], allowTime: false)
    valueName = values.name
    log = options.log.x
    if log, let bad = values.firstNonPositive() {
      throw .nonPositiveOnLogAxis(column: values.name, value: bad.value, row: bad.row)
    }
    let groups = try options.by.map { name throws(PlotError) in
      RowGroups(try PlotColumn.lookUp(table, name))
    }
    let grouping = groups ?? RowGroups(single: values.name, count: values.values.count)

    var buckets = Array(repeating: [Double](), count: grouping.count)
    for (row, v) in values.values.enumerated() where v.isFinite {
      buckets[Int(grouping.ids[row])].append(v)
    }
    let filled = buckets.indices.filter { !buckets[$0].isEmpty }
    let top = options.top ?? BoxPlot.defaultTop
    let largest = filled.sorted { a, b in
      buckets[a].count != buckets[b].count ? buckets[a].count > buckets[b].count : a < b
    }
    let shown = Set(largest.prefix(top))
    boxes = filled.filter(shown.contains).map { group in
      Summary(name: grouping.names[group], sorted: buckets[group].sorted())
    }
    hidden = filled.count - boxes.count
    skipped = values.missing
    caption = DisplayWidth.printable(options.by.map { "\(values.name) by \($0)" } ?? values.name)
  }

  func render(_ context: RenderContext) -> [String] {
    var lines = [DisplayWidth.truncated(caption, to: context.width, ellipsis: context.ellipsis)]
    guard !boxes.isEmpty else { return lines + ["no rows to plot"] + footer(context) }

    let counts = boxes.map { "n=" + NumberText.grouped(Int64($0.count)) }
    let countWidth = counts.map { DisplayWidth.of($0) }.max() ?? 0
    let widestName = boxes.map { DisplayWidth.of($0.name) }.max() ?? 0
    let labelWidth = max(1, min(widestName, context.width / 4))
    let gutter = labelWidth + 2
    let cells = max(1, context.width - gutter - 1 - countWidth)
    let low = boxes.map { min($0.lowWhisker, $0.outliers.first ?? .infinity) }.min() ?? 0
    let high = boxes.map { max($0.highWhisker, $0.outliers.last ?? -.infinity) }.max() ?? 1
    let row = LabelRow(leftRoom: gutter, length: cells, rightRoom: context.width - gutter - cells)
    let scale = Scale.horizontal(
      log ? .log : .linear, data: low...high, row: row, placement: .points(dotsPerCell: 1))

    let glyphs = AxisGlyphs(context.charset)
    for (box, count) in zip(boxes, counts) {
      let name = DisplayWidth.truncated(
        box.name, to: labelWidth, at: .middle, ellipsis: context.ellipsis)
      let drawn = draw(box, scale: scale, cells: cells, context: context)
      lines.append(
        DisplayWidth.padded(name, to: labelWidth) + " " + glyphs.vertical + drawn + " " + count)
    }
    let axis = XAxis(
      context: context, gutter: gutter, scale: scale, placement: .points(dotsPerCell: 1),
      cells: cells)
    let caption = DisplayWidth.printable(valueName)
    return lines + axis.lines(cornerLabel: nil, caption: caption) + footer(context)
  }

  /// One box as `cells` characters.
  private func draw(_ box: Summary, scale: Scale, cells: Int, context: RenderContext) -> String {
    let unicode = context.unicode
    func at(_ v: Double) -> Int { scale.cell(v, cells: cells, placement: .points(dotsPerCell: 1)) }
    var line = Array(repeating: " ", count: cells)
    let (lowEnd, q1, median, q3, highEnd) = (
      at(box.lowWhisker), at(box.lowerQuartile), at(box.median), at(box.upperQuartile),
      at(box.highWhisker)
    )
    for c in lowEnd...highEnd { line[c] = unicode ? "─" : "-" }
    line[lowEnd] = unicode ? "├" : "|"
    line[highEnd] = unicode ? "┤" : "|"
    for c in q1...q3 { line[c] = unicode ? "▒" : "=" }
    if !unicode, q3 > q1 {
      line[q1] = "["
      line[q3] = "]"
    }
    line[median] = unicode ? "█" : "|"
    for v in box.outliers where line[at(v)] == " " {
      line[at(v)] = unicode ? "•" : "o"
    }
    return line.joined()
  }

  private func footer(_ context: RenderContext) -> [String] {
    var notes: [String] = []
    if hidden > 0 {
      let noun = hidden == 1 ? "category" : "categories"
      notes.append("\(hidden) smaller \(noun) not shown; top=N shows more")
    }
    if skipped > 0 { notes.append(Footer.skipped(skipped, valueName)) }
    return Footer.fitted(notes, width: context.width)
  }
}
