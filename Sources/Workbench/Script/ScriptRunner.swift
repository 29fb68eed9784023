import DSL
import Engine
import Foundation

/// Runs a script's statements and dot commands in order through a shell.
///
/// Before anything runs, the whole script is checked (see `ScriptPreflight`): the
/// `--param` values must fit the declared parameters, and unless `keepGoing`, a
/// statement that would surely fail (an unknown column in the files it loads, an
/// unbound name, a syntax error) stops the script before its first statement.
///
/// Stops at the first error unless `keepGoing` or `.bail off`; either way a failed statement makes the
/// exit status 1. Narration and `#>` lines are not shown when running.
struct ScriptRunner {
  let shell: Shell
  var options: ScriptOptions

  /// Runs every item of `text`.
  /// - Parameters:
  ///   - text: the script.
  ///   - file: the name error locations carry.
  /// - Returns: the exit status: 0 when everything succeeded, 1 when a statement failed
  ///   or the check before running found a problem, 2 for a `--param` the script cannot
  ///   take.
  func run(_ text: String, file: String) -> Int32 {
    shell.scriptOptions = options
    shell.session.parameterOverrides = options.parameterValues
    shell.echoing = shell.echoing || options.echo
    shell.bail = shell.bail && !options.keepGoing
    shell.trace = shell.trace || options.trace
    let items = ScriptReader.items(in: text, file: file)

    var preflight = ScriptPreflight(
      baseDirectory: shell.session.baseDirectory, parameters: options.parameterValues)
    let problems = preflight.check(items)
    do throws(ParameterError) {
      try preflight.checker.validateParameterOverrides()
    } catch {
      shell.console.writeError("\(error)")
      return 2
    }
    let bailsOff = items.contains { item in
      guard case .meta(let text, _, _) = item else { return false }
      return (try? MetaCommand.parse(text)) == .bail(false)
    }
    if !options.keepGoing, !bailsOff, !problems.isEmpty {
      report(problems, in: file)
      return 1
    }
    // The script itself is being read, so that a `.read` of it is refused.
    let key = URL(fileURLWithPath: file).standardizedFileURL.path
    if !file.hasPrefix("<") { shell.scriptsBeingRead.append((key, file)) }
    defer { if !file.hasPrefix("<") { shell.scriptsBeingRead.removeLast() } }
    return shell.run(items).succeeded ? 0 : 1
  }

  private func report(_ problems: [Diagnostic], in file: String) {
    let formatter = OutputFormatter(
      settings: shell.settings, terminal: shell.terminal(), interactive: false)
    for problem in problems {
      shell.console.writeLines(formatter.lines(for: problem), to: .error)
    }
    let count =
      problems.count == 1
      ? "a statement that would fail"
      : "\(problems.count) "
        + "statements that would fail"
    shell.console.write(
      "evs: \(VisibleText.escaped(file)): nothing was run: checking the script first found "
        + "\(count)\n", to: .error)
  }

  /// The text of the script at `path`, with invalid UTF-8 replaced.
  /// - Throws: `ScriptFileError` when it is missing, a directory or unreadable.
  /// - Throws: `ScriptFileError.notText` when it holds NUL bytes, as binaries do.
  static func load(_ path: String) throws(ScriptFileError) -> String {
    let bytes = try loadBytes(path)
    if bytes.contains(0) { throw .notText(path) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The bytes of the script at `path`, exactly as stored.
  /// - Throws: `ScriptFileError` when it is missing, a directory or unreadable.
  static func loadBytes(_ path: String) throws(ScriptFileError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .notFound(path)
    }
    guard !isDirectory.boolValue else { throw .isDirectory(path) }
    do {
      return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw .unreadable(path, reason: error.localizedDescription)
    }
  }

  /// The folder relative paths in the script at `path` resolve against.
  static func baseDirectory(of path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
  }

  /// The name a script read by `.read path` from the script called `including` carries
  /// in messages: `path` next to the including script's own name.
  static func includedName(_ path: String, from including: String) -> String {
    guard !path.hasPrefix("/"), !path.hasPrefix("~"), !including.hasPrefix("<") else {
      return path
    }
    let folder = (including as NSString).deletingLastPathComponent
    return folder.isEmpty || folder == "." ? path : folder + "/" + path
  }
}
