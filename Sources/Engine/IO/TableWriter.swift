import Foundation

/// Writes tables to files, replacing the target only once the new file is complete.
public enum TableWriter {
  /// Writes `table` as CSV to `path` (see `CSVEncoder` for the exact text).
  ///
  /// The text goes to a temporary file in the same folder, which is then renamed over
  /// `path`; a failure part way leaves any existing file untouched. A replaced file keeps
  /// its permission bits; a new one gets the usual mode (0666 less the umask). A symbolic
  /// link is followed (its file is replaced, the link kept); a read-only file, a folder, a
  /// pipe or a device is refused (see `WriteTarget`).
  /// - Parameters:
  ///   - table: The table to write.
  ///   - path: The file to create or replace.
  ///   - delimiter: The field separator, `,` unless told otherwise (tab for TSV).
  ///   - gzip: Whether to write the text gzip-compressed (for a name ending in `.gz`); the
  ///     whole text is then built in memory first.
  ///   - cancellation: Checked before each block of about a megabyte is written; once it
  ///     is set the temporary file is removed and the write throws.
  /// - Throws: `WriteError` naming `path` and the system's reason;
  ///   `WriteError.cancelled` when `cancellation` was set before the file was complete.
  /// - Complexity: O(rows × columns + bytes written)
  public static func writeCSV(
    _ table: Table, to path: String, delimiter: UInt8 = UInt8(ascii: ","),
    gzip: Bool = false, cancellation: CancellationFlag? = nil
  ) throws(WriteError) {
    let target: String
    do {
      target = try WriteTarget.resolve(path)
    } catch {
      throw .unsuitableTarget(path: path, problem: error)
    }
    let temporary = temporaryPath(next: target)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      throw .cannotCreate(path: path, reason: SystemError.reason(errno))
    }

    do throws(WriteError) {
      try keepPermissions(of: target, on: descriptor, path: path)
      let encoder = CSVEncoder(delimiter: delimiter)
      if gzip {
        try writeCompressed(table, encoder: encoder, to: descriptor, path: path)
      } else {
        try encoder.encode(table) { (block: [UInt8]) throws(WriteError) in
          if cancellation?.isCancelled == true { throw .cancelled(path: path) }
          try writeAll(block, to: descriptor, path: path)
        }
      }
      if cancellation?.isCancelled == true { throw WriteError.cancelled(path: path) }
      guard fsync(descriptor) == 0 else {
        throw WriteError.cannotWrite(path: path, reason: SystemError.reason(errno))
      }
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    close(descriptor)

    guard rename(temporary, target) == 0 else {
      let reason = SystemError.reason(errno)
      unlink(temporary)
      throw .cannotReplace(path: path, reason: reason)
    }
  }

  /// The table as CSV text, as `writeCSV` would write it.
  /// - Complexity: O(rows × columns + bytes)
  public static func csvBytes(_ table: Table, delimiter: UInt8 = UInt8(ascii: ",")) -> [UInt8] {
    var result: [UInt8] = []
    CSVEncoder(delimiter: delimiter).encode(table) { (block: [UInt8]) throws(Never) in
      result.append(contentsOf: block)
    }
    return result
  }

  /// Gives the file open at `descriptor` the permission bits of the file at `target`, when
  /// there is one, so that replacing a private (0600) file does not widen who may read it.
  private static func keepPermissions(
    of target: String, on descriptor: Int32, path: String
  ) throws(WriteError) {
    var status = stat()
    guard stat(target, &status) == 0 else { return }
    guard fchmod(descriptor, status.st_mode & 0o7777) == 0 else {
      throw .cannotWrite(path: path, reason: SystemError.reason(errno))
    }
  }

  /// Encodes `table` whole, compresses it as one gzip member and writes it.
  private static func writeCompressed(
    _ table: Table, encoder: CSVEncoder, to descriptor: Int32, path: String
  ) throws(WriteError) {
    var text: [UInt8] = []
    encoder.encode(table) { (block: [UInt8]) throws(Never) in
      text.append(contentsOf: block)
    }
    let compressed: [UInt8]
    do {
      compressed = try Gzip.compress(text)
    } catch {
      throw .cannotWrite(path: path, reason: "gzip failed: \(error.reason)")
    }
    try writeAll(compressed, to: descriptor, path: path)
  }

  /// A fresh hidden name in the folder of `path`, so that the final rename stays on one
  /// file system.
  private static func temporaryPath(next path: String) -> String {
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    return "\(folder).\(name).\(getpid()).\(tag).tmp"
  }

  private static func writeAll(
    _ block: [UInt8], to descriptor: Int32, path: String
  ) throws(WriteError) {
    var written = 0
    while written < block.count {
      let result = block.withUnsafeBytes { buffer in
        write(descriptor, buffer.baseAddress! + written, buffer.count - written)
      }
      if result < 0 {
        if errno == EINTR { continue }
        throw .cannotWrite(path: path, reason: SystemError.reason(errno))
      }
      written += result
    }
  }
}
