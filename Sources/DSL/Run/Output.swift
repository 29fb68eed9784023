import Engine

/// What a statement produced, for the Workbench to display.
public enum Output: Sendable {
  /// A table to print.
  case table(Table)
  /// A chart to render at the display's width.
  case chart(Chart)
  /// A single value, such as a bound scalar.
  case value(Value)
  /// `let NAME = ...` bound a name; nothing is displayed but a REPL may confirm it.
  case bound(name: String, rows: Int?)
}

/// The result of running one statement.
public struct StatementResult: Sendable {
  /// Where the statement starts.
  public var location: SourceLocation
  /// The output, or the located error that stopped the statement.
  public var outcome: Result<Output, Diagnostic>
  /// Remarks about what happened that are not errors, such as repaired bytes in a file.
  public var notices: [String]
  /// Each stage that ran, with its rows and time, for `.timer` and `--trace`.
  public var trace: [StageTrace] = []

  /// A result at `location`; `trace` starts empty.
  public init(
    location: SourceLocation, outcome: Result<Output, Diagnostic>, notices: [String] = []
  ) {
    self.location = location
    self.outcome = outcome
    self.notices = notices
  }
}

/// What one stage of a pipeline did: its verb, rows in and out, and time taken.
public struct StageTrace: Sendable, Equatable {
  /// The verb as written in the source, e.g. `load`, `where`, `cluster`.
  public var verb: String
  /// Rows the stage received; `nil` for the pipeline's source.
  public var rowsIn: Int?
  /// Rows the stage produced; `nil` when it produced a chart or a value.
  public var rowsOut: Int?
  /// Wall-clock time the stage took.
  public var seconds: Double

  /// A stage's record.
  public init(verb: String, rowsIn: Int?, rowsOut: Int?, seconds: Double) {
    self.verb = verb
    self.rowsIn = rowsIn
    self.rowsOut = rowsOut
    self.seconds = seconds
  }
}
