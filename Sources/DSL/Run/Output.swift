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

  public init(
    location: SourceLocation, outcome: Result<Output, Diagnostic>, notices: [String] = []
  ) {
    self.location = location
    self.outcome = outcome
    self.notices = notices
  }
}
