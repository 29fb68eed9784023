import Engine

/// An interactive or scripted evs session: the bound names and the last result.
///
/// The Workbench hands it statements (one logical statement at a time, continuation
/// lines already joined) and displays what comes back. A failed statement leaves
/// the session as it was.
public final class Session {
  /// The folder relative paths in `load` and `save` are resolved against.
  public var baseDirectory: String
  /// Bound names in the order they were first bound.
  public private(set) var bindingNames: [String] = []
  private var bindings: [String: Output] = [:]
  /// The last displayed result, `_` in the language.
  public private(set) var lastResult: Output?

  public init(baseDirectory: String) {
    self.baseDirectory = baseDirectory
  }

  /// Runs one statement.
  /// - Parameters:
  ///   - source: the statement's text; continuation lines joined with newlines.
  ///   - location: where the statement starts, for error messages.
  public func execute(_ source: String, at location: SourceLocation) -> StatementResult {
    let line = source.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
    let diagnostic = Diagnostic(
      message: "statements are not implemented yet", location: location,
      sourceLine: String(line))
    return StatementResult(location: location, outcome: .failure(diagnostic))
  }

  /// What a bound name holds, for `.vars` and `.schema`.
  public func binding(_ name: String) -> Output? {
    bindings[name]
  }
}
