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
    var values = columns.map { _ in TypedValues(rows: chunk.rowCount) }
    var isText = Array(repeating: false, count: columns.count)
    guard let input = bytes.baseAddress else { return values }

    let spanColumns = columns.map { chunk.spans.column($0) }
    var remaining = Array(columns.indices)
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
    return columns.indices.map { isText[$0] ? nil : values[$0] }
  }
}
