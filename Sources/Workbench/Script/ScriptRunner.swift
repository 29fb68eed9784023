import DSL
import Foundation

/// Runs a script's statements and dot commands in order through a shell.
///
/// Stops at the first error unless `keepGoing` or `.bail off`; either way a failed
/// statement makes the exit status 1. Narration and `#>` lines are not shown when running.
struct ScriptRunner {
  let shell: Shell
  var options: ScriptOptions

  /// Runs every item of `text`.
  /// - Parameters:
  ///   - text: the script.
  ///   - file: the name error locations carry.
  /// - Returns: the exit status, 0 when everything succeeded, 1 when something failed,
  ///   2 when `--param` names a parameter the script does not declare.
  func run(_ text: String, file: String) -> Int32 {
    let items = ScriptReader.items(in: text, file: file)
    do throws(UsageError) {
      try checkParameters(declaredIn: items)
    } catch {
      shell.console.write("evs: error: \(error)\n", to: .error)
      return 2
    }
    shell.session.parameterOverrides = Dictionary(
      options.parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
    shell.echoing = shell.echoing || options.echo
    shell.bail = shell.bail && !options.keepGoing
    shell.trace = shell.trace || options.trace

    var failed = false
    for item in items {
      let succeeded: Bool
      switch item {
      case .narration:
        continue
      case .statement(let source, let location, _):
        shell.echo(source)
        succeeded = shell.runStatement(source, at: location)
      case .meta(let source, let location, _):
        shell.echo(source)
        let outcome = shell.runMeta(source, at: location)
        if outcome == .quit { return failed ? 1 : 0 }
        succeeded = outcome == .proceed
      }

      if !succeeded {
        failed = true
        if shell.bail { return 1 }
      }
    }
    return failed ? 1 : 0
  }

  /// Refuses `--param` names the script does not declare with `param NAME = ...`.
  /// - Throws: `UsageError.unknownParameter` naming the declared parameters.
  func checkParameters(declaredIn items: [ScriptItem]) throws(UsageError) {
    let declared = items.compactMap { item -> String? in
      guard case .statement(let source, _, _) = item else { return nil }
      return Self.declaredParameter(in: source)
    }
    for parameter in options.parameters where !declared.contains(parameter.name) {
      throw .unknownParameter(parameter.name, declared: declared)
    }
  }

  /// NAME when `statement` is `param NAME = ...`.
  static func declaredParameter(in statement: String) -> String? {
    let words = statement.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "=" })
    guard words.count >= 2, words[0] == "param" else { return nil }
    return String(words[1])
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

}
