import CZlib

extension Gzip {
  /// The start of some gzip data's decompressed contents.
  struct Prefix {
    var bytes: [UInt8]
    /// Whether the input held whole gzip members and all of them were inflated.
    var isComplete: Bool
  }

  /// Up to `limit` bytes of the contents of gzip data that may be cut short, for looking
  /// at the start of a large compressed file without inflating all of it.
  /// - Throws: `Failure` when the data is damaged (not merely cut short).
  /// - Complexity: O(limit) plus the compressed bytes consumed.
  static func decompressPrefix(_ input: [UInt8], limit: Int) throws(Failure) -> Prefix {
    var stream = z_stream()
    try startInflating(&stream)
    defer { inflateEnd(&stream) }

    var output = [UInt8](repeating: 0, count: max(limit, 1))
    var produced = 0
    var status = Z_OK
    var input = input
    input.withUnsafeMutableBufferPointer { source in
      stream.next_in = source.baseAddress
      stream.avail_in = UInt32(min(source.count, Int(UInt32.max)))
      while produced < limit {
        status = output.withUnsafeMutableBufferPointer { target in
          stream.next_out = target.baseAddress.map { $0 + produced }
          stream.avail_out = UInt32(min(limit - produced, Int(UInt32.max)))
          let before = stream.avail_out
          let result = CZlib.inflate(&stream, Z_NO_FLUSH)
          produced += Int(before - stream.avail_out)
          return result
        }
        if status == Z_STREAM_END && stream.avail_in > 0 {
          status = inflateReset(&stream)
          continue
        }
        if status != Z_OK { break }
        if stream.avail_in == 0 && stream.avail_out > 0 { break }
      }
    }
    guard [Z_OK, Z_STREAM_END, Z_BUF_ERROR].contains(status) else {
      throw .damaged(reason: stream.msg.map { String(cString: $0) } ?? "unknown zlib error")
    }
    output.removeSubrange(produced...)
    return Prefix(bytes: output, isComplete: status == Z_STREAM_END && stream.avail_in == 0)
  }
}
