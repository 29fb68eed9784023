/// One piece of a script as the runner sees it: a statement, a meta command or narration.
///
/// Expected-output lines (`#>`) directly under a statement or meta command belong to it.
public enum ScriptItem: Sendable, Equatable {
  /// A statement: its first line plus any continuation lines, joined with newlines.
  case statement(String, at: SourceLocation, expected: [String])
  /// A meta command such as `.width 100`, including its leading dot.
  case meta(String, at: SourceLocation, expected: [String])
  /// Markdown from consecutive `##` lines, one line of Markdown per script line.
  case narration(String, at: SourceLocation)

  /// Where the item starts.
  public var location: SourceLocation {
    switch self {
    case .statement(_, let location, _), .meta(_, let location, _): return location
    case .narration(_, let location): return location
    }
  }

  /// The statement, meta command or Markdown text.
  public var text: String {
    switch self {
    case .statement(let text, _, _), .meta(let text, _, _), .narration(let text, _): return text
    }
  }

  /// The `#>` lines under a statement or meta command, without their `#> ` prefix.
  public var expected: [String] {
    switch self {
    case .statement(_, _, let expected), .meta(_, _, let expected): return expected
    case .narration: return []
    }
  }
}

/// An item of a script with the lines it takes, so that its `#>` block can be rewritten.
public struct ScriptEntry: Sendable, Equatable {
  public var item: ScriptItem
  /// The item's last line (1-based): its first line, or its last continuation line.
  public var lastLine: Int
  /// The lines of its `#>` block, which directly follow `lastLine`; empty when it has none.
  public var expectedLines: Range<Int>

  public init(item: ScriptItem, lastLine: Int, expectedLines: Range<Int>) {
    self.item = item
    self.lastLine = lastLine
    self.expectedLines = expectedLines
  }
}

/// Splits the text of a `.evs` script into statements, meta commands and narration.
///
/// Line by line, after leading spaces and tabs:
/// - a blank line or a `#` comment is skipped (a blank line also ends a statement);
/// - `##` starts narration; consecutive `##` lines form one narration item whose
///   Markdown is each line without `##` and one following space;
/// - `#>` is an expected-output line; it belongs to the statement or meta command
///   directly above it (only other `#>` lines in between) and is kept without `#>`
///   and one following space; anywhere else it is skipped like a comment;
/// - `.` starts a meta command, which is always one line;
/// - anything else starts a statement.
///
/// A statement continues on the next line when that line starts with `|`, or when
/// the statement so far ends with `|` (ignoring trailing spaces and a `#` comment).
/// Plain comment lines between continuation lines are skipped.
///
/// The first line of a statement or meta command is given without its indentation,
/// and its location's column is where its text starts. Continuation lines are kept
/// exactly as written, so a position in them is its column on that line.
public enum ScriptReader {
  /// The items of `text`, in script order.
  /// - Parameters:
  ///   - text: the whole script; `\n` or `\r\n` line ends.
  ///   - file: the name locations carry, such as `hunt.evs` or `<stdin>`.
  /// - Complexity: O(n) in the length of `text`.
  public static func items(in text: String, file: String) -> [ScriptItem] {
    entries(in: text, file: file).map(\.item)
  }

  /// The items of `text` with the lines each takes, in script order.
  /// - Complexity: O(n) in the length of `text`.
  public static func entries(in text: String, file: String) -> [ScriptEntry] {
    var reader = Reader(file: file)
    for (index, line) in lines(of: text).enumerated() {
      reader.take(line, number: index + 1)
    }
    reader.flush()
    return reader.entries
  }

  /// Whether a statement whose text so far is `text` asks for another line: its last
  /// line ends with `|`, ignoring trailing spaces and a trailing `#` comment.
  public static func endsWithPipe(_ text: String) -> Bool {
    let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
    let code = withoutTrailingComment(lastLine)
    return code.last(where: { $0 != " " && $0 != "\t" }) == "|"
  }

  /// Whether `line` continues the statement above it: it starts with `|` after spaces.
  public static func startsWithPipe(_ line: some StringProtocol) -> Bool {
    line.first(where: { $0 != " " && $0 != "\t" }) == "|"
  }

  static func lines(of text: String) -> [Substring] {
    // "\r\n" is one Character in Swift, so it is matched as such.
    var lines = text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    if lines.last == "" { lines.removeLast() }
    return lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
  }

  /// The line up to a `#` that is outside double quotes and backticks.
  public static func withoutTrailingComment(_ line: Substring) -> Substring {
    var quote: Character?
    var escaped = false
    for index in line.indices {
      let c = line[index]
      if let open = quote {
        if escaped {
          escaped = false
        } else if c == "\\" && open == "\"" {
          escaped = true
        } else if c == open {
          quote = nil
        }
      } else if c == "\"" || c == "`" {
        quote = c
      } else if c == "#" {
        return line[..<index]
      }
    }
    return line
  }
}

extension ScriptReader {
  /// The line-by-line state machine behind `items(in:file:)`.
  private struct Reader {
    private enum Kind { case statement, meta, narration }

    /// An item still being gathered.
    private struct Draft {
      var kind: Kind
      var lines: [Substring]
      var location: SourceLocation
      var lastLine: Int
      var expected: [String] = []
      var expectedLines: Range<Int>

      init(kind: Kind, lines: [Substring], location: SourceLocation) {
        self.kind = kind
        self.lines = lines
        self.location = location
        lastLine = location.line
        expectedLines = (lastLine + 1)..<(lastLine + 1)
      }

      var entry: ScriptEntry {
        ScriptEntry(item: item, lastLine: lastLine, expectedLines: expectedLines)
      }

      var item: ScriptItem {
        let text = lines.joined(separator: "\n")
        switch kind {
        case .statement: return .statement(text, at: location, expected: expected)
        case .meta: return .meta(text, at: location, expected: expected)
        case .narration: return .narration(text, at: location)
        }
      }
    }

    let file: String
    private(set) var entries: [ScriptEntry] = []
    /// The item being gathered; it is complete once a line of another kind arrives.
    private var draft: Draft?
    /// Whether the statement being gathered may still take continuation lines.
    private var statementOpen = false
    /// Whether the last line belonged to the draft, so `#>` and `##` lines may join it.
    private var draftIsAdjacent = false

    init(file: String) {
      self.file = file
    }

    mutating func take(_ line: Substring, number: Int) {
      let body = line.drop(while: { $0 == " " || $0 == "\t" })
      let column = line.distance(from: line.startIndex, to: body.startIndex) + 1
      let location = SourceLocation(file: file, line: number, column: column)

      if body.hasPrefix("##") {
        takeNarration(Self.strip(prefix: 2, of: body), at: location)
      } else if body.hasPrefix("#>") {
        statementOpen = false
        if draftIsAdjacent {
          draft?.expected.append(String(Self.strip(prefix: 2, of: body)))
          if let lower = draft?.expectedLines.lowerBound {
            draft?.expectedLines = lower..<(number + 1)
          }
        }
      } else if body.isEmpty {
        statementOpen = false
        draftIsAdjacent = false
      } else if body.hasPrefix("#") {
        draftIsAdjacent = false
      } else if statementOpen && (startsWithPipe(body) || endsWithPipe) {
        draft?.lines.append(line)
        draft?.lastLine = number
        draft?.expectedLines = (number + 1)..<(number + 1)
        draftIsAdjacent = true
      } else if body.hasPrefix(".") {
        start(Draft(kind: .meta, lines: [body], location: location))
      } else {
        start(Draft(kind: .statement, lines: [body], location: location))
        statementOpen = true
      }
    }

    mutating func flush() {
      if let draft { entries.append(draft.entry) }
      draft = nil
    }

    private var endsWithPipe: Bool {
      guard let last = draft?.lines.last else { return false }
      return ScriptReader.endsWithPipe(String(last))
    }

    private mutating func start(_ next: Draft) {
      flush()
      draft = next
      statementOpen = false
      draftIsAdjacent = true
    }

    private mutating func takeNarration(_ text: Substring, at location: SourceLocation) {
      if draft?.kind == .narration && !statementOpen && draftIsAdjacent {
        draft?.lines.append(text)
        draft?.lastLine = location.line
      } else {
        start(Draft(kind: .narration, lines: [text], location: location))
      }
      draftIsAdjacent = true
    }

    /// `text` without its first `count` characters and one space after them.
    private static func strip(prefix count: Int, of text: Substring) -> Substring {
      let rest = text.dropFirst(count)
      return rest.hasPrefix(" ") ? rest.dropFirst() : rest
    }
  }
}
