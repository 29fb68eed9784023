/// Types the fields of the columns that may hold numbers, booleans or timestamps, one chunk
/// at a time.
///
/// A column's type is the narrowest that holds every non-empty field: Int64, then Float64
/// when a value does not fit (every integer is converted), Bool for `true`/`false`
/// columns, Timestamp for dates (see `Timestamp.parse`). As soon as a value fits none of
/// these the column is text, which `TextPiece` copies. Empty fields are nulls.
///
/// Each chunk types its part of a column on its own; `TypedValues.joined` then joins the
/// parts, which gives the same type as reading the column in one go, since widening does
/// not depend on the order the values come in.
enum TypedColumnsDecoder {
  /// For each of `columns`, the typed values of `chunk`, or `nil` when a field holds text.
  /// - Parameters:
  ///   - chunk: Scanned records; its spans are relative to `chunk.base` in `bytes`.
  ///   - columns: The indices of the columns to type.
  ///   - bytes: The input the chunk was scanned from.
  /// - Complexity: O(rows × columns) until each column meets its first text value.
  static func decode(
    _ chunk: CSVChunk, columns: [Int], in bytes: UnsafeBufferPointer<UInt8>
  ) -> [TypedValues?] {
    columns.map { column in
      decodePart(chunk.spans.column(column), base: chunk.base, rows: chunk.rowCount, bytes)
    }
  }

  /// The typed values of one column's part in a chunk, or `nil` as soon as a value is
  /// text. Columns are typed one after another: each reads its spans in order, and a text
  /// column usually stops at its first value.
  private static func decodePart(
    _ spans: UnsafeBufferPointer<FieldSpan>, base: Int, rows: Int,
    _ bytes: UnsafeBufferPointer<UInt8>
  ) -> TypedValues? {
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
