import Foundation
import Synchronization

/// Reads a whole file into memory, large files in parallel pieces.
enum FileContents {
  /// Files at least this large are read by all cores at once.
  static let parallelThreshold = 8 << 20

  /// The bytes of the file at `path`.
  /// - Throws: `LoadError.fileNotFound` or `LoadError.unreadable`.
  /// - Complexity: O(file size)
  static func read(_ path: String) throws(LoadError) -> [UInt8] {
    if let kept = StreamStash.shared.take(path) { return kept }
    let (descriptor, size, isRegular) = try openForReading(path)
    defer { close(descriptor) }
    if !isRegular { return try readStream(descriptor, path: path) }

    // One byte more than `fstat` promised tells a file that grew from one that ended.
    let expected = size
    var failure: Int32 = 0
    var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
      MemoryAdvice.preferHugePages(UnsafeMutableRawBufferPointer(buffer))
      count = readPieces(descriptor, into: buffer, error: &failure)
    }
    var block = [UInt8](repeating: 0, count: bytes.count > expected ? 1 << 20 : 0)
    while failure == 0, !block.isEmpty {
      let received = block.withUnsafeMutableBufferPointer { buffer in
        readFully(descriptor, into: buffer, at: bytes.count, error: &failure)
      }
      bytes.append(contentsOf: block[..<received])
      if received < block.count { break }
    }
    if failure != 0 { throw .unreadable(path: path, reason: SystemError.reason(failure)) }
    return bytes
  }

  /// Fills `buffer` from the start of the file, in concurrent pieces when it is large;
  /// returns how many bytes arrived before the first gap (the end of the file).
  private static func readPieces(
    _ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, error: inout Int32
  ) -> Int {
    let pieces = buffer.count < parallelThreshold ? 1 : ParallelWork.coreCount
    let pieceLength = (buffer.count + pieces - 1) / pieces
    let results = ParallelWork.map(count: pieces) { piece -> (count: Int, error: Int32) in
      let start = piece * pieceLength
      let part = UnsafeMutableBufferPointer(
        rebasing: buffer[start..<min(start + pieceLength, buffer.count)])
      var failure: Int32 = 0
      let count = readFully(descriptor, into: part, at: start, error: &failure)
      return (count, failure)
    }

    var total = 0
    for (piece, result) in results.enumerated() {
      if result.error != 0 {
        error = result.error
        return total
      }
      total += result.count
      if total < min((piece + 1) * pieceLength, buffer.count) { break }
    }
    return total
  }

  /// Reads from `offset` until `buffer` is full or the file ends; returns how many bytes
  /// arrived.
  private static func readFully(
    _ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int,
    error: inout Int32
  ) -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    var total = 0
    while total < buffer.count {
      let step = min(buffer.count - total, 1 << 30)
      let result = pread(descriptor, base + total, step, off_t(offset + total))
      if result < 0 {
        if errno == EINTR { continue }
        error = errno
        return total
      }
      if result == 0 { return total }
      total += result
    }
    return total
  }
}

extension FileContents {
  /// Opens a file, pipe or device for reading; the caller closes the descriptor.
  /// - Returns: the descriptor, the size the file had when it was opened, and whether it is
  ///   a regular file (a pipe or device has no size and can only be read in order).
  /// - Throws: `LoadError.fileNotFound`, or `.unreadable` for a folder or a refusal.
  static func openForReading(_ path: String) throws(LoadError) -> (
    descriptor: Int32, size: Int, isRegular: Bool
  ) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .fileNotFound(path: path) }
      throw .unreadable(path: path, reason: SystemError.reason(code))
    }

    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let reason = SystemError.reason(errno)
      close(descriptor)
      throw .unreadable(path: path, reason: reason)
    }
    if status.st_mode & S_IFMT == S_IFDIR {
      close(descriptor)
      throw .unreadable(path: path, reason: "it is a folder")
    }
    let isRegular = status.st_mode & S_IFMT == S_IFREG
    return (descriptor, isRegular ? max(Int(status.st_size), 0) : 0, isRegular)
  }

  /// Reads a pipe or device in order until it ends.
  /// - Parameters:
  ///   - descriptor: The open pipe or device.
  ///   - path: Its name, for messages.
  ///   - limit: The most bytes to hold; by default half the memory available.
  /// - Throws: `LoadError.unreadable` when a read fails, `.tooLargeForMemory` when more
  ///   than `limit` bytes come (a device such as /dev/zero never ends).
  /// - Complexity: O(bytes read)
  static func readStream(_ descriptor: Int32, path: String, limit: Int? = nil)
    throws(LoadError) -> [UInt8]
  {
    let limit = limit ?? MemoryBudget.textLimit
    var bytes: [UInt8] = []
    var block = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let received = block.withUnsafeMutableBytes { buffer in
        Foundation.read(descriptor, buffer.baseAddress, buffer.count)
      }
      if received < 0, errno == EINTR { continue }
      if received < 0 { throw .unreadable(path: path, reason: SystemError.reason(errno)) }
      if received == 0 { return bytes }
      guard bytes.count + received <= limit else {
        throw .tooLargeForMemory(path: path, limit: limit, compressed: false)
      }
      bytes.append(contentsOf: block[..<received])
    }
  }
}

/// The bytes of pipes that were read whole to learn their columns, kept for the load that
/// follows, since a pipe cannot be read twice.
final class StreamStash: Sendable {
  static let shared = StreamStash()
  private let kept = Mutex<[String: [UInt8]]>([:])

  /// Keeps `bytes` as what the next read of `path` returns.
  func keep(_ bytes: [UInt8], for path: String) {
    kept.withLock { $0[path] = bytes }
  }

  /// The bytes kept for `path`, forgotten once taken.
  func take(_ path: String) -> [UInt8]? {
    kept.withLock { $0.removeValue(forKey: path) }
  }
}
