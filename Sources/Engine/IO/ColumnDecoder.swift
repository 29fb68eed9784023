/// Builds a table's columns from the field spans of scanned chunks held in memory at once:
/// each chunk types its columns (see `TypedColumnsDecoder`) and copies the text of the
/// columns that hold text (see `TextPiece`), on all cores; the parts are then joined in
/// chunk order. The JSON reader ends here, and the CSV reader does the same work segment by
/// segment (see `CSVLoadState`), so a value is typed the same way whichever format it came
/// from.
enum ColumnDecoder {
  /// The `count` columns whose fields the spans of `chunks` locate in `bytes`.
  /// - Complexity: O(rows × count + bytes copied), divided among the cores.
  static func columns(
    from bytes: UnsafeBufferPointer<UInt8>, chunks: [CSVChunk], count: Int
  ) -> [Column] {
    let all = Array(0..<count)
    let typed = ParallelWork.map(count: chunks.count) { index in
      TypedColumnsDecoder.decode(chunks[index], columns: all, in: bytes)
    }
    var columns: [Column?] = all.map { column in
      let parts = typed.compactMap { $0[column] }
      guard parts.count == chunks.count else { return nil }
      return TypedValues.joined(parts)
    }

    let textIndices = all.filter { columns[$0] == nil }
    guard !textIndices.isEmpty else { return columns.compactMap { $0 } }
    let pieces = ParallelWork.map(count: chunks.count) { index in
      TextPiece.pieces(columns: textIndices, of: chunks[index], in: bytes)
    }
    let texts = ParallelWork.map(count: textIndices.count) { position in
      var text = TextColumnAccumulator()
      text.reserve(
        rows: chunks.reduce(0) { $0 + $1.rowCount },
        bytes: pieces.reduce(0) { $0 + $1[position].bytes.count })
      for chunkPieces in pieces { text.append(chunkPieces[position]) }
      return text.column()
    }
    for (position, column) in textIndices.enumerated() { columns[column] = texts[position] }
    return columns.map { $0 ?? Column.nulls(.string, count: 0) }
  }
}
