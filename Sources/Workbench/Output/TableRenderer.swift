import Engine

/// Draws a table as boxed text: a header row, the rows that fit, and a footer that
/// says how many rows and columns there are and which are hidden.
///
/// Numbers are right-aligned, nulls are empty, and values read as `ValueFormatter.plain`
/// gives them. When a table is wider than the style's width, the widest text columns
/// are first narrowed (their cells cut in the middle, down to `minimumTextWidth`) so
/// that more columns fit, and only then are columns on the right hidden. A table with
/// more rows than `maxRows` shows its first and last rows around a gap row.
struct TableRenderer {
  var style: TableStyle

  /// The narrowest a text column is made to let more columns fit.
  static let minimumTextWidth = 12

  /// The table as lines of text, none wider than `style.width` columns.
  /// - Complexity: O(shown rows × columns), independent of the table's row count.
  func render(_ table: Table) -> [String] {
    let rows = shownRows(of: table)
    var columns = table.columnNames.indices.map { layout(of: $0, in: table, rows: rows) }
    let shown = fit(&columns)
    let hidden = Array(table.columnNames[shown...])
    columns = Array(columns[..<shown]).map(\.cut)

    guard !columns.isEmpty else { return [footer(table, hiddenRows: 0, hiddenColumns: hidden)] }
    var lines = [border(columns, style.box.top)]
    lines.append(line(columns.map { ($0.header, $0) }, bold: true))
    lines.append(border(columns, style.box.rule))
    for index in rows.indices {
      lines.append(line(columns.map { ($0.cells[index], $0) }))
      if index + 1 == rows.head.count && !rows.tail.isEmpty {
        lines.append(line(columns.map { (style.box.ellipsis, $0) }))
      }
    }
    lines.append(border(columns, style.box.bottom))
    lines.append(footer(table, hiddenRows: rows.hiddenCount, hiddenColumns: hidden))
    return lines
  }

  /// One column's header, shown cells, width and alignment. Header and cells are whole
  /// until `cut` fits them to the width.
  private struct ColumnLayout {
    var header: String
    var cells: [String]
    var width: Int
    var alignRight: Bool
    /// Whether the column holds text, which may be narrowed to fit more columns.
    var isText: Bool
    var ellipsis: String
    /// The width of the gap row's mark, the least the column may take.
    var gapWidth: Int

    /// The narrowest this column is made before columns are hidden.
    var minimumWidth: Int { isText ? min(width, TableRenderer.minimumTextWidth) : width }

    /// The column with its header and cells cut in the middle to its width.
    var cut: ColumnLayout {
      var result = self
      let cut = { TextWidth.truncated($0, toColumns: width, ellipsis: ellipsis) }
      result.header = cut(header)
      result.cells = cells.map(cut)
      let widest = result.cells.reduce(TextWidth.columns(of: result.header)) {
        max($0, TextWidth.columns(of: $1))
      }
      result.width = max(1, widest, gapWidth)
      return result
    }
  }

  /// The row indices shown: the first rows, then after a gap the last rows.
  private struct ShownRows {
    var head: [Int]
    var tail: [Int]
    var hiddenCount: Int

    var all: [Int] { head + tail }
    var indices: Range<Int> { 0..<(head.count + tail.count) }
  }

  private func shownRows(of table: Table) -> ShownRows {
    let count = table.rowCount
    guard style.maxRows > 0, count > style.maxRows else {
      return ShownRows(head: Array(0..<count), tail: [], hiddenCount: 0)
    }
    let headCount = (style.maxRows + 1) / 2
    let tailCount = style.maxRows - headCount
    return ShownRows(
      head: Array(0..<headCount), tail: Array((count - tailCount)..<count),
      hiddenCount: count - style.maxRows)
  }

  private func layout(of index: Int, in table: Table, rows: ShownRows) -> ColumnLayout {
    let column = table.columns[index]
    let header = Self.escaped(table.columnNames[index])
    let cells = ValueFormatter.texts(of: column, rows: rows.all).map(Self.escaped)
    let widest = cells.reduce(TextWidth.columns(of: header)) { max($0, TextWidth.columns(of: $1)) }
    let gapWidth = rows.tail.isEmpty ? 0 : TextWidth.columns(of: style.box.ellipsis)
    return ColumnLayout(
      header: header, cells: cells, width: max(1, min(widest, style.maxColumnWidth), gapWidth),
      alignRight: column.type == .int || column.type == .float, isText: column.type == .string,
      ellipsis: style.box.ellipsis, gapWidth: gapWidth)
  }

  /// Narrows and counts the leading columns that fit in the width: as many as fit with
  /// text columns at their minimum, the widest text columns narrowed one step at a
  /// time until those fit. The first column alone is narrowed further when even it
  /// does not fit.
  /// - Returns: how many leading columns are shown.
  private func fit(_ columns: inout [ColumnLayout]) -> Int {
    var count = 0
    var least = 1
    while count < columns.count, least + columns[count].minimumWidth + 3 <= style.width {
      least += columns[count].minimumWidth + 3
      count += 1
    }
    guard count > 0 else {
      guard !columns.isEmpty else { return 0 }
      columns[0].width = max(1, min(columns[0].width, style.width - 4))
      return 1
    }

    var used = columns[..<count].reduce(1) { $0 + $1.width + 3 }
    while used > style.width {
      let narrowable = columns[..<count].indices.filter {
        columns[$0].width > columns[$0].minimumWidth
      }
      guard let widest = narrowable.max(by: { columns[$0].width < columns[$1].width }) else {
        break
      }
      columns[widest].width -= 1
      used -= 1
    }
    return count
  }

  private func border(
    _ columns: [ColumnLayout], _ joins: (left: String, middle: String, right: String)
  ) -> String {
    let segments = columns.map { String(repeating: style.box.horizontal, count: $0.width + 2) }
    return joins.left + segments.joined(separator: joins.middle) + joins.right
  }

  private func line(_ cells: [(String, ColumnLayout)], bold: Bool = false) -> String {
    let bar = style.box.vertical
    let parts = cells.map { text, column in
      let padded = TextWidth.padded(text, toColumns: column.width, alignRight: column.alignRight)
      return " " + (bold ? emphasised(padded) : padded) + " "
    }
    return bar + parts.joined(separator: bar) + bar
  }

  /// `363 rows × 19 columns (343 rows, 12 columns hidden: Foo, Bar, …)`.
  private func footer(_ table: Table, hiddenRows: Int, hiddenColumns: [String]) -> String {
    let size =
      Self.counted(table.rowCount, "row") + " \(style.box.times) "
      + Self.counted(table.columnCount, "column")
    var hiddenParts: [String] = []
    if hiddenRows > 0 { hiddenParts.append(Self.counted(hiddenRows, "row")) }
    if !hiddenColumns.isEmpty { hiddenParts.append(Self.counted(hiddenColumns.count, "column")) }
    guard !hiddenParts.isEmpty else { return dimmed(size) }

    let head = size + " (" + hiddenParts.joined(separator: ", ") + " hidden"
    guard !hiddenColumns.isEmpty else { return dimmed(head + ")") }
    return dimmed(head + ": " + nameList(hiddenColumns, room: style.width - head.count - 3) + ")")
  }

  /// The names joined with commas, ending in an ellipsis where they would pass `room`.
  private func nameList(_ names: [String], room: Int) -> String {
    var listed: [String] = []
    var used = 0
    for (index, name) in names.enumerated() {
      let isLast = index == names.count - 1
      let reserve = isLast ? 0 : 2 + TextWidth.columns(of: style.box.ellipsis)
      let cost = TextWidth.columns(of: name) + (listed.isEmpty ? 0 : 2)
      guard used + cost + reserve <= room || listed.isEmpty else {
        return (listed + [style.box.ellipsis]).joined(separator: ", ")
      }
      listed.append(name)
      used += cost
    }
    return listed.joined(separator: ", ")
  }

  private func emphasised(_ text: String) -> String {
    style.color ? "\u{1B}[1m" + text + "\u{1B}[0m" : text
  }

  private func dimmed(_ text: String) -> String {
    style.color ? "\u{1B}[2m" + text + "\u{1B}[0m" : text
  }

  /// A cell's text on one line: null is empty; control characters are escaped.
  static func cellText(_ value: Value) -> String {
    escaped(ValueFormatter.plain(value))
  }

  /// `text` on one line: line breaks, tabs, other control characters and bidirectional
  /// overrides escaped (see `VisibleText`).
  static func escaped(_ text: String) -> String {
    VisibleText.escaped(text)
  }

  /// `1 row`, `2 rows`.
  static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)" + (count == 1 ? "" : "s")
  }
}
