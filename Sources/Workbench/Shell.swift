import DSL
import Engine

/// The state one `evs` process works in: the session, the display settings and
/// where output goes. The REPL and the script runner both feed it statements and
/// dot commands.
final class Shell {
  /// What a dot command asks of whoever is driving the shell.
  enum MetaOutcome: Equatable {
    case proceed
    case failed
    case quit
  }

  let session: Session
  var settings = DisplaySettings()
  let console: Console
  /// Whether a person is at the REPL (short errors, confirmations for `let`).
  let interactive: Bool
  private let terminal: () -> TerminalInfo

  /// - Parameters:
  ///   - session: the language session statements run in.
  ///   - console: where results and errors go.
  ///   - interactive: true at the REPL.
  ///   - terminal: what output is connected to; asked again before every display so a
  ///     resized terminal is noticed.
  init(
    session: Session, console: Console, interactive: Bool,
    terminal: @escaping () -> TerminalInfo = TerminalInfo.current
  ) {
    self.session = session
    self.console = console
    self.interactive = interactive
    self.terminal = terminal
  }

  /// Runs one statement and shows its output, notices and error.
  /// - Returns: whether the statement succeeded.
  @discardableResult
  func runStatement(_ text: String, at location: SourceLocation) -> Bool {
    let result = session.execute(text, at: location)
    (session.progress as? ProgressLine)?.finish()
    let formatter = self.formatter()
    for notice in result.notices {
      console.writeLines(formatter.lines(forNotice: notice), to: .error)
    }

    switch result.outcome {
    case .success(let output):
      console.writeLines(formatter.lines(for: output), to: .output)
      return true
    case .failure(let diagnostic):
      console.writeLines(formatter.lines(for: diagnostic), to: .error)
      return false
    }
  }

  /// Runs one dot command line such as `.width 100`.
  @discardableResult
  func runMeta(_ text: String, at location: SourceLocation) -> MetaOutcome {
    do throws(MetaCommandError) {
      let command = try MetaCommand.parse(text)
      if command == .quit { return .quit }
      console.writeLines(try perform(command), to: .output)
      return .proceed
    } catch {
      let name = text.prefix(while: { $0 != " " && $0 != "\t" })
      let diagnostic = Diagnostic(
        message: error.description, location: location, length: name.count, sourceLine: text)
      console.writeLines(formatter().lines(for: diagnostic), to: .error)
      return .failed
    }
  }

  /// Carries out a parsed dot command other than `.quit`.
  /// - Returns: the lines to show.
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
      if let width { settings.width = width == 0 ? nil : width }
      let current = settings.effectiveWidth(on: terminal())
      return ["width: \(current)" + (settings.width == nil ? " (auto)" : "")]
    case .maxRows(let rows):
      if let rows { settings.maxRows = rows }
      return ["maxrows: " + (settings.maxRows == 0 ? "0 (all rows)" : "\(settings.maxRows)")]
    case .maxColumnWidth(let width):
      if let width { settings.maxColumnWidth = width }
      return ["maxwidth: \(settings.maxColumnWidth)"]
    case .charset(let choice):
      if let choice { settings.charset = choice }
      return ["charset: \(settings.charset.rawValue)"]
    case .quit:
      return []
    }
  }

  private func formatter() -> OutputFormatter {
    OutputFormatter(settings: settings, terminal: terminal(), interactive: interactive)
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

    let schema = Table(
      columnNames: ["column", "type"],
      columns: [
        Column(type: .string, cells: table.columnNames.map { .string($0) }),
        Column(type: .string, cells: table.columns.map { .string($0.type.rawValue) }),
      ])
    var style = settings.tableStyle(on: terminal())
    style.maxRows = 0
    return TableRenderer(style: style).render(schema)
  }
}
