/// Delimited text whose records end at a lone CR (as old Mac exports write them), turned
/// into the LF-ended text the scanner reads.
///
/// The records are walked as `CSVScanner` walks them: a field that starts with `"` runs to
/// the next lone `"`, and a line break inside it is data, so a CR in a quoted field stays
/// as written. Each lone CR outside quotes becomes an LF; nothing moves, so byte offsets and
/// line numbers stay those of the file.
enum LineEndings {
  /// How much of the start of an input `usesLoneCarriageReturns` looks at.
  static let sampleLength = 8 << 10

  private static let quote = UInt8(ascii: "\"")
  private static let lineFeed = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  /// Whether the records of `bytes` (the start of an input) end at lone CRs: some line
  /// break outside quotes is a lone CR and none is an LF.
  /// - Complexity: O(bytes.count)
  static func usesLoneCarriageReturns(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8)
    -> Bool
  {
    var lineFeeds = 0
    var loneReturns = 0
    forEachRecordEnd(in: bytes, delimiter: delimiter) { offset in
      if bytes[offset] == lineFeed { lineFeeds += 1 } else { loneReturns += 1 }
    }
    return loneReturns > 0 && lineFeeds == 0
  }

  /// `bytes` with every lone CR that ends a record replaced by an LF.
  /// - Complexity: O(bytes.count)
  static func replacingLoneCarriageReturns(in bytes: [UInt8], delimiter: UInt8) -> [UInt8] {
    var converted = bytes
    var ends: [Int] = []
    bytes.withUnsafeBufferPointer { buffer in
      forEachRecordEnd(in: buffer, delimiter: delimiter) { offset in
        if buffer[offset] == carriageReturn { ends.append(offset) }
      }
    }
    for offset in ends { converted[offset] = lineFeed }
    return converted
  }

  /// Calls `body` with the offset of each LF and lone CR that ends a record (a CR before an
  /// LF is left to the LF).
  private static func forEachRecordEnd(
    in bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, _ body: (Int) -> Void
  ) {
    var atFieldStart = true
    var insideQuotes = false
    var position = 0
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      if insideQuotes {
        guard byte == quote else { continue }
        if position < bytes.count, bytes[position] == quote {
          position += 1
        } else {
          insideQuotes = false
        }
        continue
      }
      switch byte {
      case quote where atFieldStart:
        insideQuotes = true
        atFieldStart = false
      case delimiter:
        atFieldStart = true
      case lineFeed:
        body(position - 1)
        atFieldStart = true
      case carriageReturn where position == bytes.count || bytes[position] != lineFeed:
        body(position - 1)
        atFieldStart = true
      default:
        atFieldStart = false
      }
    }
  }
}
