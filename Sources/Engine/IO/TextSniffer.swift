/// Tells from the first bytes of an input whether it is text the reader can take: UTF-8
/// (or ASCII), UTF-16 with a byte order mark (which is turned into UTF-8), or something
/// else, such as a zip archive or binary data, which is refused with a message.
enum TextSniffer {
  /// How many leading bytes may not hold a NUL: text never does, binary data nearly always.
  static let sampleLength = 4 << 10

  /// How the text is encoded.
  enum Encoding: Equatable {
    case utf8
    case utf16(bigEndian: Bool)
  }

  /// The encoding of the input that starts with `start`.
  /// - Throws: `LoadError.zipArchive` for a zip archive, `.notText` for data with a NUL
  ///   byte among its first `sampleLength` bytes (UTF-16 without a byte order mark too).
  /// - Complexity: O(sampleLength)
  static func encoding(of start: ArraySlice<UInt8>, name: String) throws(LoadError) -> Encoding {
    let zipMarks: [[UInt8]] = [[0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x05, 0x06]]
    if zipMarks.contains(where: { start.starts(with: $0) }) {
      throw .zipArchive(path: name)
    }
    let isUTF32 = start.starts(with: [0xFF, 0xFE, 0, 0]) || start.starts(with: [0, 0, 0xFE, 0xFF])
    if !isUTF32, start.starts(with: [0xFF, 0xFE]) { return .utf16(bigEndian: false) }
    if !isUTF32, start.starts(with: [0xFE, 0xFF]) { return .utf16(bigEndian: true) }
    if let nul = start.prefix(sampleLength).firstIndex(of: 0) {
      throw .notText(path: name, offset: nul - start.startIndex)
    }
    return .utf8
  }

  /// UTF-16 `bytes` (byte order mark included) as UTF-8; unpaired surrogates and an odd
  /// last byte become U+FFFD. The mark becomes a UTF-8 one, which the parsers drop.
  /// - Complexity: O(bytes.count)
  static func utf8(fromUTF16 bytes: [UInt8], bigEndian: Bool) -> [UInt8] {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = 0
    while index + 1 < bytes.count {
      let (high, low) =
        bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
      units.append(UInt16(high) << 8 | UInt16(low))
      index += 2
    }
    var text: [UInt8] = []
    text.reserveCapacity(units.count * 3 / 2)
    _ = transcode(
      units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false
    ) { text.append($0) }
    if bytes.count % 2 == 1 { text.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
    return text
  }
}
