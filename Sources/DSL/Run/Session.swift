import Engine

/// An interactive or scripted evs session: the bound names and the last result.
///
/// The Workbench hands it statements (one logical statement at a time, continuation
/// lines already joined with newlines) and displays what comes back. A failed
/// statement leaves the session as it was.
public final class Session {
  /// The folder relative paths in `load` and `save` are resolved against.
  public var baseDirectory: String
  /// Bound names in the order they were first bound.
  public private(set) var bindingNames: [String] = []
  private var bindings: [String: Output] = [:]
  /// The stage notes already shown, each shown once a session.
  private var shownNotes: Set<String> = []
  /// Values given on the command line for `param` declarations, by name.
  public var parameterOverrides: [String: String] = [:]
  /// The parameters declared so far, in order, with their values.
  public private(set) var parameters: [(name: String, value: Value)] = []

  /// Told how long loads and clusterings are coming along; `nil` for silence.
  public var progress: (any ProgressReporter)?

  /// Set it (from a signal handler, say) to stop the running statement at its next stage;
  /// `execute` clears it when a statement starts.
  public let cancellation = CancellationFlag()

  /// The last displayed result, `_` in the language.
  public var lastResult: Output? { bindings["_"] }

  /// A new session with no bindings, resolving relative paths against `baseDirectory`.
  public init(baseDirectory: String) {
    self.baseDirectory = baseDirectory
  }

  /// What a bound name holds, for `.vars` and `.schema`.
  public func binding(_ name: String) -> Output? {
    bindings[name]
  }

  /// Runs one statement.
  /// - Parameters:
  ///   - source: the statement's text; continuation lines joined with newlines.
  ///   - location: where the statement starts, for error messages.
  public func execute(_ source: String, at location: SourceLocation) -> StatementResult {
    let statement: Statement
    do {
      statement = try Parser.parse(source)
    } catch {
      return failure(
        error.message, Span(offset: error.offset, length: error.length), source, location)
    }

    let notes = statement.notes.filter { shownNotes.insert($0).inserted }
    cancellation.reset()
    var interpreter = Interpreter(bindings: bindings, baseDirectory: baseDirectory)
    interpreter.cancellation = cancellation
    interpreter.progress = progress
    do {
      let output = try run(statement, &interpreter)
      var result = StatementResult(
        location: location, outcome: .success(output), notices: notes + interpreter.notices)
      result.trace = interpreter.trace
      return result
    } catch {
      var result = failure(error.message, error.span, source, location)
      result.notices = notes + interpreter.notices + error.notices
      result.trace = interpreter.trace
      return result
    }
  }

  private func run(_ statement: Statement, _ interpreter: inout Interpreter) throws(RunError)
    -> Output
  {
    switch statement.kind {
    case .bind(let name, let pipeline):
      let output = try interpreter.run(pipeline)
      bind(name, output)
      if case .table(let table) = output { return .bound(name: name, rows: table.rowCount) }
      return .bound(name: name, rows: nil)

    case .param(let name, let declared):
      let value = try parameterValue(name, declared)
      bind(name, .value(value))
      if let i = parameters.firstIndex(where: { $0.name == name }) {
        parameters[i].value = value
      } else {
        parameters.append((name, value))
      }
      return .bound(name: name, rows: nil)

    case .show(let pipeline):
      let output = try interpreter.run(pipeline)
      bindings["_"] = output
      return output
    }
  }

  /// Binds `name` to a table, as `let NAME = ...` would.
  public func bind(_ name: String, table: Table) {
    bind(name, .table(table))
  }

  private func bind(_ name: String, _ output: Output) {
    if bindings[name] == nil { bindingNames.append(name) }
    bindings[name] = output
  }

  /// The declared default, or the command line's override read as the default's type.
  private func parameterValue(_ name: String, _ declared: Value) throws(RunError) -> Value {
    guard let text = parameterOverrides[name] else { return declared }
    let parameter = DeclaredParameter(
      name: name, defaultValue: declared, location: SourceLocation(file: "", line: 0, column: 0))
    guard let value = parameter.value(from: text) else {
      throw RunError(
        "--param \(name)=\(text): expected \(parameter.expectation)", at: Span(offset: 0, length: 5)
      )
    }
    return value
  }

  private func failure(
    _ message: String, _ span: Span, _ source: String, _ location: SourceLocation
  ) -> StatementResult {
    let diagnostic = Diagnostic(message, at: span, in: source, startingAt: location)
    return StatementResult(location: location, outcome: .failure(diagnostic))
  }
}

/// The line (0-based within the text) and column (1-based) of a character offset.
struct SourcePosition {
  var line = 0
  var column = 1
  var lineText = ""

  init(text: String, offset: Int) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var remaining = offset
    for (index, lineText) in lines.enumerated() {
      if remaining <= lineText.count || index == lines.count - 1 {
        line = index
        column = min(remaining, lineText.count) + 1
        self.lineText = String(lineText)
        return
      }
      remaining -= lineText.count + 1
    }
  }
}

extension Diagnostic {
  /// An error at `span` of a statement whose text is `source` and which starts at
  /// `location`: the line and column inside the script, and that line for the caret.
  init(_ message: String, at span: Span, in source: String, startingAt location: SourceLocation) {
    let place = SourcePosition(text: source, offset: span.offset)
    self.init(
      message: message,
      location: SourceLocation(
        file: location.file, line: location.line + place.line,
        column: (place.line == 0 ? location.column - 1 : 0) + place.column),
      length: min(span.length, max(1, place.lineText.count - place.column + 1)),
      sourceLine: place.lineText)
  }
}
