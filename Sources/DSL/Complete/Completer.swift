import Engine
import Foundation

/// Suggests how to finish the word at the cursor, from what the session knows: verbs
/// after `|`, the columns the pipeline has at that point, bound names, functions,
/// option names and values, dot commands, and files inside `load "..."`.
///
/// The columns come from following the stages typed before the cursor through the
/// checker's schema rules, without running anything; a file being loaded is read only
/// as far as its header line. Nothing here changes the session.
///
/// ```
/// let completer = Completer(session: session)
/// completer.candidates(for: "procs | where Comm")   // ["CommandLine"]
/// ```
public struct Completer {
  typealias Candidate = Completion.Candidate

  let session: Session
  private let commands: [CompletableCommand]

  /// - Parameters:
  ///   - session: where bound names, their tables and the base folder come from.
  ///   - commands: the dot commands to offer after a `.` at the start of a line.
  public init(session: Session, commands: [CompletableCommand] = []) {
    self.session = session
    self.commands = commands
  }

  /// The candidates for the word that ends at `cursor`.
  /// - Parameters:
  ///   - line: the line being edited.
  ///   - cursor: a character offset in `line`; the end of the line when nil.
  ///   - preceding: the statement's earlier lines when `line` continues it, joined with
  ///     newlines; empty for a line that starts a statement.
  /// - Complexity: O(length of the statement), plus reading a folder or a file's
  ///   header line where the context asks for one.
  public func completion(for line: String, cursor: Int? = nil, preceding: String = "")
    -> Completion
  {
    let characters = Array(line)
    let end = min(max(0, cursor ?? characters.count), characters.count)
    let typed = String(characters[..<end])
    if preceding.isEmpty, typed.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(".") {
      return commandCompletion(Array(typed))
    }

    let text = preceding.isEmpty ? typed : preceding + "\n" + typed
    let offset = text.count - typed.count
    var completion = statementCompletion(Array(text))
    completion.start = max(0, completion.start - offset)
    return completion
  }

  /// The candidates' texts for the word that ends at `cursor`; see `completion`.
  public func candidates(for line: String, cursor: Int? = nil, preceding: String = "")
    -> [String]
  {
    completion(for: line, cursor: cursor, preceding: preceding).candidates.map(\.text)
  }

  // MARK: Statements

  private func statementCompletion(_ text: [Character]) -> Completion {
    switch OpenQuote.find(in: text) {
    case .comment:
      return Completion(start: text.count, candidates: [])
    case .string(let quote):
      return pathInString(text, quote: quote)
    case .backquote(let quote):
      let typed = String(text[(quote + 1)...])
      let tokens = (try? Lexer.tokenize(String(text[..<quote])))?.dropLast() ?? []
      let columns = self.columns(before: Array(tokens)).map { Candidate("`\($0)`") }
      return Completion(start: quote, candidates: Self.matching(typed, columns))
    case nil:
      break
    }

    var start = text.count
    while start > 0, Self.isNameCharacter(text[start - 1]) { start -= 1 }
    var word = String(text[start...])
    guard word.first?.isNumber != true,
      var tokens = try? Lexer.tokenize(String(text[..<start]))
    else { return Completion(start: start, candidates: []) }
    tokens.removeLast()

    if let hyphenated = Self.hyphenatedVerbStart(tokens, wordStart: start) {
      word = String(text[hyphenated.offset..<start]) + word
      start = hyphenated.offset
      tokens.removeLast(2)
    }
    return Completion(start: start, candidates: Self.matching(word, candidates(after: tokens)))
  }

  /// Inside a string: file names after `load` and `save`, nothing elsewhere.
  private func pathInString(_ text: [Character], quote: Int) -> Completion {
    let before = (try? Lexer.tokenize(String(text[..<quote])))?.dropLast() ?? []
    guard let verb = before.last?.identifier, verb == "load" || verb == "save" else {
      return Completion(start: text.count, candidates: [])
    }
    let typed = String(text[(quote + 1)...])
    return Completion(start: quote + 1, candidates: paths(startingWith: typed, fileEnd: "\""))
  }

  /// `project-` or `plot-` right before the word, as in `project-away`.
  private static func hyphenatedVerbStart(_ tokens: [Token], wordStart: Int) -> Token? {
    guard tokens.count >= 2, let dash = tokens.last, dash.isSymbol("-"),
      dash.offset + dash.length == wordStart
    else { return nil }
    let verb = tokens[tokens.count - 2]
    guard verb.isKeyword("project") || verb.isKeyword("plot"),
      verb.offset + verb.length == dash.offset,
      tokens.count == 2 || tokens[tokens.count - 3].isSymbol("|")
    else { return nil }
    return verb
  }

  // MARK: Dot commands

  private func commandCompletion(_ typed: [Character]) -> Completion {
    let nameStart = typed.firstIndex(where: { $0 != " " && $0 != "\t" }) ?? typed.count
    guard let space = typed[nameStart...].firstIndex(where: { $0 == " " || $0 == "\t" }) else {
      let word = String(typed[nameStart...])
      let names = commands.map { Candidate($0.name) }
      return Completion(start: nameStart, candidates: Self.matching(word, names))
    }

    let name = String(typed[nameStart..<space])
    let argumentStart =
      typed[space...].firstIndex(where: { $0 != " " && $0 != "\t" }) ?? typed.count
    let argument = String(typed[argumentStart...])
    let none = Completion(start: typed.count, candidates: [])
    guard !argument.contains(" "), let command = commands.first(where: { $0.name == name })
    else { return none }

    let found: [Candidate]
    switch command.argument {
    case .none: return none
    case .words(let words): found = words.map { Candidate($0) }
    case .boundName: found = session.bindingNames.map { Candidate($0) }
    case .path: found = paths(startingWith: argument, fileEnd: " ")
    }
    return Completion(start: argumentStart, candidates: Self.matching(argument, found))
  }

  // MARK: Files

  /// Files and folders whose path starts with `typed`, relative to the session's
  /// folder; folders end in `/` and take no terminator, files take `fileEnd`.
  func paths(startingWith typed: String, fileEnd: String) -> [Candidate] {
    let slash = typed.lastIndex(of: "/")
    let folderPart = slash.map { String(typed[...$0]) } ?? ""
    let prefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
    let resolver = Interpreter(bindings: [:], baseDirectory: session.baseDirectory)
    let folder = resolver.resolve(folderPart.isEmpty ? "." : folderPart)
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      return []
    }

    return entries.filter { $0.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.hasPrefix(".")) }
      .sorted()
      .map { entry in
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: folder + "/" + entry, isDirectory: &isFolder)
        return isFolder.boolValue
          ? Candidate(folderPart + entry + "/", terminator: "")
          : Candidate(folderPart + entry, terminator: fileEnd)
      }
  }

  // MARK: Matching

  /// The candidates that start with `word`, first-found first and without repeats;
  /// when none does, those that start with it ignoring case.
  static func matching(_ word: String, _ candidates: [Candidate]) -> [Candidate] {
    var seen = Set<String>()
    let unique = candidates.filter { seen.insert($0.text).inserted }
    let exact = unique.filter { key(of: $0.text).hasPrefix(word) }
    guard exact.isEmpty, !word.isEmpty else { return exact }
    let lowered = word.lowercased()
    return unique.filter { key(of: $0.text).lowercased().hasPrefix(lowered) }
  }

  /// What a candidate is matched by: its text without backquotes.
  private static func key(of text: String) -> String {
    text.hasPrefix("`") ? String(text.dropFirst().prefix(while: { $0 != "`" })) : text
  }

  static func isNameCharacter(_ c: Character) -> Bool {
    c.isLetter || c.isNumber || c == "_"
  }
}

/// Where the end of a statement's text is inside something that is not code.
enum OpenQuote: Equatable {
  /// A `#` comment.
  case comment
  /// A string; the offset of its opening quote.
  case string(Int)
  /// A `` `quoted name` ``; the offset of its opening backquote.
  case backquote(Int)

  /// What the end of `text` is inside, if anything.
  /// - Complexity: O(text.count).
  static func find(in text: [Character]) -> OpenQuote? {
    var open: (quote: Character, offset: Int)?
    var inComment = false
    var escaped = false
    for (offset, c) in text.enumerated() {
      if inComment {
        inComment = c != "\n"
      } else if let current = open {
        if escaped {
          escaped = false
        } else if c == "\\" && current.quote != "`" {
          escaped = true
        } else if c == current.quote {
          open = nil
        }
      } else if c == "\"" || c == "'" || c == "`" {
        open = (c, offset)
      } else if c == "#" {
        inComment = true
      }
    }
    if inComment { return .comment }
    guard let open else { return nil }
    return open.quote == "`" ? .backquote(open.offset) : .string(open.offset)
  }
}
