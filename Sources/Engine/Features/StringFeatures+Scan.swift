/// What one pass over a string's bytes measures.
struct StringScan: Equatable {
  /// Unicode scalars (Python's `len`).
  var scalarCount = 0
  /// The sum of the scalar values (`char_ord_score`).
  var scalarSum: Int64 = 0
  /// How many scalars are delimiters (`delim_count`).
  var delimiterCount = 0
  /// The CRC-32 of the delimiters joined, as UTF-8 (`delim_hash`).
  var delimiterHash: UInt32 = 0
}

extension StringFeatures {
  /// The bytes of U+FFFD, which stand in for an ill-formed sequence in a delimiter hash.
  private static let replacementBytes: [UInt8] = [0xEF, 0xBF, 0xBD]

  /// Measures length, scalar sum, delimiter count and delimiter hash in one pass.
  /// - Complexity: O(bytes.count)
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, delimiters: DelimiterSet) -> StringScan {
    CRC32.table.withUnsafeBufferPointer { table in
      scan(bytes, delimiters: delimiters, table: table)
    }
  }

  /// `scan(_:delimiters:)` with the CRC table already at hand, for loops over many strings.
  static func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, delimiters: DelimiterSet,
    table: UnsafeBufferPointer<UInt32>
  ) -> StringScan {
    var result = StringScan()
    var crc: UInt32 = 0xFFFF_FFFF
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      let (scalar, length) =
        byte < 0x80 ? (UInt32(byte), 1) : UTF8Scalars.decode(bytes, at: i)
      result.scalarCount += 1
      result.scalarSum += Int64(scalar)
      if delimiters.contains(scalar) {
        result.delimiterCount += 1
        if scalar == UTF8Scalars.replacement {
          for b in replacementBytes { crc = CRC32.step(crc, b, table) }
        } else {
          for k in i..<(i + length) { crc = CRC32.step(crc, bytes[k], table) }
        }
      }
      i += length
    }
    result.delimiterHash = ~crc
    return result
  }
}
