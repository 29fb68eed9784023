/// Why a table could not be written. The target file is left as it was.
public enum WriteError: Error, Equatable, Sendable {
  /// The temporary file next to `path` cannot be created (missing folder, no permission).
  case cannotCreate(path: String, reason: String)
  /// Writing the data failed part way (disk full, I/O error).
  case cannotWrite(path: String, reason: String)
  /// `path` cannot be written for `problem` (read-only, a folder, a pipe or a device); it
  /// is left as it was.
  case unsuitableTarget(path: String, problem: WriteTarget.Problem)
  /// The finished file cannot be moved into place at `path`.
  case cannotReplace(path: String, reason: String)
  /// The write was asked to stop (Ctrl-C) before it finished.
  case cancelled(path: String)
}

extension WriteError: CustomStringConvertible {
  /// The message shown to the analyst: where, what, and what to do.
  public var description: String {
    switch self {
    case .cannotCreate(let path, let reason):
      return "\(path): cannot create the file (\(reason)); check that the folder exists and "
        + "that you may write there"
    case .cannotWrite(let path, let reason):
      return "\(path): writing failed (\(reason)); the file was left unchanged"
    case .unsuitableTarget(let path, let problem):
      return "\(path): cannot write here: \(problem)"
    case .cannotReplace(let path, let reason):
      return "\(path): cannot put the new file in place (\(reason)); check that the path is "
        + "not a folder; the file was left unchanged"
    case .cancelled(let path):
      return "\(path): the write was cancelled; the file was left unchanged"
    }
  }
}
