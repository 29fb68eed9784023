import CZlib

/// gzip (and zlib) compression through the system zlib.
enum Gzip {
  /// Why data could not be decompressed or compressed, in zlib's words.
  struct Failure: Error, Equatable {
    let reason: String
  }

  /// Whether `bytes` start with the gzip magic number.
  static func isCompressed(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
  }

  /// The decompressed contents of gzip data, including files of several gzip members.
  /// - Throws: `Failure` when the data is damaged or cut short.
  /// - Complexity: O(output size)
  static func decompress(_ input: [UInt8]) throws(Failure) -> [UInt8] {
    var stream = z_stream()
    // 15 window bits, plus 32 to accept both gzip and zlib headers.
    guard
      inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        == Z_OK
    else { throw Failure(reason: "zlib could not start") }
    defer { inflateEnd(&stream) }

    var output = [UInt8](repeating: 0, count: max(input.count * 4, 1 << 16))
    var produced = 0
    var consumed = 0
    var status = Z_OK
    input.withUnsafeBufferPointer { source in
      while status == Z_OK {
        if stream.avail_in == 0, consumed < source.count, let start = source.baseAddress {
          let step = min(source.count - consumed, Int(UInt32.max))
          stream.next_in = UnsafeMutablePointer(mutating: start + consumed)
          stream.avail_in = UInt32(step)
          consumed += step
        }
        if produced == output.count {
          output.append(contentsOf: repeatElement(0, count: output.count))
        }
        status = inflate(into: &output, at: &produced, stream: &stream)
        if status == Z_STREAM_END, stream.avail_in > 0 || consumed < source.count {
          status = inflateReset(&stream)
        }
      }
    }
    guard status == Z_STREAM_END else {
      throw Failure(reason: status == Z_BUF_ERROR ? "the data ends early" : message(stream))
    }
    output.removeSubrange(produced...)
    return output
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
    else { throw Failure(reason: "zlib could not start") }
    defer { deflateEnd(&stream) }

    guard input.count < Int(UInt32.max) else { throw Failure(reason: "more than 4 GiB") }
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
    guard status == Z_STREAM_END else { throw Failure(reason: message(stream)) }
    output.removeSubrange(Int(stream.total_out)...)
    return output
  }

  private static func message(_ stream: z_stream) -> String {
    stream.msg.map { String(cString: $0) } ?? "unknown zlib error"
  }
}
