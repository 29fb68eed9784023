import Foundation

/// The bytes a CSV parse reads: a file, read one stretch at a time into a buffer that is
/// reused, or bytes already in memory.
///
/// Reading a file in stretches keeps at most one stretch of it in memory, so a file larger
/// than the memory left after its columns can still be loaded. Stretches are read with
/// `pread` by several threads at once.
///
/// A class because it owns a file descriptor and a buffer; one parse uses it at a time.
final class CSVInput {
  private enum Source {
    case file(descriptor: Int32, path: String)
    case memory([UInt8])
  }

  private let source: Source
  /// The number of bytes.
  let count: Int
  private var buffer = UnsafeMutableRawBufferPointer(start: nil, count: 0)

  /// Bytes held in memory, which the parse only reads.
  init(bytes: [UInt8]) {
    source = .memory(bytes)
    count = bytes.count
  }

  /// The file at `path`, opened for reading.
  /// - Throws: `LoadError.fileNotFound`, or `.unreadable` for folders and read errors.
  init(path: String) throws(LoadError) {
    if let kept = StreamStash.shared.take(path) {
      source = .memory(kept)
      count = kept.count
      return
    }
    let (descriptor, size, isRegular) = try FileContents.openForReading(path)
    guard isRegular else {
      // A pipe or device has no size to read in stretches: read it whole.
      close(descriptor)
      let bytes = try FileContents.read(path)
      source = .memory(bytes)
      count = bytes.count
      return
    }
    source = .file(descriptor: descriptor, path: path)
    count = size
  }

  deinit {
    if case .file(let descriptor, _) = source { close(descriptor) }
    buffer.deallocate()
  }

  /// Whether the bytes come from a file and may still hold invalid UTF-8.
  var isFile: Bool {
    if case .file = source { return true }
    return false
  }

  /// Calls `body` with the bytes `range`; valid only during the call. Bytes from a file
  /// land in a buffer that the next call reuses.
  /// - Throws: `LoadError.unreadable` when the file cannot be read or has shrunk, and
  ///   whatever `body` throws.
  /// - Complexity: O(range.count), the reading split over the processor cores.
  func withBytes<R>(
    _ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws(LoadError) -> R
  ) throws(LoadError) -> R {
    switch source {
    case .memory(let bytes):
      return try bytes.withUnsafeBufferPointer { all throws(LoadError) in
        try body(UnsafeBufferPointer(rebasing: all[range]))
      }
    case .file(let descriptor, let path):
      let bytes = try read(range, from: descriptor, path: path)
      return try body(bytes)
    }
  }

  /// Reads `range` of the file into the buffer, in parallel pieces when it is large.
  private func read(_ range: Range<Int>, from descriptor: Int32, path: String)
    throws(LoadError) -> UnsafeBufferPointer<UInt8>
  {
    if buffer.count < range.count {
      buffer.deallocate()
      buffer = .allocate(byteCount: range.count, alignment: 64)
    }
    let target = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<range.count])
    let pieces = range.count < 1 << 20 ? 1 : ParallelWork.coreCount
    let pieceLength = (range.count + pieces - 1) / pieces
    let failures = ParallelWork.map(count: pieces) { piece -> Int32? in
      let start = piece * pieceLength
      let end = min(start + pieceLength, range.count)
      var done = start
      while done < end, let base = target.baseAddress {
        let result = pread(descriptor, base + done, end - done, off_t(range.lowerBound + done))
        if result < 0, errno == EINTR { continue }
        if result < 0 { return errno }
        if result == 0 { return 0 }
        done += result
      }
      return nil
    }
    if let failure = failures.compactMap({ $0 }).first {
      let reason = failure == 0 ? "it became shorter while being read" : SystemError.reason(failure)
      throw .unreadable(path: path, reason: reason)
    }
    return UnsafeRawBufferPointer(target).bindMemory(to: UInt8.self)
  }

  /// Every byte, for inputs that must be repaired as a whole.
  /// - Throws: `LoadError.unreadable` when the file cannot be read.
  func allBytes() throws(LoadError) -> [UInt8] {
    switch source {
    case .memory(let bytes):
      return bytes
    case .file(_, let path):
      return try FileContents.read(path)
    }
  }

  /// The 1-based physical line that holds byte `offset`.
  /// - Complexity: O(offset)
  func line(at offset: Int) throws(LoadError) -> Int {
    var lines = 0
    var start = 0
    let step = 16 << 20
    while start < offset {
      let end = min(start + step, offset)
      // One byte more, to tell a CR that ends the stretch from one before an LF.
      lines += try withBytes(start..<min(end + 1, count)) { bytes in
        LineCounter.line(at: end - start, in: bytes) - 1
      }
      start = end
    }
    return lines + 1
  }
}
