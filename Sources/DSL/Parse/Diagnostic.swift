import Engine

/// Where something is in a script or REPL input: 1-based line and column.
public struct SourceLocation: Sendable, Equatable {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }
}

/// A located error: what went wrong, where, and the source line to point at.
public struct Diagnostic: Error, Sendable, Equatable {
  public var message: String
  public var location: SourceLocation
  /// How many characters the caret underline covers (at least 1).
  public var length: Int
  /// The text of the line the location points into, shown with a caret.
  public var sourceLine: String

  public init(message: String, location: SourceLocation, length: Int = 1, sourceLine: String) {
    self.message = message
    self.location = location
    self.length = max(1, length)
    self.sourceLine = sourceLine
  }

  /// `file:line:col: error: message`, the source line, and a caret under the span.
  public var rendered: String {
    let head = "\(location.file):\(location.line):\(location.column): error: \(message)"
    guard !sourceLine.isEmpty else { return head }
    let pad = String(repeating: " ", count: max(0, location.column - 1))
    let marks = "^" + String(repeating: "~", count: max(0, length - 1))
    return head + "\n  " + sourceLine + "\n  " + pad + marks
  }
}
