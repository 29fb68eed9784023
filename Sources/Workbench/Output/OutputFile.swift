import Engine
import Foundation

/// The file `.output FILE` sends results to.
///
/// Lines go to a hidden temporary file in the same folder, which `close()` renames over
/// the target, so the file never holds half of what was sent and a file that existed
/// stays as it was until then.
final class OutputFile {
  /// The file the results are for, as the user named it.
  let path: String
  /// The file written: `path`, or the file a symbolic link there leads to.
  private let target: String
  private let temporaryPath: String
  private var descriptor: Int32

  /// Starts a new temporary file next to `path`.
  /// - Throws: `MetaCommandError.cannotWrite` naming `path` and the system's reason.
  init(path: String) throws(MetaCommandError) {
    self.path = path
    do {
      target = try WriteTarget.resolve(path)
    } catch {
      throw .cannotWrite(path, reason: error.description)
    }
    let url = URL(fileURLWithPath: target)
    let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    temporaryPath =
      url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(tag).tmp").path
    descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw Self.failure(path) }
  }

  deinit {
    discard()
  }

  /// Appends `lines`, each with a line end.
  /// - Throws: `MetaCommandError.cannotWrite` when the system refuses.
  func write(_ lines: [String]) throws(MetaCommandError) {
    guard !lines.isEmpty else { return }
    let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw Self.failure(path)
      }
      written += count
    }
  }

  /// Puts the file in place under its name.
  /// - Throws: `MetaCommandError.cannotWrite` when it cannot be finished or renamed.
  func close() throws(MetaCommandError) {
    guard descriptor >= 0 else { return }
    let closed = Foundation.close(descriptor)
    descriptor = -1
    guard closed == 0, rename(temporaryPath, target) == 0 else {
      let error = Self.failure(path)
      unlink(temporaryPath)
      throw error
    }
  }

  /// Drops what was written; the target is left as it was.
  func discard() {
    guard descriptor >= 0 else { return }
    Foundation.close(descriptor)
    descriptor = -1
    unlink(temporaryPath)
  }

  private static func failure(_ path: String) -> MetaCommandError {
    .cannotWrite(path, reason: String(cString: strerror(errno)))
  }
}
