import Foundation

/// How evs reads the paths people write: relative to a folder (a script's own, or the
/// working folder at the REPL), with `~` standing for the home folder.
public enum FilePaths {
  /// `path` made usable from the process: absolute paths as they are, `~/...` in the
  /// home folder, anything else inside `folder`.
  public static func resolve(_ path: String, in folder: String) -> String {
    if path.hasPrefix("/") { return path }
    if path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
      return home + path.dropFirst()
    }
    if folder.isEmpty || folder == "." { return path }
    return folder + "/" + path
  }
}

extension Session {
  /// `path` as `load` and `save` in this session read it.
  public func resolve(_ path: String) -> String {
    FilePaths.resolve(path, in: baseDirectory)
  }
}
