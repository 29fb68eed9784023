import DSL
import Foundation

extension Shell {
  /// How running a script's items ended.
  struct ScriptOutcome: Equatable {
    /// Whether every statement and dot command that ran succeeded.
    var succeeded: Bool
    /// Whether `.quit` ended the script early.
    var quit: Bool
  }

  /// Runs a script's statements and dot commands in order, keeping its narration for
  /// `.save`. Stops at the first failure while `bail` is on (`.bail off` and
  /// `--keep-going` turn it off), and at `.quit`.
  func run(_ items: [ScriptItem]) -> ScriptOutcome {
    var succeeded = true
    // A Ctrl-C pressed before the script started is not meant for it.
    session.cancellation.reset()
    for item in items {
      let ok: Bool
      switch item {
      case .narration(let text, _):
        transcript.note(narration: text.components(separatedBy: "\n"))
        continue
      case .statement(let source, let location, _):
        echo(source)
        ok = runStatement(source, at: location)
      case .meta(let source, let location, _):
        echo(source)
        let outcome = runMeta(source, at: location)
        if outcome == .quit { return ScriptOutcome(succeeded: succeeded, quit: true) }
        ok = outcome == .proceed
      }

      if !ok {
        succeeded = false
        if bail { break }
      }
      // Ctrl-C stops the whole script, whatever `bail` says.
      if session.cancellation.isCancelled {
        succeeded = false
        break
      }
    }
    return ScriptOutcome(succeeded: succeeded, quit: false)
  }

  /// `.read PATH`: runs the script at `path` (relative to the folder of the script that
  /// reads it, or the working folder at the REPL) in this session. Its errors carry its
  /// own name and line numbers; its loads resolve against its own folder.
  /// - Returns: `.failed` when one of its statements failed, else `.proceed`.
  /// - Throws: `MetaCommandError` when it cannot be read or is already being read.
  func readScript(_ path: String, from location: SourceLocation) throws(MetaCommandError)
    -> MetaOutcome
  {
    let resolved = FilePaths.resolve(path, in: session.baseDirectory)
    let key = URL(fileURLWithPath: resolved).standardizedFileURL.path
    let name = ScriptRunner.includedName(path, from: location.file)
    if let first = scriptsBeingRead.firstIndex(where: { $0.path == key }) {
      let chain = scriptsBeingRead[first...].map(\.name) + [name]
      throw .scriptReadsItself(name, chain: chain)
    }
    let text: String
    do {
      text = try ScriptRunner.load(resolved)
    } catch {
      throw .unreadableScript(error.naming(name))
    }

    let folder = session.baseDirectory
    session.baseDirectory = ScriptRunner.baseDirectory(of: resolved)
    scriptsBeingRead.append((key, name))
    defer {
      session.baseDirectory = folder
      scriptsBeingRead.removeLast()
    }
    return run(ScriptReader.items(in: text, file: name)).succeeded ? .proceed : .failed
  }
}

extension ScriptFileError {
  /// The same error about the script called `name`.
  func naming(_ name: String) -> ScriptFileError {
    switch self {
    case .notFound: return .notFound(name)
    case .isDirectory: return .isDirectory(name)
    case .unreadable(_, let reason): return .unreadable(name, reason: reason)
    case .notText: return .notText(name)
    }
  }
}
