import Foundation

/// Reads a whole file into memory with one system call per large block.
enum FileContents {
  /// The bytes of the file at `path`.
  /// - Throws: `LoadError.fileNotFound` or `LoadError.unreadable`.
  /// - Complexity: O(file size)
  static func read(_ path: String) throws(LoadError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .fileNotFound(path: path) }
      throw .unreadable(path: path, reason: SystemError.reason(code))
    }
    defer { close(descriptor) }

    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw .unreadable(path: path, reason: SystemError.reason(errno))
    }
    if status.st_mode & S_IFMT == S_IFDIR {
      throw .unreadable(path: path, reason: "it is a folder")
    }

    var bytes: [UInt8] = []
    var expected = max(Int(status.st_size), 0)
    while true {
      let start = bytes.count
      let room = max(expected - start, 1 << 16)
      var failure: Int32 = 0
      bytes.append(contentsOf: repeatElement(0, count: room))
      let received = bytes.withUnsafeMutableBufferPointer { buffer in
        readFully(descriptor, into: buffer.baseAddress! + start, count: room, error: &failure)
      }
      bytes.removeSubrange((start + received)...)
      if failure != 0 { throw .unreadable(path: path, reason: SystemError.reason(failure)) }
      if received < room { return bytes }
      expected = bytes.count * 2
    }
  }

  /// Reads until `count` bytes arrived or the file ended; returns how many arrived.
  private static func readFully(
    _ descriptor: Int32, into target: UnsafeMutablePointer<UInt8>, count: Int,
    error: inout Int32
  ) -> Int {
    var total = 0
    while total < count {
      let result = Foundation.read(descriptor, target + total, min(count - total, 1 << 30))
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
