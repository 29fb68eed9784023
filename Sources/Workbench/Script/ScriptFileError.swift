/// A script file that cannot be read; `evs run` exits with status 1.
enum ScriptFileError: Error, Equatable {
  case notFound(String)
  case isDirectory(String)
  case unreadable(String, reason: String)
  /// The file holds NUL bytes: a binary, not a script.
  case notText(String)
}

extension ScriptFileError: CustomStringConvertible {
  var description: String {
    switch self {
    case .notFound(let path): return "cannot read '\(path)': no such file"
    case .isDirectory(let path): return "cannot read '\(path)': it is a directory"
    case .unreadable(let path, let reason): return "cannot read '\(path)': \(reason)"
    case .notText(let path):
      return "'\(path)' is not a text script (it holds NUL bytes); evs scripts are text"
    }
  }
}
