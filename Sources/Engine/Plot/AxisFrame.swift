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

/// The x axis under a plot area: the rule with tick marks, the tick labels, and for
/// time axes the date row; then the caption, right-aligned.
struct XAxis {
  let context: RenderContext
  /// Columns left of the plot area: labels, a space and the vertical axis line.
  let gutter: Int
  let scale: Scale
  let placement: Scale.Placement
  /// Columns of the plot area the axis spans.
  let cells: Int

  /// The axis lines; `cornerLabel` is a y label that sits on the rule itself.
  func lines(cornerLabel: String?, caption: String) -> [String] {
    let glyphs = AxisGlyphs(context.charset)
    let positions = scale.ticks.map { scale.cell($0.value, cells: cells, placement: placement) }
    var rule = Array(repeating: glyphs.horizontal, count: cells)
    for p in positions where p >= 0 && p < cells { rule[p] = glyphs.downTick }
    let labelWidth = max(gutter - 2, 0)
    let corner = cornerLabel.map { DisplayWidth.padded($0, to: labelWidth, rightAligned: true) }
    let lead = (corner ?? String(repeating: " ", count: labelWidth)) + " "
    let crossed = corner != nil || positions.contains(-1)
    var lines = [lead + (crossed ? glyphs.cross : glyphs.corner) + rule.joined()]

    let row = LabelRow(
      leftRoom: gutter, length: cells, rightRoom: max(0, context.width - gutter - cells))
    lines.append(row.lenient(zip(positions, scale.ticks.map(\.label)).map { ($0, $1) }))
    return lines + captionLines(positions: positions, row: row, caption: caption)
  }

  /// The date row of a time axis (when it has one) and the axis caption, right-aligned.
  private func captionLines(positions: [Int], row: LabelRow, caption: String) -> [String] {
    let caption = scale.mapping == .time ? caption + " (UTC)" : caption
    let captionWidth = DisplayWidth.of(caption)
    let dates = dateRow(positions: positions, row: row)
    let captionStart = context.width - captionWidth
    let datesEnd = dates.isEmpty ? -3 : DisplayWidth.of(dates)
    if captionStart >= datesEnd + 3, captionWidth <= context.width {
      var line = TextRow(width: context.width)
      line.write(dates, at: 0)
      line.write(caption, at: captionStart)
      return [line.text]
    }
    let captionLine = DisplayWidth.padded(
      DisplayWidth.truncated(caption, to: context.width, ellipsis: context.ellipsis),
      to: context.width, rightAligned: true)
    return dates.isEmpty ? [captionLine] : [dates, captionLine]
  }

  /// Each tick's date context under the start of its label. Placed from the right, so a
  /// change of date always shows; an earlier date that would run into the next one moves
  /// left, and is left out when there is no room.
  private func dateRow(positions: [Int], row: LabelRow) -> String {
    var dates = TextRow(width: context.width)
    var limit = context.width
    for (tick, position) in zip(scale.ticks, positions).reversed() {
      guard let date = tick.context else { continue }
      let width = DisplayWidth.of(date)
      let labelStart = row.start(centredOn: position, width: DisplayWidth.of(tick.label))
      let start = min(labelStart, limit - width)
      guard start >= 0 else { continue }
      dates.write(date, at: start)
      limit = start - 1
    }
    return dates.text
  }
}

extension Scale.Placement {
  var isEdges: Bool {
    if case .edges = self { return true }
    return false
  }
}

/// The characters axes are drawn with.
struct AxisGlyphs {
  let vertical: String
  let horizontal: String
  /// A y tick: the axis line with a mark towards its label.
  let leftTick: String
  /// An x tick: the axis line with a mark towards its label.
  let downTick: String
  let corner: String
  /// The corner where a y label sits on the x axis line.
  let cross: String

  init(_ charset: Charset) {
    if charset.isUnicode {
      (vertical, horizontal, leftTick, downTick, corner, cross) = ("│", "─", "┤", "┬", "└", "┼")
    } else {
      (vertical, horizontal, leftTick, downTick, corner, cross) = ("|", "-", "+", "+", "+", "+")
    }
  }
}
