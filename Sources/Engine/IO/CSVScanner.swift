import Foundation

/// Finds the records and fields of RFC 4180 text in a byte buffer.
///
/// Records end at LF or CR LF outside quotes (text whose records end at lone CRs is
/// turned into this form first; see `LineEndings`). A field that starts with `"` runs to the
/// next lone `"`; `""` inside it stands for one quote, and delimiters and line breaks
/// inside it are data. Anything after the closing quote up to the next delimiter is kept
/// as written, and so is a quote in the middle of an unquoted field (as Python's csv
/// module does). Blank lines between records are skipped.
struct CSVScanner {
  private static let quote = UInt8(ascii: "\"")
  private static let newline = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  let bytes: UnsafeBufferPointer<UInt8>
  let delimiter: UInt8
  private let base: UnsafePointer<UInt8>
  private let specialMasks: (UInt64, UInt64, UInt64)

  init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
    self.bytes = bytes
    self.delimiter = delimiter
    // An empty buffer still needs a valid address; nothing is ever read through it then.
    base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
    let spread: (UInt8) -> UInt64 = { UInt64($0) &* 0x0101_0101_0101_0101 }
    specialMasks = (spread(delimiter), spread(Self.newline), spread(Self.quote))
  }

  /// The outcome of scanning one record.
  enum RecordEnd {
    /// The record ended; the next one starts at `next`.
    case complete(next: Int, fields: Int)
    /// A quote opened at `offset` is never closed.
    case unterminatedQuote(offset: Int)
  }

  /// The offset of the first record at or after `offset`, skipping blank lines.
  func skipBlankLines(from offset: Int, count skipped: inout Int) -> Int {
    var position = offset
    while let length = blankLineLength(at: position) {
      position += length
      skipped += 1
    }
    return position
  }

  /// Scans the records that start in `start..<limit` (the last may run past `limit`),
  /// expecting `columns` fields in each; stops at the first failure.
  /// - Complexity: O(bytes scanned)
  func scanChunk(from start: Int, limit: Int, columns: Int) -> CSVChunk {
    let expectedRows = (limit - start) / (columns * 8 + 8)
    var chunk = CSVChunk(
      base: start, end: start, spans: SpanTable(columnCount: columns, expectedRows: expectedRows))
    var position = start

    while position < limit {
      if let length = blankLineLength(at: position) {
        position += length
        chunk.blankLines += 1
        continue
      }
      var row = chunk.spans.nextRow()
      switch scanRecord(at: position, chunkBase: start, into: &row) {
      case .unterminatedQuote(let offset):
        chunk.failure = .unterminatedQuote(offset: offset)
      case .complete(_, let fields) where fields != columns:
        chunk.failure = .raggedRow(offset: position, fields: fields)
      case .complete(let next, _) where next - start > maximumChunkExtent:
        chunk.failure = .recordTooLarge(offset: position)
      case .complete(let next, _):
        chunk.spans.commitRow()
        position = next
        continue
      }
      break
    }
    chunk.end = position
    return chunk
  }

  /// Scans one record at `start`, giving `sink` a span per field.
  @inline(__always)
  func scanRecord<Sink: FieldSink>(at start: Int, chunkBase: Int, into sink: inout Sink)
    -> RecordEnd
  {
    let count = bytes.count
    var position = start
    var fields = 0

    while true {
      let fieldStart = position
      let quoted = position < count && base[position] == Self.quote
      if quoted {
        guard let closing = closingQuote(after: position) else {
          return .unterminatedQuote(offset: fieldStart)
        }
        position = closing + 1
      }
      position = endOfUnquotedRun(from: position)

      var fieldEnd = position
      let endsRecord = position == count || base[position] == Self.newline
      if endsRecord, fieldEnd > fieldStart, base[fieldEnd - 1] == Self.carriageReturn {
        fieldEnd -= 1
      }
      sink.take(
        FieldSpan(start: fieldStart - chunkBase, end: fieldEnd - chunkBase, quoted: quoted),
        at: fields)
      fields += 1

      if endsRecord {
        return .complete(next: min(position + 1, count), fields: fields)
      }
      position += 1
    }
  }

  /// The offset of the quote that closes the quoted field opening at `opening`.
  @inline(__always)
  private func closingQuote(after opening: Int) -> Int? {
    let count = bytes.count
    var position = opening + 1
    while position < count {
      guard let hit = memchr(base + position, Int32(Self.quote), count - position) else {
        return nil
      }
      let index = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
      if index + 1 < count && base[index + 1] == Self.quote {
        position = index + 2
        continue
      }
      return index
    }
    return nil
  }

  /// The offset of the next delimiter or line feed at or after `start` (or the end);
  /// quotes met on the way are data.
  @inline(__always)
  private func endOfUnquotedRun(from start: Int) -> Int {
    let count = bytes.count
    var position = start
    while true {
      position = nextSpecialByte(from: position)
      guard position < count, base[position] == Self.quote else { return position }
      position += 1
    }
  }

  /// The offset of the next delimiter, line feed or quote at or after `start`, eight bytes
  /// at a time.
  @inline(__always)
  private func nextSpecialByte(from start: Int) -> Int {
    let count = bytes.count
    var position = start
    let raw = UnsafeRawPointer(base)
    while position + 8 <= count {
      let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
      let found =
        Self.zeroBytes(word ^ specialMasks.0) | Self.zeroBytes(word ^ specialMasks.1)
        | Self.zeroBytes(word ^ specialMasks.2)
      if found != 0 { return position + found.trailingZeroBitCount >> 3 }
      position += 8
    }
    while position < count {
      let byte = base[position]
      if byte == delimiter || byte == Self.newline || byte == Self.quote { return position }
      position += 1
    }
    return count
  }

  /// The high bit set in each byte of `word` that is zero (exact for the lowest one).
  @inline(__always)
  private static func zeroBytes(_ word: UInt64) -> UInt64 {
    (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
  }

  /// The length of the blank line (LF or CR LF) at `offset`, if there is one.
  @inline(__always)
  private func blankLineLength(at offset: Int) -> Int? {
    guard offset < bytes.count else { return nil }
    if base[offset] == Self.newline { return 1 }
    if base[offset] == Self.carriageReturn, offset + 1 < bytes.count,
      base[offset + 1] == Self.newline
    {
      return 2
    }
    return nil
  }
}
