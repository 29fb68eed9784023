/// Events as marks on a shared time axis, one lane per value of the `by` column.
///
/// Lanes are ordered by their first event (ties in first-seen order). Past `top` lanes
/// (default 12) the later ones are folded into a last `+N more` lane. With `label=COL`
/// each lane gets up to two rows of labels, each label starting at its event's mark (or
/// ending there at the right edge), placed left to right in the first row with room;
/// the footer counts the labels left out.
struct Timeline: ChartBody {
  static let defaultTop = 12

  /// One lane: its name and the events (indices into `times`) drawn on it.
  struct Lane: Sendable {
    var name: String
    var events: [Int]
  }

  let name: String
  /// The timestamps that are not null.
  let times: [Int64]
  /// The table row of each timestamp in `times`.
  let rows: [Int]
  let lanes: [Lane]
  let labels: Column?
  /// Rows whose timestamp is null.
  let skipped: Int

  init(table: Table, spec: ChartSpec, options: ChartOptions) throws(PlotError) {
    name = spec.columns[0]
    let stamps = try PlotColumn.times(table, name)
    rows = stamps.rows
    times = stamps.times
    skipped = stamps.nulls
    labels = try options.label.map { label throws(PlotError) in
      try PlotColumn.lookUp(table, label)
    }
    let groups = try options.by.map { by throws(PlotError) in
      let column = try PlotColumn.lookUp(table, by)
      return RowGroups(stamps.nulls == 0 ? column : column.gather(stamps.rows))
    }
    lanes = Timeline.lanes(
      groups ?? RowGroups(single: spec.columns[0], count: stamps.rows.count), times: times,
      top: options.top ?? Timeline.defaultTop)
  }

  /// The lanes in order of their first event, the ones past `top` folded together.
  private static func lanes(_ groups: RowGroups, times: [Int64], top: Int) -> [Lane] {
    var events = Array(repeating: [Int](), count: groups.count)
    var first = Array(repeating: Int64.max, count: groups.count)
    for (i, group) in groups.ids.enumerated() {
      events[Int(group)].append(i)
      first[Int(group)] = min(first[Int(group)], times[i])
    }
    let order = events.indices.sorted { a, b in first[a] != first[b] ? first[a] < first[b] : a < b }
    var lanes = order.map { Lane(name: groups.names[$0], events: events[$0]) }
    if lanes.count > top {
      let folded = lanes[(top - 1)...]
      let rest = Lane(name: "+\(folded.count) more", events: folded.flatMap(\.events))
      lanes = Array(lanes.prefix(top - 1)) + [rest]
    }
    return lanes
  }

  func render(_ context: RenderContext) -> [String] {
    guard let low = times.min(), let high = times.max() else {
      return ["no rows to plot"] + footer(context, hiddenLabels: 0)
    }
    let widestName = lanes.map { DisplayWidth.of($0.name) }.max() ?? 0
    let labelWidth = max(1, min(widestName, context.width / 4))
    let gutter = labelWidth + 2
    let cells = max(1, context.width - gutter - AxisFrame.rightMargin)
    let across = context.charset == .ascii ? 1 : 2
    let row = LabelRow(leftRoom: gutter, length: cells, rightRoom: context.width - gutter - cells)
    let scale = Scale.horizontal(
      .time, data: Double(low)...Double(high), row: row, placement: .points(dotsPerCell: across))

    let glyphs = AxisGlyphs(context.charset)
    let blankGutter = String(repeating: " ", count: labelWidth) + " " + glyphs.vertical
    var lines: [String] = []
    var hiddenLabels = 0
    for lane in lanes {
      let laneName = DisplayWidth.truncated(
        lane.name, to: labelWidth, at: .middle, ellipsis: context.ellipsis)
      let slots = lane.events.map { scale.slot(Double(times[$0]), of: cells * across) }
      lines.append(
        DisplayWidth.padded(laneName, to: labelWidth) + " " + glyphs.vertical
          + marks(slots, cells: cells, across: across, charset: context.charset))
      if let labels {
        let placed = labelRows(lane, slots: slots, across: across, cells: cells, labels, context)
        lines += placed.rows.map { blankGutter + $0 }
        hiddenLabels += placed.hidden
      }
    }
    let axis = XAxis(
      context: context, gutter: gutter, scale: scale, placement: .points(dotsPerCell: across),
      cells: cells)
    return lines + axis.lines(cornerLabel: nil, caption: name)
      + footer(context, hiddenLabels: hiddenLabels)
  }

  /// A lane's marks: a bar in the left or right half of a cell (or the whole cell).
  private func marks(_ slots: [Int], cells: Int, across: Int, charset: Charset) -> String {
    var bits = [UInt8](repeating: 0, count: cells)
    for slot in slots { bits[slot / across] |= across == 1 ? 3 : 1 << UInt8(slot % across) }
    return bits.map { bit -> String in
      switch (charset, bit) {
      case (.braille, 0): return "\u{2800}"
      case (_, 0): return " "
      case (.ascii, _): return "|"
      case (.braille, 1): return "⡇"
      case (.braille, 2): return "⢸"
      case (.braille, _): return "⣿"
      case (_, 1): return "▌"
      case (_, 2): return "▐"
      default: return "█"
      }
    }.joined()
  }

  /// The label rows of a lane (the second only when used): the earliest event of each
  /// cell speaks for the cell, and labels keep a space between them.
  private func labelRows(
    _ lane: Lane, slots: [Int], across: Int, cells: Int, _ labels: Column,
    _ context: RenderContext
  ) -> (rows: [String], hidden: Int) {
    var firstEvent = [Int](repeating: -1, count: cells)
    for (event, slot) in zip(lane.events, slots) {
      let cell = slot / across
      if firstEvent[cell] < 0 || times[event] < times[firstEvent[cell]] { firstEvent[cell] = event }
    }
    var rows = [TextRow(width: cells), TextRow(width: cells)]
    var free = [0, 0]
    var hidden = 0
    let longest = max(4, min(24, cells / 3))
    for cell in 0..<cells where firstEvent[cell] >= 0 {
      let row = self.rows[firstEvent[cell]]
      guard !labels.isNull(row) else { continue }
      let label = DisplayWidth.truncated(
        DisplayWidth.printable(ValueFormatter.plain(labels[row])), to: longest, at: .middle,
        ellipsis: context.ellipsis)
      let width = DisplayWidth.of(label)
      let start = min(cell, cells - width)
      guard let r = free.firstIndex(where: { start >= $0 }) else {
        hidden += 1
        continue
      }
      rows[r].write(label, at: start)
      free[r] = start + width + 1
    }
    let used = rows.map(\.text).filter { !$0.isEmpty }
    return (used.isEmpty ? [""] : used, hidden)
  }

  private func footer(_ context: RenderContext, hiddenLabels: Int) -> [String] {
    var notes: [String] = []
    if hiddenLabels > 0 {
      let noun = hiddenLabels == 1 ? "label" : "labels"
      notes.append("\(hiddenLabels) \(noun) left out for lack of room")
    }
    if skipped > 0 { notes.append(Footer.skipped(skipped, name)) }
    return Footer.fitted(notes, width: context.width)
  }
}
