import Engine

/// A table written out whole in one of the text formats of `.mode`, for reading by
/// other programs: every row and column, nothing cut.
enum TableText {
  /// The lines of `table` in `mode`; `.table` is not one of these formats and gives none.
  /// - Complexity: O(rows × columns).
  static func lines(of table: Table, as mode: OutputMode) -> [String] {
    switch mode {
    case .table: return []
    case .csv: return delimited(table, UInt8(ascii: ","))
    case .tsv: return delimited(table, UInt8(ascii: "\t"))
    case .json: return json(table)
    case .jsonl: return (0..<table.rowCount).map { object(table, row: $0) }
    case .markdown: return markdown(table)
    case .line: return keyValueLines(table)
    }
  }

  private static func delimited(_ table: Table, _ delimiter: UInt8) -> [String] {
    var text = String(decoding: TableWriter.csvBytes(table, delimiter: delimiter), as: UTF8.self)
    if text.hasSuffix("\r\n") {
      text.removeLast()
    } else if text.hasSuffix("\n") {
      text.removeLast()
    }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// `[{...},` one object a line, closed by `]`; `[]` for no rows.
  private static func json(_ table: Table) -> [String] {
    guard table.rowCount > 0 else { return ["[]"] }
    return (0..<table.rowCount).map { row in
      (row == 0 ? "[" : "") + object(table, row: row)
        + (row == table.rowCount - 1 ? "]" : ",")
    }
  }

  private static func object(_ table: Table, row: Int) -> String {
    let members = zip(table.columnNames, table.columns).map { name, column in
      JSONText.quoted(name) + ":" + jsonValue(column[row])
    }
    return "{" + members.joined(separator: ",") + "}"
  }

  /// Numbers and booleans as themselves, times as text, NaN and infinities as null.
  static func jsonValue(_ value: Value) -> String {
    switch value {
    case .null: return "null"
    case .int(let v): return String(v)
    case .float(let v): return v.isFinite ? ValueFormatter.format(v) : "null"
    case .bool(let v): return v ? "true" : "false"
    case .string, .timestamp: return JSONText.quoted(ValueFormatter.plain(value))
    }
  }

  private static func markdown(_ table: Table) -> [String] {
    let cell = { (text: String) in text.replacingOccurrences(of: "|", with: "\\|") }
    let rule = table.columns.map { $0.type == .int || $0.type == .float ? "---:" : "---" }
    var lines = [row(table.columnNames.map { cell(TableRenderer.escaped($0)) }), row(rule)]
    for index in 0..<table.rowCount {
      lines.append(row(table.columns.map { cell(TableRenderer.cellText($0[index])) }))
    }
    return lines
  }

  private static func row(_ cells: [String]) -> String {
    "| " + cells.joined(separator: " | ") + " |"
  }

  /// Each row's `name = value` lines, names right-aligned, rows apart by a blank line.
  private static func keyValueLines(_ table: Table) -> [String] {
    let names = table.columnNames.map(TableRenderer.escaped)
    let width = names.map(TextWidth.columns(of:)).max() ?? 0
    var lines: [String] = []
    for index in 0..<table.rowCount {
      if index > 0 { lines.append("") }
      for (name, column) in zip(names, table.columns) {
        let label = TextWidth.padded(name, toColumns: width, alignRight: true)
        lines.append(label + " = " + TableRenderer.cellText(column[index]))
      }
    }
    return lines
  }
}
