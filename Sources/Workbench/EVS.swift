import DSL
import Foundation

/// The `evs` command: the REPL, scripts and one-off statements.
@main
struct EVS {
  static let version = "0.1.0"

  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    exit(run(arguments, console: StandardConsole()))
  }

  /// Does what `arguments` ask and returns the exit status: 0 on success, 1 when a
  /// statement failed or a script could not be read, 2 for a usage error.
  static func run(_ arguments: [String], console: Console) -> Int32 {
    let invocation: Invocation
    do throws(UsageError) {
      invocation = try Invocation.parse(arguments)
    } catch {
      console.writeError("\(error)\nRun 'evs --help' for usage.")
      return 2
    }

    let currentDirectory = FileManager.default.currentDirectoryPath
    switch invocation {
    case .help:
      console.write(HelpText.usage + "\n", to: .output)
      return 0
    case .version:
      console.write("evs \(version)\n", to: .output)
      return 0
    case .command(let text, let options):
      return runScript(text, file: "<command>", in: currentDirectory, options, console)
    case .runFile(let path, let options):
      return runFile(path, options, console)
    case .checkFile(let path, let options):
      return OutputCheck(path: path, options: options).run(console: console)
    case .playFile(let path, let options):
      return playFile(path, options, console)
    case .interactive where TerminalInfo.inputIsTerminal:
      return runREPL(in: currentDirectory, console)
    case .interactive:
      let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
      return runScript(text, file: "<stdin>", in: currentDirectory, ScriptOptions(), console)
    }
  }

  private static func runFile(
    _ path: String, _ options: ScriptOptions, _ console: Console
  ) -> Int32 {
    do throws(ScriptFileError) {
      let text = try ScriptRunner.load(path)
      let folder = ScriptRunner.baseDirectory(of: path)
      return runScript(text, file: path, in: folder, options, console)
    } catch {
      console.writeError("\(error)")
      return 1
    }
  }

  private static func runScript(
    _ text: String, file: String, in folder: String, _ options: ScriptOptions,
    _ console: Console
  ) -> Int32 {
    let session = Session(baseDirectory: folder)
    session.progress = ProgressLine.forStandardError()
    let shell = Shell(session: session, console: console, interactive: false)
    // The terminal echoed ^C; the cancellation message starts on a line of its own.
    shell.afterRunning = { [weak session] in
      if session?.cancellation.isCancelled == true, isatty(STDERR_FILENO) == 1 {
        console.write("\n", to: .error)
      }
    }
    let (status, interrupted) = ScriptInterrupt.catching(cancelling: session.cancellation) {
      ScriptRunner(shell: shell, options: options).run(text, file: file)
    }
    shell.finish()
    guard interrupted else { return status }
    console.write("evs: interrupted\n", to: .error)
    return ScriptInterrupt.status
  }

  private static func playFile(
    _ path: String, _ options: ScriptOptions, _ console: Console
  ) -> Int32 {
    let text: String
    do throws(ScriptFileError) {
      text = try ScriptRunner.load(path)
    } catch {
      console.writeError("\(error)")
      return 1
    }
    let folder = ScriptRunner.baseDirectory(of: path)
    let items = ScriptReader.items(in: text, file: path)
    var preflight = ScriptPreflight(baseDirectory: folder, parameters: options.parameterValues)
    _ = preflight.check(items)
    do throws(ParameterError) {
      try preflight.checker.validateParameterOverrides()
    } catch {
      console.writeError("\(error)")
      return 2
    }

    let session = Session(baseDirectory: folder)
    session.progress = ProgressLine.forStandardError()
    session.parameterOverrides = options.parameterValues
    let atTerminal = TerminalInfo.inputIsTerminal
    let shell = Shell(session: session, console: console, interactive: atTerminal)
    let learner =
      atTerminal
      ? Walkthrough.Learner(keys: KeyReader(), editor: LineEditor(historyFile: historyFile()))
      : nil
    return Walkthrough(items: items, shell: shell, learner: learner).run()
  }

  /// `~/.evs_history`, where the line editor keeps what was typed.
  private static func historyFile() -> String? {
    let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
    return home.map { URL(fileURLWithPath: $0).appendingPathComponent(".evs_history").path }
  }

  private static func runREPL(in folder: String, _ console: Console) -> Int32 {
    let session = Session(baseDirectory: folder)
    session.progress = ProgressLine.forStandardError()
    let shell = Shell(session: session, console: console, interactive: true)
    let editor = LineEditor(historyFile: historyFile())
    let unicode = TerminalInfo.current().showsUnicode
    return REPL(shell: shell, editor: editor, unicode: unicode).run()
  }
}
