/// Builds a table's columns from the field spans of scanned chunks: first the typed
/// columns (see `TypedColumnsDecoder`), then the text columns among the rest (see
/// `TextColumnsBuilder`). The CSV and JSON readers both end here, so a value is typed the
/// same way whichever format it came from.
enum ColumnDecoder {
  /// The `count` columns whose fields the spans of `chunks` locate in `bytes`.
  /// - Complexity: O(rows × count + bytes copied), divided among the cores.
  static func columns(
    from bytes: UnsafeBufferPointer<UInt8>, chunks: [CSVChunk], count: Int
  ) -> [Column] {
    let typed = TypedColumnsDecoder(bytes: bytes, chunks: chunks).decode(columnCount: count)
    let textIndices = typed.indices.filter { typed[$0] == nil }
    let texts = TextColumnsBuilder(bytes: bytes, chunks: chunks).build(textIndices)

    var columns = typed.map { $0 ?? Column.nulls(.string, count: 0) }
    for (index, text) in zip(textIndices, texts) { columns[index] = text }
    return columns
  }
}
