import DSL
import Engine

/// Turns what a statement produced into the lines shown for it.
struct OutputFormatter {
  var settings: DisplaySettings
  var terminal: TerminalInfo
  /// Whether a person is watching at the REPL, who gets a short confirmation for `let`.
  var interactive: Bool

  /// The lines to print for `output`; none for a binding in a script.
  /// - Parameters:
  ///   - full: every row and column of a table, as `.last` shows it.
  ///   - allRows: every row of a table, within the usual width: for listings of a
  ///     table's columns (`schema`, `describe`), which are short and read whole.
  func lines(for output: Output, full: Bool = false, allRows: Bool = false) -> [String] {
    switch output {
    case .table(let table):
      guard settings.mode == .table else { return textLines(of: table) }
      var style = settings.tableStyle(on: terminal)
      if allRows { style.maxRows = 0 }
      if full {
        style.maxRows = 0
        style.width = Int(Int32.max)
        style.maxColumnWidth = Int(Int32.max)
      }
      return TableRenderer(style: style).render(table)
    case .chart(let chart):
      return chart.render(settings.chartStyle(on: terminal))
    case .value(let value):
      let text = ValueFormatter.plain(value)
      return [settings.mode.isMachineReadable ? text : VisibleText.escaped(text)]
    case .bound(let name, let rows):
      guard interactive else { return [] }
      let summary = rows.map { "\(name): " + TableRenderer.counted($0, "row") } ?? "\(name) bound"
      return [dimmed(summary)]
    }
  }

  /// A located error: `file:line:col: error: ...` in scripts; at the REPL, where the
  /// location is the line just typed, `error: ...` with the line and caret.
  func lines(for diagnostic: Diagnostic) -> [String] {
    let rendered = VisibleText.escaped(diagnostic.rendered, keepingLineBreaks: true)
    guard interactive else { return [rendered] }
    var shortened = rendered
    let prefix =
      "\(diagnostic.location.file):\(diagnostic.location.line):"
      + "\(diagnostic.location.column): "
    if shortened.hasPrefix(prefix) { shortened.removeFirst(prefix.count) }
    guard terminal.usesColor, shortened.hasPrefix("error:") else { return [shortened] }
    return ["\u{1B}[1;31merror:\u{1B}[0m" + shortened.dropFirst("error:".count)]
  }

  /// A remark that is not an error, for standard error.
  func lines(forNotice notice: String) -> [String] {
    ["note: " + VisibleText.escaped(notice, keepingLineBreaks: true)]
  }

  /// `table` in a text mode. CSV and TSV keep cell bytes exact for files and pipes; on a
  /// terminal, control characters in cells are shown as escapes so that they cannot act
  /// on the screen (other modes escape cells themselves).
  private func textLines(of table: Table) -> [String] {
    let lines = TableText.lines(of: table, as: settings.mode)
    guard terminal.isTerminal, settings.mode == .csv || settings.mode == .tsv else {
      return lines
    }
    return lines.map { VisibleText.escaped($0, keepingLineBreaks: true) }
  }

  private func dimmed(_ text: String) -> String {
    terminal.usesColor ? "\u{1B}[2m" + text + "\u{1B}[0m" : text
  }
}
