import DSL

/// The interactive loop: read a statement or dot command, run it, show the result.
///
/// A line ending with `|` asks for another line. A line starting with `|` continues the
/// statement before it, which has already run: after `let NAME = ...` it extends NAME
/// (`let NAME = NAME | ...`), otherwise it applies to `_`, the last result. Tab
/// completes in context. Errors are shown and the loop goes on; Ctrl-C abandons the
/// input being typed or cancels the running statement; Ctrl-D or `.quit` ends the
/// session.
final class REPL {
  /// The name error locations carry for typed input.
  static let inputName = "<repl>"

  private let shell: Shell
  private let editor: LineEditor
  private let prompt: String
  private let continuationPrompt: String
  /// Lines read so far, so each statement gets its own line numbers.
  private var linesRead = 0
  /// The lines of a statement still being typed, for completing its next line.
  private var pending = ""
  /// What a line starting with `|` continues.
  private var continuationHead = "_"
  /// The history entry of the statement a line starting with `|` continues, when that
  /// line makes one statement with it; the line then joins that entry.
  private var continuedEntry: String?

  /// - Parameters:
  ///   - shell: where statements run.
  ///   - editor: where lines come from.
  ///   - unicode: whether the continuation prompt may use `…`.
  init(shell: Shell, editor: LineEditor, unicode: Bool) {
    self.shell = shell
    self.editor = editor
    prompt = "evs> "
    continuationPrompt = unicode ? "  …> " : "...> "

    let completer = Completer(session: shell.session, commands: MetaCommand.completions)
    editor.completer = { [weak self] line, cursor in
      let preceding = self?.preceding(line) ?? ""
      return completer.completion(for: line, cursor: cursor, preceding: preceding)
    }
    editor.cancelOnInterrupt(shell.session.cancellation)
    shell.history = { [weak editor] in editor?.history ?? [] }
    shell.afterRunning = { [weak editor, weak shell] in
      if editor?.takeInterrupt() == true { shell?.console.write("\n", to: .error) }
    }
  }

  /// Runs until Ctrl-D or `.quit`.
  /// - Returns: the exit status, always 0: errors do not end a session.
  func run() -> Int32 {
    shell.console.write(
      "evs \(EVS.version): .help lists the verbs and commands, Ctrl-D leaves\n", to: .output)
    defer { shell.finish() }
    while true {
      switch editor.readLine(prompt: prompt) {
      case .endOfInput:
        shell.console.write("\n", to: .output)
        return 0
      case .interrupted:
        shell.console.write("\n", to: .output)
      case .line(let line):
        let firstLine = linesRead + 1
        // A statement recalled from the history may hold several lines.
        linesRead += 1 + line.count(where: { $0 == "\n" })
        if handle(line, startingAt: firstLine) == .quit { return 0 }
      }
    }
  }

  /// The statement text a line continues, for completion.
  private func preceding(_ line: String) -> String {
    if !pending.isEmpty { return pending }
    return ScriptReader.startsWithPipe(line) ? continuationHead : ""
  }

  /// Runs one typed line (and the lines it asks for); returns `.quit` for `.quit`.
  private func handle(_ line: String, startingAt lineNumber: Int) -> Shell.MetaOutcome {
    let body = line.drop(while: { $0 == " " || $0 == "\t" })
    if body.hasPrefix("##") {
      let text = body.dropFirst(2)
      shell.transcript.note(narration: [String(text.hasPrefix(" ") ? text.dropFirst() : text)])
    }
    guard !body.isEmpty, !body.hasPrefix("#") else { return .proceed }
    let location = SourceLocation(
      file: Self.inputName, line: lineNumber, column: line.count - body.count + 1)

    if body.hasPrefix(".") {
      editor.addHistory(String(body))
      shell.echo(String(body))
      return shell.runMeta(String(body), at: location)
    }
    let continues = ScriptReader.startsWithPipe(body)
    let head = continues ? continuationHead : nil
    guard let statement = completed(continues ? line : String(body), after: head) else {
      return .proceed
    }
    let entry = continues ? String(statement.drop(while: { $0 == " " })) : statement
    if continues, let continuedEntry, editor.history.last == continuedEntry {
      editor.replaceLastHistory(with: continuedEntry + "\n" + entry)
      self.continuedEntry = continuedEntry + "\n" + entry
    } else {
      editor.addHistory(entry)
      continuedEntry = entry
    }
    shell.echo(statement)

    if head == "_" && shell.session.lastResult == nil {
      shell.report(
        Diagnostic(
          message: "a line starting with | continues the last result, and there is none yet",
          location: location, sourceLine: String(body)))
      return .proceed
    }
    if let head {
      let start = SourceLocation(file: Self.inputName, line: lineNumber - 1, column: 1)
      shell.runStatement(head + "\n" + statement, at: start)
    } else {
      shell.runStatement(statement, at: location)
    }
    continuationHead = Self.head(continuing: shell.lastStatementOutput)
    if !Self.canBeContinued(shell.lastStatementOutput) { continuedEntry = nil }
    return .proceed
  }

  /// What the next line starting with `|` continues after a statement gave `output`.
  private static func head(continuing output: Output?) -> String {
    if case .bound(let name, _?)? = output { return "let \(name) = \(name)" }
    return "_"
  }

  /// Whether a statement that gave `output` is what the next line starting with `|`
  /// continues: a table bound to a name, or a result shown (which becomes `_`).
  private static func canBeContinued(_ output: Output?) -> Bool {
    switch output {
    case nil, .bound(_, nil)?: return false
    default: return true
    }
  }

  /// The statement with the continuation lines it asks for; nil when abandoned.
  /// - Parameter head: the statement text `text` continues, if any.
  private func completed(_ text: String, after head: String?) -> String? {
    var text = text
    defer { pending = "" }
    while ScriptReader.endsWithPipe(text) {
      pending = head.map { $0 + "\n" + text } ?? text
      switch editor.readLine(prompt: continuationPrompt) {
      case .line(let more):
        linesRead += 1
        text += "\n" + more
      case .interrupted:
        shell.console.write("\n", to: .output)
        return nil
      case .endOfInput:
        return nil
      }
    }
    return text
  }
}
