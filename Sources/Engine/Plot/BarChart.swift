/// Horizontal bars, one per label, longest first.
///
/// With a value column the bar of a label is the sum of its rows' values (rows with a
/// null or non-finite value are skipped and counted in the footer); without one it is
/// the number of rows with that label. The top `top` labels (default 25) get a bar each
/// and the rest are summed into one `other (k)` bar.
struct BarChart: ChartBody {
  static let defaultTop = 25

  /// Each label's text, in first-seen order.
  let labels: [String]
  /// Each label's total.
  let totals: [Double]
  let top: Int
  /// The footer note on skipped rows, if any were.
  let skippedNote: String?
  /// The line above the bars when no title was given.
  let caption: String

  init(table: Table, spec: ChartSpec, options: ChartOptions) throws(PlotError) {
    let labelName = spec.columns[0]
    let groups = RowGroups(try PlotColumn.lookUp(table, labelName))
    var totals = [Double](repeating: 0, count: groups.count)
    var present = [Bool](repeating: false, count: groups.count)
    let described: String

    if spec.columns.count == 2 {
      let values = try PlotColumn(table, spec.columns[1], allowTime: false)
      for (row, value) in values.values.enumerated() where value.isFinite {
        let group = Int(groups.ids[row])
        totals[group] += value
        present[group] = true
      }
      skippedNote = values.missing == 0 ? nil : Footer.skipped(values.missing, values.name)
      described = "sum of \(values.name) by \(labelName)"
    } else {
      totals = groups.sizes.map(Double.init)
      present = Array(repeating: true, count: groups.count)
      skippedNote = nil
      described = "rows by \(labelName)"
    }

    let kept = present.indices.filter { present[$0] }
    self.labels = kept.map { groups.names[$0] }
    self.totals = kept.map { totals[$0] }
    self.top = options.top ?? BarChart.defaultTop
    self.caption = options.title == nil ? DisplayWidth.printable(described) : ""
  }

  func render(_ context: RenderContext) -> [String] {
    var lines = caption.isEmpty ? [] : [DisplayWidth.truncated(caption, to: context.width)]
    let rows = shownRows()
    if rows.isEmpty {
      lines.append("no rows to plot")
    } else {
      lines += BarLayout(rows: rows, context: context).lines()
    }
    if let skippedNote { lines += Footer.fitted([skippedNote], width: context.width) }
    return lines
  }

  /// The bars to draw: the largest totals (ties in first-seen order), then `other`.
  func shownRows() -> [(label: String, total: Double)] {
    let order = totals.indices.sorted { a, b in
      totals[a] != totals[b] ? totals[a] > totals[b] : a < b
    }
    var rows = order.prefix(top).map { (labels[$0], totals[$0]) }
    let rest = order.dropFirst(top)
    if !rest.isEmpty {
      rows.append(("other (\(rest.count))", rest.reduce(0) { $0 + totals[$1] }))
    }
    return rows
  }
}

/// The geometry of a bar chart at one width: label column, bar area, value text.
private struct BarLayout {
  let rows: [(label: String, total: Double)]
  let context: RenderContext
  let values: [String]
  let labelWidth: Int
  /// Cells left of the zero line, for negative totals.
  let negativeCells: Int
  /// Cells right of the zero line.
  let positiveCells: Int
  /// How many cells one unit of value takes.
  let cellsPerUnit: Double

  init(rows: [(label: String, total: Double)], context: RenderContext) {
    self.rows = rows
    self.context = context
    values = rows.map { NumberText.value($0.total) }

    let widestLabel = rows.map { DisplayWidth.of($0.label) }.max() ?? 0
    let widestValue = values.map { DisplayWidth.of($0) }.max() ?? 0
    let labelCap = max(6, context.width * 2 / 5)
    labelWidth = max(1, min(widestLabel, labelCap, context.width - widestValue - 6))
    let area = max(2, context.width - labelWidth - 2 - widestValue)

    let lowest = min(0, rows.map(\.total).min() ?? 0)
    let highest = max(0, rows.map(\.total).max() ?? 0)
    let span = highest - lowest
    cellsPerUnit = span > 0 ? Double(area) / span : 0
    if lowest < 0 {
      let left = Int((-lowest * cellsPerUnit).rounded())
      negativeCells = min(max(1, left), highest > 0 ? area - 1 : area)
    } else {
      negativeCells = 0
    }
    positiveCells = area - negativeCells
  }

  func lines() -> [String] {
    rows.indices.map { i in
      let label = DisplayWidth.truncated(
        rows[i].label, to: labelWidth, at: .middle, ellipsis: context.ellipsis)
      let total = rows[i].total
      var line = DisplayWidth.padded(label, to: labelWidth) + " "
      if negativeCells > 0 {
        let left = total < 0 ? negativeBar(total) : ""
        line += DisplayWidth.padded(left, to: negativeCells, rightAligned: true)
      }
      let right = total > 0 ? positiveBar(total) : ""
      return line + right + " " + values[i]
    }
  }

  /// A bar growing right from the zero line, to an eighth of a cell with Unicode.
  private func positiveBar(_ total: Double) -> String {
    let perCell = context.unicode ? 8 : 1
    let exact = total * cellsPerUnit * Double(perCell)
    let units = min(max(1, Int(exact.rounded())), positiveCells * perCell)
    guard context.unicode else { return String(repeating: "#", count: units) }
    let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: units / 8) + partials[units % 8]
  }

  /// A bar growing left from the zero line, to half a cell with Unicode.
  private func negativeBar(_ total: Double) -> String {
    let perCell = context.unicode ? 2 : 1
    let exact = -total * cellsPerUnit * Double(perCell)
    let units = min(max(1, Int(exact.rounded())), negativeCells * perCell)
    guard context.unicode else { return String(repeating: "#", count: units) }
    return (units % 2 == 1 ? "▐" : "") + String(repeating: "█", count: units / 2)
  }
}
