import Engine

/// Where something is in a script or REPL input: 1-based line and column.
public struct SourceLocation: Sendable, Equatable {
  /// The script's path as given, or a name such as `<command>` or `<stdin>`.
  public var file: String
  /// 1-based line number.
  public var line: Int
  /// 1-based column, in characters.
  public var column: Int

  /// A location in `file`.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }
}

/// A located error: what went wrong, where, and the source line to point at.
public struct Diagnostic: Error, Sendable, Equatable {
  /// What went wrong and, where it helps, what to do about it.
  public var message: String
  /// Where the caret points.
  public var location: SourceLocation
  /// How many characters the caret underline covers (at least 1).
  public var length: Int
  /// The text of the line the location points into, shown with a caret.
  public var sourceLine: String

  /// A diagnostic whose caret underlines `length` characters from `location`.
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
