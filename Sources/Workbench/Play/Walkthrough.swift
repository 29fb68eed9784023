import DSL
import Engine
import Foundation

/// `evs play FILE.evs`: a script as a walkthrough.
///
/// Each `##` narration is shown as terminal text, then the statement after it; on a
/// terminal it runs when the learner presses Enter, `e` edits it on the line editor
/// first (the file is never changed), `s` skips it, `r` opens a REPL with the bindings
/// made so far (Ctrl-D comes back) and `q` quits. Without a terminal on standard input
/// the whole script plays straight through.
final class Walkthrough {
  /// What a learner at a terminal uses: key presses and the line editor.
  struct Learner {
    let keys: KeyReader
    let editor: LineEditor
  }

  private let shell: Shell
  private let items: [ScriptItem]
  private let learner: Learner?
  private var failed = false

  /// - Parameters:
  ///   - items: the script's items.
  ///   - shell: where statements run.
  ///   - learner: the keys and editor at a terminal; nil plays straight through.
  init(items: [ScriptItem], shell: Shell, learner: Learner?) {
    self.items = items
    self.shell = shell
    self.learner = learner
  }

  /// Plays the script.
  /// - Returns: 0, or without a learner 1 when a statement failed.
  func run() -> Int32 {
    for item in items {
      switch item {
      case .narration(let markdown, _):
        write(renderer().render(markdown) + [""])
      case .statement(let source, _, _), .meta(let source, _, _):
        show(source)
        if step(item) == .quit { return finish(early: true) }
      }
    }
    return finish(early: false)
  }

  private enum Choice { case next, quit }

  /// Runs, edits or skips one statement as the learner chooses.
  private func step(_ item: ScriptItem) -> Choice {
    guard let learner else { return execute(item.text, at: item.location) }
    while true {
      switch ask("[Enter] run  e edit  s skip  r REPL  q quit", learner) {
      case .enter:
        return execute(item.text, at: item.location)
      case .character("e"):
        let oneLine = Self.oneLine(item.text)
        if case .line(let edited) = learner.editor.readLine(prompt: "edit> ", editing: oneLine),
          !edited.allSatisfy(\.isWhitespace)
        {
          return execute(edited, at: item.location)
        }
      case .character("s"):
        write(["(skipped)", ""])
        return .next
      case .character("r"):
        openREPL(learner)
        show(item.text)
      case .character("q"), .interrupt, .endOfInput:
        return .quit
      default:
        continue
      }
    }
  }

  /// A statement's lines joined into one for the line editor, without comments.
  static func oneLine(_ text: String) -> String {
    text.split(separator: "\n")
      .map { ScriptReader.withoutTrailingComment($0).trimmingPrefix(while: { $0 == " " }) }
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
      .joined(separator: " ")
  }

  private func execute(_ text: String, at location: SourceLocation) -> Choice {
    let body = text.drop(while: { $0 == " " || $0 == "\t" })
    if body.hasPrefix(".") {
      let outcome = shell.runMeta(String(body), at: location)
      if outcome == .quit { return .quit }
      if outcome == .failed { failed = true }
    } else if !shell.runStatement(text, at: location) {
      failed = true
    }
    write([""])
    return .next
  }

  /// Ends the walkthrough; at a terminal the key prompt was just cleared, so a newline
  /// leaves the shell's prompt a line of its own below the last statement.
  private func finish(early: Bool) -> Int32 {
    guard let learner else { return failed ? 1 : 0 }
    if !early {
      let choice = ask(
        "End of the walkthrough.  r REPL with its bindings  any other key leaves", learner)
      if choice == .character("r") {
        openREPL(learner)
        return 0
      }
    }
    shell.console.write("\n", to: .output)
    return 0
  }

  /// Shows `prompt` dimmed on its own line, waits for a key, then clears the line.
  private func ask(_ prompt: String, _ learner: Learner) -> KeyReader.Key {
    let styled = shell.terminal().usesColor
    shell.console.write(styled ? "\u{1B}[2m" + prompt + "\u{1B}[0m" : prompt, to: .output)
    let key = learner.keys.read()
    shell.console.write(styled ? "\r\u{1B}[K" : "\n", to: .output)
    return key
  }

  private func openREPL(_ learner: Learner) {
    write(["A REPL with the bindings made so far; Ctrl-D returns to the walkthrough."])
    let unicode = shell.terminal().showsUnicode
    _ = REPL(shell: shell, editor: learner.editor, unicode: unicode).run()
  }

  /// The statement as the learner will run it: after the prompt, continuation lines
  /// under it.
  private func show(_ source: String) {
    let styled = shell.terminal().usesColor
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    let shown = lines.enumerated().map { index, line in
      let text = (index == 0 ? "evs> " : "     ") + VisibleText.escaped(String(line))
      return styled ? "\u{1B}[1m" + text + "\u{1B}[0m" : text
    }
    write(shown)
  }

  private func renderer() -> NarrationRenderer {
    let terminal = shell.terminal()
    return NarrationRenderer(
      width: shell.settings.effectiveWidth(on: terminal), styled: terminal.usesColor,
      unicode: terminal.showsUnicode)
  }

  private func write(_ lines: [String]) {
    shell.console.writeLines(lines, to: .output)
  }
}
