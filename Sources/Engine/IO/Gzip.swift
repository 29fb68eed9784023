import CZlib

/// gzip (and zlib) compression through the system zlib.
enum Gzip {
  /// Why data could not be decompressed or compressed.
  enum Failure: Error, Equatable {
    /// The data is damaged or cut short, or zlib failed, for `reason` in zlib's words.
    case damaged(reason: String)
    /// The decompressed data would pass `limit` bytes.
    case tooLarge(limit: Int)

    /// What went wrong, in words for a message.
    var reason: String {
      switch self {
      case .damaged(let reason): return reason
      case .tooLarge(let limit): return "it inflates to more than \(limit) bytes"
      }
    }
  }

  /// Readies `stream` to inflate gzip or zlib data; the caller ends it with `inflateEnd`.
  /// - Throws: `Failure.damaged` when zlib cannot start.
  static func startInflating(_ stream: inout z_stream) throws(Failure) {
    // 15 window bits, plus 32 to accept both gzip and zlib headers.
    guard
      inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        == Z_OK
    else { throw .damaged(reason: "zlib could not start") }
  }

  /// Whether `bytes` start with the gzip magic number.
  static func isCompressed(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
  }

  /// The decompressed contents of gzip data, including files of several gzip members.
  /// - Parameters:
  ///   - input: The compressed bytes.
  ///   - limit: The most decompressed bytes to hold; inflating stops beyond it, so that a
  ///     small file that inflates to far more than memory does not exhaust it.
  /// - Throws: `Failure.damaged` when the data is damaged or cut short, `.tooLarge` when it
  ///   inflates to more than `limit` bytes.
  /// - Complexity: O(output size), at most O(limit)
  static func decompress(_ input: [UInt8], limit: Int = .max) throws(Failure) -> [UInt8] {
    var stream = z_stream()
    try startInflating(&stream)
    defer { inflateEnd(&stream) }

    // One byte past the limit tells text that ends there from text that goes on.
    let room = limit == .max ? limit : limit + 1
    let first = max(input.count * 4, statedSize(of: input) + 1, 1 << 16)
    var output = Self.buffer(count: min(first, room))
    var produced = 0
    var consumed = 0
    var status = Z_OK
    input.withUnsafeBufferPointer { source in
      while status == Z_OK {
        if produced == room { return }
        if stream.avail_in == 0, consumed < source.count, let start = source.baseAddress {
          let step = min(source.count - consumed, Int(UInt32.max))
          stream.next_in = UnsafeMutablePointer(mutating: start + consumed)
          stream.avail_in = UInt32(step)
          consumed += step
        }
        if produced == output.count {
          output = Self.buffer(count: min(output.count * 2, room), copying: output)
        }
        status = inflate(into: &output, at: &produced, stream: &stream)
        if status == Z_STREAM_END, stream.avail_in > 0 || consumed < source.count {
          status = inflateReset(&stream)
        }
      }
    }
    if produced == room { throw .tooLarge(limit: limit) }
    guard status == Z_STREAM_END else {
      throw .damaged(reason: status == Z_BUF_ERROR ? "the data ends early" : message(stream))
    }
    output.removeSubrange(produced...)
    return output
  }

  /// The most a deflate stream can expand its input by.
  private static let maximumRatio = 1032

  /// The uncompressed size the gzip trailer states (modulo 4 GiB, of the last member
  /// only), bounded by what the input could expand to; a hint for the first buffer.
  private static func statedSize(of input: [UInt8]) -> Int {
    guard input.count >= 18 else { return 0 }
    let stated = input[(input.count - 4)...].reversed().reduce(0) { $0 << 8 | Int($1) }
    return min(stated, input.count * maximumRatio)
  }

  /// A buffer of `count` bytes that starts with those of `old` (the rest is not
  /// cleared: inflate writes it before anything reads it).
  private static func buffer(count: Int, copying old: [UInt8] = []) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: count) { target, initialized in
      old.withUnsafeBufferPointer { source in
        guard let from = source.baseAddress, let to = target.baseAddress else { return }
        to.update(from: from, count: source.count)
      }
      initialized = count
    }
  }

  /// Inflates into `output` from `produced` on, as far as the room there allows.
  private static func inflate(
    into output: inout [UInt8], at produced: inout Int, stream: inout z_stream
  ) -> Int32 {
    output.withUnsafeMutableBufferPointer { target in
      let room = min(target.count - produced, Int(UInt32.max))
      stream.next_out = target.baseAddress.map { $0 + produced }
      stream.avail_out = UInt32(room)
      let result = CZlib.inflate(&stream, Z_NO_FLUSH)
      produced += room - Int(stream.avail_out)
      return result
    }
  }

  /// `input` as one gzip member.
  /// - Throws: `Failure` when zlib cannot compress (out of memory).
  /// - Complexity: O(input size)
  static func compress(_ input: [UInt8]) throws(Failure) -> [UInt8] {
    var stream = z_stream()
    // 15 window bits plus 16 for a gzip header; memory level 8 is zlib's default.
    guard
      deflateInit2_(
        &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
        zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { throw .damaged(reason: "zlib could not start") }
    defer { deflateEnd(&stream) }

    guard input.count < Int(UInt32.max) else { throw .damaged(reason: "more than 4 GiB") }
    let bound = Int(deflateBound(&stream, UInt(input.count)))
    var output = [UInt8](repeating: 0, count: bound)
    var input = input
    let status = input.withUnsafeMutableBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        stream.next_in = source.baseAddress
        stream.avail_in = UInt32(source.count)
        stream.next_out = target.baseAddress
        stream.avail_out = UInt32(target.count)
        return deflate(&stream, Z_FINISH)
      }
    }
    guard status == Z_STREAM_END else { throw .damaged(reason: message(stream)) }
    output.removeSubrange(Int(stream.total_out)...)
    return output
  }

  private static func message(_ stream: z_stream) -> String {
    stream.msg.map { String(cString: $0) } ?? "unknown zlib error"
  }
}
