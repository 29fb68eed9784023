/// Builds the columns of numbers, booleans and timestamps from the field spans of the
/// scanned chunks, each chunk on its own core.
///
/// A column's type is the narrowest that holds every non-empty field: Int64, then Float64
/// when a value does not fit (every integer is converted), Bool for `true`/`false`
/// columns, Timestamp for dates (see `Timestamp.parse`). As soon as a value fits none of
/// these the column is text, which `TextColumnsBuilder` builds. Empty fields are nulls.
///
/// Each chunk types its part of a column on its own; the parts are then joined, which
/// gives the same type as reading the column in one go, since widening does not depend on
/// the order the values come in.
struct TypedColumnsDecoder {
  let bytes: UnsafeBufferPointer<UInt8>
  let chunks: [CSVChunk]

  /// For each of `columnCount` columns, the typed column, or `nil` when it holds text (or
  /// only empty fields).
  /// - Complexity: O(rows × columns) until each column meets its first text value.
  func decode(columnCount: Int) -> [Column?] {
    let parts = ParallelWork.map(count: chunks.count) { decodeChunk($0, columnCount) }
    return (0..<columnCount).map { column in
      var columnParts: [TypedValues] = []
      for chunkParts in parts {
        guard let part = chunkParts[column] else { return nil }
        columnParts.append(part)
      }
      return TypedValues.joined(columnParts)
    }
  }

  /// The typed values of one chunk, `nil` for columns found to hold text.
  private func decodeChunk(_ index: Int, _ columnCount: Int) -> [TypedValues?] {
    let chunk = chunks[index]
    var values = (0..<columnCount).map { _ in TypedValues(rows: chunk.rowCount) }
    var isText = Array(repeating: false, count: columnCount)
    guard let input = bytes.baseAddress else { return values }

    let spanColumns = (0..<columnCount).map { chunk.spans.column($0) }
    var remaining = Array(0..<columnCount)
    for row in 0..<chunk.rowCount {
      var lostOne = false
      for column in remaining {
        let span = spanColumns[column][row]
        let start = chunk.base + Int(span.start)
        let end = chunk.base + Int(span.end)
        let text =
          end == start
          ? UnsafeBufferPointer(start: input, count: 0)
          : FieldText.valueBytes(input, start: start, end: end, quoted: span.isQuoted)
        if let text, text.isEmpty {
          values[column].appendNull()
        } else if let text, values[column].append(text) {
          continue
        } else {
          isText[column] = true
          lostOne = true
        }
      }
      if lostOne {
        remaining.removeAll { isText[$0] }
        if remaining.isEmpty { break }
      }
    }
    return (0..<columnCount).map { isText[$0] ? nil : values[$0] }
  }
}
