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
    return (0..<columnCount).map { column in
      decodePart(chunk.spans.column(column), base: chunk.base, rows: chunk.rowCount)
    }
  }

  /// The typed values of one column's part in a chunk, or `nil` as soon as a value is
  /// text. Columns are typed one after another: each reads its spans in order, and a text
  /// column usually stops at its first value.
  private func decodePart(_ spans: UnsafeBufferPointer<FieldSpan>, base: Int, rows: Int)
    -> TypedValues?
  {
    var values = TypedValues(rows: rows)
    guard let input = bytes.baseAddress else { return values }
    for span in spans {
      guard span.end > span.start else {
        values.appendNull()
        continue
      }
      let start = base + Int(span.start)
      let end = base + Int(span.end)
      guard let text = FieldText.valueBytes(input, start: start, end: end, quoted: span.isQuoted)
      else { return nil }
      if text.isEmpty {
        values.appendNull()
      } else if !values.append(text) {
        return nil
      }
    }
    return values
  }
}
