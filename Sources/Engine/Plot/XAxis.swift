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
    let caption = DisplayWidth.printable(scale.mapping == .time ? caption + " (UTC)" : caption)
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
