import DSL
import Engine
import Foundation

/// The dot commands: what each changes or shows.
extension Shell {
  /// Carries out a parsed dot command other than `.quit`. A setting given a value
  /// changes quietly, as in sqlite3, so that `.mode csv` output stays clean; without a
  /// value it shows the current one.
  /// - Returns: the lines to show on the screen.
  func perform(_ command: MetaCommand) throws(MetaCommandError) -> [String] {
    switch command {
    case .help(let topic):
      return try topic.map { name throws(MetaCommandError) in try HelpText.topic(name) }
        ?? HelpText.overview
    case .vars:
      return variableLines()
    case .schema(let name):
      return try schemaLines(of: name)
    case .width(let width):
      if let width {
        settings.width = width == 0 ? nil : width
        return []
      }
      let current = settings.effectiveWidth(on: terminal())
      return ["width: \(current)" + (settings.width == nil ? " (auto)" : "")]
    case .maxRows(let rows):
      if let rows {
        settings.maxRows = rows
        return []
      }
      return ["maxrows: " + (settings.maxRows == 0 ? "0 (all rows)" : "\(settings.maxRows)")]
    case .maxColumnWidth(let width):
      if let width {
        settings.maxColumnWidth = width
        return []
      }
      let limit = settings.maxColumnWidth
      return ["maxwidth: " + (limit == 0 ? "0 (the table's width)" : "\(limit)")]
    case .charset(let choice):
      if let choice {
        settings.charset = choice
        return []
      }
      return ["charset: \(settings.charset.rawValue)"]
    case .mode(let mode):
      if let mode {
        settings.mode = mode
        return []
      }
      return ["mode: \(settings.mode.rawValue)"]
    case .timer(let on):
      if let on {
        timer = on
        return []
      }
      return ["timer: " + (timer ? "on" : "off")]
    case .bail(let on):
      if let on {
        bail = on
        return []
      }
      return ["bail: " + (bail ? "on" : "off")]
    case .echo(let on):
      if let on {
        echoing = on
        return []
      }
      return ["echo: " + (echoing ? "on" : "off")]
    case .output(let path):
      return try redirect(to: path)
    case .last:
      try showLast()
      return []
    case .history:
      return historyLines()
    case .save(let path):
      return try saveTranscript(to: path)
    case .quit, .read:
      return []
    }
  }

  /// `.output FILE` starts sending results to FILE, relative to the session's folder;
  /// `.output` alone puts the file in place and sends results to the screen again.
  private func redirect(to path: String?) throws(MetaCommandError) -> [String] {
    let wasOpen = outputFile != nil
    try closeOutputFile()
    guard let path else { return wasOpen ? [] : ["output: the screen"] }
    outputFile = try OutputFile(path: resolve(path))
    return []
  }

  /// `path` with `~` expanded and relative to the session's folder.
  private func resolve(_ path: String) -> String {
    URL(fileURLWithPath: session.resolve(path)).standardized.path
  }

  /// Puts the `.output` file in place, if one is open.
  func closeOutputFile() throws(MetaCommandError) {
    guard let file = outputFile else { return }
    outputFile = nil
    try file.close()
  }

  /// `.last`: every row and column of `_`, through the pager on a terminal.
  private func showLast() throws(MetaCommandError) {
    guard let last = session.lastResult else { throw .nothingToShow }
    let lines = resultFormatter().lines(for: last, full: true)
    let screen = terminal()
    let pager = Pager.command(environment: ProcessInfo.processInfo.environment)
    guard outputFile == nil, screen.isTerminal, let pager,
      Pager.show(lines.joined(separator: "\n") + "\n", command: pager)
    else {
      emit(lines)
      return
    }
  }

  /// `.history`: numbered entries, a multi-line statement's lines under its number.
  private func historyLines() -> [String] {
    guard let history else { return ["history is kept at the REPL only"] }
    let entries = history()
    let width = String(entries.count).count
    return entries.enumerated().flatMap { index, entry in
      let number = String(index + 1)
      let lines = entry.split(separator: "\n", omittingEmptySubsequences: false)
      let head = String(repeating: " ", count: width - number.count) + number + "  "
      let indent = String(repeating: " ", count: width + 2)
      return lines.enumerated().map { ($0.offset == 0 ? head : indent) + $0.element }
    }
  }

  /// `.vars`: each bound name with its size or value, in binding order.
  private func variableLines() -> [String] {
    let names = session.bindingNames
    guard !names.isEmpty else { return ["no names are bound yet"] }
    let width = names.map(TextWidth.columns(of:)).max() ?? 0
    return names.map { name in
      TextWidth.padded(name, toColumns: width) + "  " + summary(of: session.binding(name))
    }
  }

  private func summary(of output: Output?) -> String {
    switch output {
    case .table(let table):
      return TableRenderer.counted(table.rowCount, "row") + " × "
        + TableRenderer.counted(table.columnCount, "column")
    case .chart(let chart): return "\(chart.spec.kind.rawValue) chart"
    case .value(let value): return "= " + ValueFormatter.plain(value)
    case .bound(_, let rows?): return TableRenderer.counted(rows, "row")
    case .bound, nil: return ""
    }
  }

  /// `.schema [NAME]`: a two-column table of column names and types.
  private func schemaLines(of name: String?) throws(MetaCommandError) -> [String] {
    let output: Output
    if let name {
      guard let bound = session.binding(name) else {
        let suggestions = NameSuggester.closest(to: name, among: session.bindingNames)
        throw .unboundName(name, suggestions: suggestions)
      }
      output = bound
    } else {
      guard let last = session.lastResult else { throw .noLastResult }
      output = last
    }
    guard case .table(let table) = output else { throw .notATable(name ?? "_") }

    let schema = TableSummary.schema(table)
    var style = settings.tableStyle(on: terminal())
    style.maxRows = 0
    return TableRenderer(style: style).render(schema)
  }
}
