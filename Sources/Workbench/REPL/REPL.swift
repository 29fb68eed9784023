import DSL

/// The interactive loop: read a statement or dot command, run it, show the result.
///
/// A line ending with `|` asks for another line. Errors are shown and the loop goes
/// on; Ctrl-C abandons the input being typed; Ctrl-D or `.quit` ends the session.
final class REPL {
  /// The name error locations carry for typed input.
  static let inputName = "<repl>"

  private let shell: Shell
  private let editor: LineEditor
  private let prompt: String
  private let continuationPrompt: String
  /// Lines read so far, so each statement gets its own line numbers.
  private var linesRead = 0

  /// - Parameters:
  ///   - shell: where statements run.
  ///   - editor: where lines come from.
  ///   - unicode: whether the continuation prompt may use `…`.
  init(shell: Shell, editor: LineEditor, unicode: Bool) {
    self.shell = shell
    self.editor = editor
    prompt = "evs> "
    continuationPrompt = unicode ? "  …> " : "...> "
  }

  /// Runs until Ctrl-D or `.quit`.
  /// - Returns: the exit status, always 0: errors do not end a session.
  func run() -> Int32 {
    shell.console.write(
      "evs \(EVS.version): .help lists the verbs and commands, Ctrl-D leaves\n", to: .output)
    while true {
      switch editor.readLine(prompt: prompt) {
      case .endOfInput:
        shell.console.write("\n", to: .output)
        return 0
      case .interrupted:
        shell.console.write("\n", to: .output)
      case .line(let line):
        let firstLine = linesRead + 1
        linesRead += 1
        if handle(line, startingAt: firstLine) == .quit { return 0 }
      }
    }
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
      return shell.runMeta(String(body), at: location)
    }
    guard let statement = completed(String(body)) else { return .proceed }
    editor.addHistory(statement)
    shell.runStatement(statement, at: location)
    return .proceed
  }

  /// The statement with the continuation lines it asks for; nil when abandoned.
  private func completed(_ text: String) -> String? {
    var text = text
    while ScriptReader.endsWithPipe(text) {
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
