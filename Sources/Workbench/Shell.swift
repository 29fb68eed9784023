import DSL
import Engine
import Foundation

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
  /// `.timer`: show each statement's time and its stages' rows and times.
  var timer = false
  /// `--trace`: like the timer, headed by the statement's location.
  var trace = false
  /// `.bail`: whether a script stops at its first error.
  var bail = true
  /// `.echo`: print each statement before its output.
  var echoing = false
  /// The REPL's history for `.history`; nil outside the REPL.
  var history: (() -> [String])?
  /// What the last statement produced; nil after a failure.
  private(set) var lastStatementOutput: Output?
  /// Called when a statement has run, before anything is shown; the REPL ends the line
  /// the terminal echoed `^C` on.
  var afterRunning: (() -> Void)?
  /// Where results go while `.output FILE` is in force.
  var outputFile: OutputFile?
  /// How scripts run here (`--keep-going`, `--echo`), scripts read by `.read` included.
  var scriptOptions = ScriptOptions()
  /// The scripts being run, the outermost first and those `.read` reads after it, so
  /// that none reads itself: each one's standardized path and the name its errors carry.
  var scriptsBeingRead: [(path: String, name: String)] = []
  /// The successful statements with their narration, for `.save`.
  var transcript = Transcript()
  let terminal: () -> TerminalInfo

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

  /// Runs one statement and shows its output, notices and error, and its times when
  /// `.timer` or `--trace` asks for them.
  /// - Returns: whether the statement succeeded.
  @discardableResult
  func runStatement(_ text: String, at location: SourceLocation) -> Bool {
    let clock = ContinuousClock()
    let started = clock.now
    let result = session.execute(text, at: location)
    (session.progress as? ProgressLine)?.finish()
    afterRunning?()
    let formatter = self.formatter()
    for notice in result.notices {
      console.writeLines(formatter.lines(forNotice: notice), to: .error)
    }

    var succeeded = false
    switch result.outcome {
    case .success(let output):
      lastStatementOutput = output
      if case .bound = output {
        console.writeLines(formatter.lines(for: output), to: .output)
      } else {
        emit(resultFormatter().lines(for: output, allRows: Self.listsColumns(result.trace)))
      }
      transcript.record(statement: text)
      succeeded = true
    case .failure(let diagnostic):
      lastStatementOutput = nil
      console.writeLines(formatter.lines(for: diagnostic), to: .error)
    }

    reportTime(clock.now - started, result.trace, at: location)
    return succeeded
  }

  /// Verbs whose result lists a table's columns, one row each: shown whole, whatever
  /// `.maxrows` says.
  static let columnListingVerbs: Set<String> = ["schema", "describe"]

  /// Whether a statement's result is a listing of columns: its last stage is `schema`
  /// or `describe`.
  static func listsColumns(_ trace: [StageTrace]) -> Bool {
    guard let last = trace.last, trace.count > 1 else { return false }
    return columnListingVerbs.contains(last.verb)
  }

  /// Prints `text` as typed after a prompt when `.echo` is on.
  func echo(_ text: String) {
    guard echoing else { return }
    console.write("evs> " + text + "\n", to: .output)
  }

  /// Runs one dot command line such as `.width 100`.
  @discardableResult
  func runMeta(_ text: String, at location: SourceLocation) -> MetaOutcome {
    do throws(MetaCommandError) {
      let command = try MetaCommand.parse(text)
      if command == .quit { return .quit }
      if case .read(let path) = command { return try readScript(path, from: location) }
      console.writeLines(try perform(command), to: .output)
      if command.changesDisplay { transcript.record(meta: text) }
      return .proceed
    } catch {
      let name = text.prefix(while: { $0 != " " && $0 != "\t" })
      let diagnostic = Diagnostic(
        message: error.description, location: location, length: name.count, sourceLine: text)
      console.writeLines(formatter().lines(for: diagnostic), to: .error)
      return .failed
    }
  }

  /// Finishes what is open at the end: a file `.output` was writing is put in place.
  func finish() {
    do throws(MetaCommandError) {
      try closeOutputFile()
    } catch {
      console.writeError("\(error)")
    }
  }

  /// Shows a located error the way statement errors are shown.
  func report(_ diagnostic: Diagnostic) {
    console.writeLines(formatter().lines(for: diagnostic), to: .error)
  }

  /// Results: to the `.output` file while there is one, else to standard output.
  func emit(_ lines: [String]) {
    guard let file = outputFile else {
      console.writeLines(lines, to: .output)
      return
    }
    do throws(MetaCommandError) {
      try file.write(lines)
    } catch {
      file.discard()
      outputFile = nil
      console.writeError("\(error); results go to the screen again")
      console.writeLines(lines, to: .output)
    }
  }

  /// Messages, errors and confirmations: always for the screen.
  func formatter() -> OutputFormatter {
    OutputFormatter(settings: settings, terminal: terminal(), interactive: interactive)
  }

  /// How results are laid out: for the terminal, or as for a file while `.output` is on.
  func resultFormatter() -> OutputFormatter {
    let target = outputFile == nil ? terminal() : TerminalInfo.file
    return OutputFormatter(settings: settings, terminal: target, interactive: interactive)
  }

  private func reportTime(_ elapsed: Duration, _ stages: [StageTrace], at location: SourceLocation)
  {
    guard timer || trace else { return }
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let heading = trace ? "trace \(location.file):\(location.line)" : "time"
    let arrow = settings.tableStyle(on: terminal()).box == .ascii ? "->" : "→"
    let lines = TimingReport.lines(
      heading: heading, seconds: seconds, trace: stages, arrow: arrow)
    console.writeLines(lines, to: .error)
  }
}
