/// What a session did successfully, in order, with the narration given before each
/// statement: what `.save` writes as a script.
struct Transcript: Equatable {
  /// One piece of the transcript.
  enum Entry: Equatable {
    /// Markdown lines, written as `##` lines.
    case narration([String])
    /// A statement as typed, continuation lines joined with newlines.
    case statement(String)
    /// A dot command that changes how later output looks, such as `.width 100`.
    case meta(String)
  }

  private(set) var entries: [Entry] = []
  /// Narration waiting for the next successful statement.
  private var pendingNarration: [String] = []

  /// Keeps narration (Markdown lines) for the statement that next succeeds.
  mutating func note(narration lines: [String]) {
    pendingNarration += lines
  }

  mutating func record(statement: String) {
    flushNarration()
    entries.append(.statement(statement))
  }

  mutating func record(meta: String) {
    flushNarration()
    entries.append(.meta(meta))
  }

  /// The transcript as the text of a `.evs` script: a comment saying how to record the
  /// outputs, then each statement (after its narration) as a paragraph of its own.
  /// - Parameter rewrite: applied to each statement, e.g. to move its paths.
  func script(named name: String, rewritingStatements rewrite: (String) -> String = { $0 })
    -> String
  {
    var lines = [
      "# Saved from an evs session. Record the outputs with: evs check --update \(name)"
    ]
    var previous: Entry?
    for entry in entries {
      switch entry {
      case .narration(let markdown):
        lines.append("")
        lines += markdown.map { $0.isEmpty ? "##" : "## " + $0 }
      case .statement(let text):
        if case .narration? = previous {} else { lines.append("") }
        lines += rewrite(text).split(separator: "\n", omittingEmptySubsequences: false)
          .map(String.init)
      case .meta(let text):
        if case .narration? = previous {} else { lines.append("") }
        lines.append(text)
      }
      previous = entry
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private mutating func flushNarration() {
    guard !pendingNarration.isEmpty else { return }
    entries.append(.narration(pendingNarration))
    pendingNarration = []
  }
}
