/// What Tab may put at the cursor: the ways to finish the word that ends there.
public struct Completion: Equatable, Sendable {
  /// One way to finish the word.
  public struct Candidate: Equatable, Sendable {
    /// The whole word, replacing what was typed from `Completion.start` to the cursor.
    public var text: String
    /// What follows the word when it is the only candidate: a space after a verb or a
    /// column, `(` after a function, `"` after a file name, nothing after a folder or
    /// an option's `=`.
    public var terminator: String

    public init(_ text: String, terminator: String = " ") {
      self.text = text
      self.terminator = terminator
    }
  }

  /// The character offset in the line where the word being completed starts.
  public var start: Int
  /// The candidates, in the order they were found (columns in table order, then the
  /// rest alphabetically); empty when nothing fits.
  public var candidates: [Candidate]

  public init(start: Int, candidates: [Candidate]) {
    self.start = start
    self.candidates = candidates
  }

  /// The longest text every candidate starts with; the typed word when there are none.
  /// - Parameter typed: what was typed from `start` to the cursor.
  public func commonPrefix(typed: String) -> String {
    guard var prefix = candidates.first.map({ Array($0.text) }) else { return typed }
    for candidate in candidates.dropFirst() {
      let text = Array(candidate.text)
      var length = 0
      while length < min(prefix.count, text.count), prefix[length] == text[length] {
        length += 1
      }
      prefix = Array(prefix[..<length])
    }
    let common = String(prefix)
    return common.count >= typed.count ? common : typed
  }
}

/// A dot command as completion sees it: its name and what its argument is.
public struct CompletableCommand: Sendable {
  /// What a dot command's argument is.
  public enum Argument: Sendable {
    /// No argument.
    case none
    /// One of these words, such as `on` and `off`.
    case words([String])
    /// A bound name.
    case boundName
    /// A file or folder.
    case path
  }

  /// The name with its dot, such as `.mode`.
  public var name: String
  public var argument: Argument

  public init(_ name: String, _ argument: Argument = .none) {
    self.name = name
    self.argument = argument
  }
}
