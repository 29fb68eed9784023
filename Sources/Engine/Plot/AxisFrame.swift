/// A plot area with a labelled y axis on its left and an x axis below it.
///
/// Build it in the order the layout needs: the y scale (from the height), then the
/// gutter its labels take, then the x scale for the columns that are left.
struct AxisFrame {
  let context: RenderContext
  /// Rows of the plot area.
  let rows: Int
  let yScale: Scale
  let yPlacement: Scale.Placement
  /// Columns taken by the y labels and the axis line.
  let gutter: Int
  /// Columns of the plot area.
  let columns: Int
  /// Columns left free right of the plot area for the last x label.
  static let rightMargin = 2

  /// The frame for a plot area `rows` high with the given y axis, using the rest of
  /// the width for the plot.
  init(
    context: RenderContext, rows: Int, y: ClosedRange<Double>, mapping: Scale.Mapping,
    placement: Scale.Placement, integers: Bool = false
  ) {
    self.context = context
    self.rows = rows
    yPlacement = placement
    yScale = Scale.vertical(
      mapping, data: y, length: rows, placement: placement, integers: integers)
    let widest = yScale.ticks.map { DisplayWidth.of($0.label) }.max() ?? 0
    gutter = widest + 2
    columns = max(1, context.width - gutter - AxisFrame.rightMargin)
  }

  /// The row that a y tick is labelled on, counted from the top of the plot area;
  /// `rows` is the x axis line itself.
  private func labelRow(_ value: Double) -> Int {
    rows - 1 - yScale.cell(value, cells: rows, placement: yPlacement)
  }

  /// The row for the labels of an x axis `length` cells long under this frame.
  func labelRow(length: Int) -> LabelRow {
    LabelRow(leftRoom: gutter, length: length, rightRoom: max(0, context.width - gutter - length))
  }

  /// The plot area with the y axis on its left, then the x axis line, its labels and
  /// its caption.
  /// - Parameters:
  ///   - area: `rows` lines of the plot, each `columns` cells wide.
  ///   - x: the x scale; `xPlacement` says how its values map to columns.
  ///   - xCaption: the x column's name; time axes add "(UTC)".
  ///   - yCaption: shown above the y axis.
  func compose(
    area: [String], x: Scale, xPlacement: Scale.Placement, xCaption: String, yCaption: String
  ) -> [String] {
    let glyphs = AxisGlyphs(context.charset)
    var labels: [Int: String] = [:]
    for tick in yScale.ticks { labels[labelRow(tick.value)] = tick.label }
    let labelWidth = gutter - 2

    let yCaption = DisplayWidth.printable(yCaption)
    var lines = [DisplayWidth.truncated(yCaption, to: context.width, ellipsis: context.ellipsis)]
    for (row, text) in area.enumerated() {
      let label = labels[row].map { DisplayWidth.padded($0, to: labelWidth, rightAligned: true) }
      let axis = labels[row] == nil ? glyphs.vertical : glyphs.leftTick
      lines.append((label ?? String(repeating: " ", count: labelWidth)) + " " + axis + text)
    }

    let axis = XAxis(
      context: context, gutter: gutter, scale: x, placement: xPlacement, cells: columns)
    return lines + axis.lines(cornerLabel: labels[rows], caption: xCaption)
  }
}
