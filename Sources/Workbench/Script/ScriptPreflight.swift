import DSL
import Foundation

/// Checks a script and the scripts it reads with `.read` before anything runs, through
/// one `ScriptChecker` so that names bound in a read script are known after it.
struct ScriptPreflight {
  private(set) var checker: ScriptChecker
  /// The scripts being followed, innermost last, so that a script reading itself stops.
  private var following: [String] = []

  /// - Parameters:
  ///   - baseDirectory: the script's folder.
  ///   - parameters: the `--param` values by name.
  init(baseDirectory: String, parameters: [String: String]) {
    checker = ScriptChecker(baseDirectory: baseDirectory, parameterOverrides: parameters)
  }

  /// The statements of `items` (and of the scripts they read) that would surely fail,
  /// in script order, up to a `.quit`.
  mutating func check(_ items: [ScriptItem]) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    for item in items {
      switch item {
      case .statement(let source, let location, _):
        if let problem = checker.check(source, at: location) { problems.append(problem) }
      case .meta(let source, let location, _):
        let command = try? MetaCommand.parse(source)
        if command == .quit { return problems }
        guard case .read(let path)? = command else { continue }
        problems += follow(path, from: location)
      case .narration:
        continue
      }
    }
    return problems
  }

  /// Checks the script `.read path` reads; one that cannot be read is left to run time,
  /// and then any name may be bound after it.
  private mutating func follow(_ path: String, from location: SourceLocation) -> [Diagnostic] {
    let resolved = FilePaths.resolve(path, in: checker.baseDirectory)
    let key = URL(fileURLWithPath: resolved).standardizedFileURL.path
    guard !following.contains(key), let text = try? ScriptRunner.load(resolved) else {
      checker.assumeUnknownBindings()
      return []
    }

    let folder = checker.baseDirectory
    checker.baseDirectory = ScriptRunner.baseDirectory(of: resolved)
    following.append(key)
    defer {
      checker.baseDirectory = folder
      following.removeLast()
    }
    let name = ScriptRunner.includedName(path, from: location.file)
    return check(ScriptReader.items(in: text, file: name))
  }
}
