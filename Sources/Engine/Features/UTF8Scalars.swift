/// Decoding of Unicode scalars from raw UTF-8 bytes, for the one-pass string features.
enum UTF8Scalars {
  /// The replacement scalar U+FFFD that stands for an ill-formed sequence.
  static let replacement: UInt32 = 0xFFFD

  /// Decodes the scalar that starts at byte `i` of `bytes`.
  ///
  /// An ill-formed sequence yields U+FFFD and its maximal valid prefix as the length
  /// (at least one byte), the way Swift's `String(decoding:as:)` repairs it.
  /// - Returns: The scalar value and how many bytes it took.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (
    scalar: UInt32, length: Int
  ) {
    let lead = bytes[i]
    if lead < 0x80 { return (UInt32(lead), 1) }

    var scalar: UInt32
    var following: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: (scalar, following) = (UInt32(lead & 0x1F), 1)
    case 0xE0: (scalar, following, low) = (UInt32(lead & 0x0F), 2, 0xA0)
    case 0xED: (scalar, following, high) = (UInt32(lead & 0x0F), 2, 0x9F)
    case 0xE1...0xEF: (scalar, following) = (UInt32(lead & 0x0F), 2)
    case 0xF0: (scalar, following, low) = (UInt32(lead & 0x07), 3, 0x90)
    case 0xF4: (scalar, following, high) = (UInt32(lead & 0x07), 3, 0x8F)
    case 0xF1...0xF3: (scalar, following) = (UInt32(lead & 0x07), 3)
    default: return (replacement, 1)
    }

    var j = i + 1
    for k in 0..<following {
      guard j < bytes.count else { return (replacement, j - i) }
      let byte = bytes[j]
      let inRange = k == 0 ? (low...high).contains(byte) : (0x80...0xBF).contains(byte)
      guard inRange else { return (replacement, j - i) }
      scalar = scalar << 6 | UInt32(byte & 0x3F)
      j += 1
    }
    return (scalar, j - i)
  }
}
