/// What went wrong in a chunk, as a byte offset into the whole input.
enum CSVFailure: Equatable, Sendable {
  /// A quote opened at `offset` never closes.
  case unterminatedQuote(offset: Int)
  /// The record starting at `offset` has `fields` fields.
  case raggedRow(offset: Int, fields: Int)
  /// The record starting at `offset` pushes the chunk past `maximumChunkExtent`.
  case recordTooLarge(offset: Int)

  var offset: Int {
    switch self {
    case .unterminatedQuote(let offset), .raggedRow(let offset, _),
      .recordTooLarge(let offset):
      return offset
    }
  }
}

/// The records of one stretch of the input, as field spans.
struct CSVChunk: Sendable {
  /// Offset of the chunk's first byte in the input; spans are relative to it.
  var base: Int
  /// Offset just past the last record scanned.
  var end: Int
  /// The spans of the chunk's fields, column by column.
  var spans: SpanTable
  var rowCount: Int { spans.rowCount }
  var blankLines = 0
  var failure: CSVFailure?
}
