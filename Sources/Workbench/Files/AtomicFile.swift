import Engine
import Foundation

/// Writes files whole or not at all: into a temporary file beside the target, which is
/// then renamed over it, so a reader never sees half a file and a failure leaves the old
/// one as it was.
enum AtomicFile {
  /// Why a file could not be written.
  struct Failure: Error, Equatable {
    let reason: String
  }

  /// Replaces the file at `path` with `data`, keeping its permissions when it exists. A
  /// symbolic link is followed (the file it names is replaced, the link kept).
  /// - Throws: `Failure` saying what the system refused, or why the path cannot be
  ///   written (read-only, a folder, a pipe or a device; see `WriteTarget`).
  static func write(_ data: Data, to path: String) throws(Failure) {
    let resolved: String
    do {
      resolved = try WriteTarget.resolve(path)
    } catch {
      throw Failure(reason: error.description)
    }
    let target = URL(fileURLWithPath: resolved)
    let folder = target.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(
      ".\(target.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")

    let mode = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.posixPermissions]
    guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
      let reason = String(cString: strerror(errno))
      throw Failure(reason: "cannot write in \(folder.path) (\(reason))")
    }
    if let mode {
      try? FileManager.default.setAttributes(
        [.posixPermissions: mode], ofItemAtPath: temporary.path)
    }
    guard rename(temporary.path, target.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw Failure(reason: reason)
    }
  }
}
