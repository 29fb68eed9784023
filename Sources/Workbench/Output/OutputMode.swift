/// How `.mode` asks tables to be written.
enum OutputMode: String, CaseIterable, Equatable {
  /// Boxed text that fits the width, with a footer (the default).
  case table
  /// RFC 4180 comma-separated values with a header line, every row.
  case csv
  /// Tab-separated values with a header line, every row.
  case tsv
  /// One JSON array of objects, one object a line.
  case json
  /// One JSON object a line.
  case jsonl
  /// A GitHub-flavoured Markdown table, every row.
  case markdown
  /// Each row as `column = value` lines, rows apart by a blank line.
  case line

  /// Whether the mode is for other programs (CSV, TSV, JSON), whose values must stay
  /// exact; the others are for reading on a terminal, where control characters are
  /// shown escaped.
  var isMachineReadable: Bool {
    switch self {
    case .csv, .tsv, .json, .jsonl: return true
    case .table, .markdown, .line: return false
    }
  }
}
