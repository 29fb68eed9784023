import DSL
import Foundation

/// Runs a script's statements and dot commands in order through a shell.
///
/// Stops at the first error unless `keepGoing`; either way a failed statement makes the
/// exit status 1. Narration and `#>` lines are not shown when running.
struct ScriptRunner {
  let shell: Shell
  var options: ScriptOptions

  /// Runs every item of `text`.
  /// - Parameters:
  ///   - text: the script.
  ///   - file: the name error locations carry.
  /// - Returns: the exit status, 0 when everything succeeded, else 1.
  func run(_ text: String, file: String) -> Int32 {
    var failed = false
    for item in ScriptReader.items(in: text, file: file) {
      let succeeded: Bool
      switch item {
      case .narration:
        continue
      case .statement(let source, let location, _):
        echo(source)
        succeeded = shell.runStatement(source, at: location)
      case .meta(let source, let location, _):
        echo(source)
        let outcome = shell.runMeta(source, at: location)
        if outcome == .quit { return failed ? 1 : 0 }
        succeeded = outcome == .proceed
      }

      if !succeeded {
        failed = true
        if !options.keepGoing { return 1 }
      }
    }
    return failed ? 1 : 0
  }

  /// The text of the script at `path`, with invalid UTF-8 replaced.
  /// - Throws: `ScriptFileError` when it is missing, a directory or unreadable.
  static func load(_ path: String) throws(ScriptFileError) -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .notFound(path)
    }
    guard !isDirectory.boolValue else { throw .isDirectory(path) }
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      return String(decoding: data, as: UTF8.self)
    } catch {
      throw .unreadable(path, reason: error.localizedDescription)
    }
  }

  /// The folder relative paths in the script at `path` resolve against.
  static func baseDirectory(of path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
  }

  private func echo(_ source: String) {
    guard options.echo else { return }
    shell.console.write("evs> " + source + "\n", to: .output)
  }
}
