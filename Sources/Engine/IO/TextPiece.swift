/// The text of one column's fields in one chunk, with the CSV quoting removed.
///
/// A chunk's pieces are built by the core that scanned the chunk, while the chunk's bytes
/// are still in its cache, and are appended to the columns later, in chunk order.
///
/// A class because it owns buffers that it frees when it goes.
final class TextPiece {
  /// Rows copied per column before moving on to the next column: a block's bytes stay in
  /// the core's cache while every column takes its fields from them.
  static let blockRows = 1024

  /// The fields' bytes, one after the other, in the first `byteCount` bytes.
  private let buffer: UnsafeMutableBufferPointer<UInt8>
  private(set) var byteCount = 0
  /// Where each row's text ends in `bytes`; row `r` starts where row `r - 1` ends.
  let ends: UnsafeMutableBufferPointer<Int>
  /// The rows, counted from the chunk's first, whose field is empty (null).
  private(set) var emptyRows: [Int] = []

  /// The fields' bytes.
  var bytes: UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: buffer[0..<byteCount])
  }

  /// An empty piece with room for `rows` rows of `rawSize` bytes of fields.
  private init(rows: Int, rawSize: Int) {
    // Bytes to spare, so that a word copy of a short field at the end stays inside.
    buffer = .allocate(capacity: rawSize + 32)
    ends = .allocate(capacity: rows)
  }

  deinit {
    buffer.deallocate()
    ends.deallocate()
  }

  /// The pieces of the columns `columns` of `chunk`, in that order.
  /// - Complexity: O(rows × columns + bytes of the fields)
  static func pieces(columns: [Int], of chunk: CSVChunk, in input: UnsafeBufferPointer<UInt8>)
    -> [TextPiece]
  {
    let spans = columns.map { chunk.spans.column($0) }
    let pieces = spans.map { spans in
      TextPiece(rows: spans.count, rawSize: spans.reduce(0) { $0 + Int($1.end) - Int($1.start) })
    }
    var start = 0
    while start < chunk.rowCount {
      let end = min(start + blockRows, chunk.rowCount)
      for (piece, spans) in zip(pieces, spans) {
        piece.copy(rows: start..<end, spans, base: chunk.base, input)
      }
      start = end
    }
    return pieces
  }

  /// Copies the fields of `rows` and records where each ends.
  private func copy(
    rows: Range<Int>, _ spans: UnsafeBufferPointer<FieldSpan>, base: Int,
    _ input: UnsafeBufferPointer<UInt8>
  ) {
    guard let source = input.baseAddress, let target = buffer.baseAddress else { return }
    var cursor = byteCount
    for row in rows {
      let span = spans[row]
      let start = base + Int(span.start)
      let end = base + Int(span.end)
      var written = 0
      if span.isQuoted {
        written = FieldText.copy(
          from: source, start: start, end: end, quoted: true, to: target + cursor)
      } else if end > start {
        written = end - start
        if written <= 32, start + 32 <= input.count {
          Self.copyShort(from: source + start, to: target + cursor)
        } else {
          (target + cursor).update(from: source + start, count: written)
        }
      }
      if written == 0 { emptyRows.append(row) }
      cursor += written
      ends[row] = cursor
    }
    byteCount = cursor
  }

  /// Copies 32 bytes in four words, cheaper than a call to `memmove` for the short fields
  /// that make up most of a table. The caller makes sure that 32 bytes can be read; the
  /// buffer has 32 bytes to spare, and bytes beyond the field are overwritten by the next.
  @inline(__always)
  private static func copyShort(
    from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>
  ) {
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(target)
    for offset in stride(from: 0, to: 32, by: 8) {
      to.storeBytes(
        of: from.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset,
        as: UInt64.self)
    }
  }
}
