/// The text of one column's fields in one chunk, with the CSV quoting removed.
///
/// A chunk's piece is built by the core that scanned the chunk, while the chunk's bytes
/// are still in its cache, and is appended to the column later, in chunk order.
struct TextPiece {
  /// The fields' bytes, one after the other.
  private(set) var bytes: [UInt8]
  /// Where each row's text ends in `bytes`; row `r` starts where row `r - 1` ends.
  private(set) var ends: [Int]
  /// The rows, counted from the chunk's first, whose field is empty (null).
  private(set) var emptyRows: [Int]

  /// Copies the fields of column `column` of `chunk`.
  /// - Complexity: O(rows + bytes of the fields)
  init(column: Int, of chunk: CSVChunk, in input: UnsafeBufferPointer<UInt8>) {
    let spans = chunk.spans.column(column)
    let rawSize = spans.reduce(0) { $0 + Int($1.end) - Int($1.start) }
    var emptyRows: [Int] = []
    var ends: [Int] = []
    bytes = [UInt8](unsafeUninitializedCapacity: rawSize) { output, written in
      ends = [Int](unsafeUninitializedCapacity: spans.count) { endsBuffer, rows in
        written = Self.copy(spans, base: chunk.base, input, output, endsBuffer, &emptyRows)
        rows = spans.count
      }
    }
    self.ends = ends
    self.emptyRows = emptyRows
  }

  /// Copies every field's text to `output` and records where each ends; returns the number
  /// of bytes written.
  private static func copy(
    _ spans: UnsafeBufferPointer<FieldSpan>, base: Int, _ input: UnsafeBufferPointer<UInt8>,
    _ output: UnsafeMutableBufferPointer<UInt8>, _ ends: UnsafeMutableBufferPointer<Int>,
    _ emptyRows: inout [Int]
  ) -> Int {
    guard let source = input.baseAddress, let target = output.baseAddress else {
      for row in spans.indices {
        ends[row] = 0
        emptyRows.append(row)
      }
      return 0
    }
    var cursor = 0
    for row in spans.indices {
      let span = spans[row]
      let start = base + Int(span.start)
      let end = base + Int(span.end)
      var written = 0
      if span.isQuoted {
        written = FieldText.copy(
          from: source, start: start, end: end, quoted: true, to: target + cursor)
      } else if end > start {
        written = end - start
        if written <= 32, start + 32 <= input.count, cursor + 32 <= output.count {
          copyShort(from: source + start, to: target + cursor)
        } else {
          (target + cursor).update(from: source + start, count: written)
        }
      }
      if written == 0 { emptyRows.append(row) }
      cursor += written
      ends[row] = cursor
    }
    return cursor
  }

  /// Copies 32 bytes in four words: cheaper than a call to `memmove` for the short fields
  /// that make up most of a table. The caller makes sure that 32 bytes can be read and
  /// written; the bytes beyond the field are overwritten by the next field.
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
