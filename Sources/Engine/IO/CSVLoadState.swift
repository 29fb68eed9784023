/// The columns of a CSV input while it is read, segment by segment.
///
/// Every column starts as a candidate for a typed column and keeps its typed values per
/// chunk; once a field of it holds text, it becomes a text column that grows by pieces.
/// The text of the segments read before that is read again then.
struct CSVLoadState {
  let columnCount: Int
  /// The columns that may still be typed, in column order.
  private(set) var candidates: [Int]
  /// The columns that hold text, in the order they were found to.
  private(set) var textColumns: [Int] = []
  /// Per column, its text so far (text columns only).
  private var accumulators: [TextColumnAccumulator?]
  /// Per column, its typed values so far, one part per chunk (candidates only).
  private var typedParts: [[TypedValues]]
  /// The byte range of every segment read so far.
  private var segments: [Range<Int>] = []
  private(set) var rowCount = 0
  var blankLines = 0

  /// The state before any record is read.
  init(columnCount: Int) {
    self.columnCount = columnCount
    candidates = Array(0..<columnCount)
    accumulators = Array(repeating: nil, count: columnCount)
    typedParts = Array(repeating: [], count: columnCount)
  }

  /// Adds a segment's records, found at `range` of the input.
  /// - Throws: `LoadError.unreadable` when earlier segments must be read again and cannot.
  mutating func add(
    _ result: CSVSegmentResult, range: Range<Int>, input: CSVInput, _ parser: CSVParser
  ) throws(LoadError) {
    for (index, column) in candidates.enumerated() where result.newTexts[column] == nil {
      typedParts[column] += result.typed.compactMap { $0[index] }
    }
    appendPieces(result.pieces)

    for column in candidates where result.newTexts[column] != nil {
      var text = try reread(column, input: input, parser)
      for piece in result.newTexts[column] ?? [] { text.append(piece) }
      accumulators[column] = text
      typedParts[column] = []
      textColumns.append(column)
    }
    candidates.removeAll { result.newTexts[$0] != nil }
    segments.append(range)
    rowCount += result.rowCount
    blankLines += result.blankLines
  }

  /// Appends each chunk's piece of every text column, the columns on all cores.
  private mutating func appendPieces(_ pieces: [[TextPiece]]) {
    let columns = textColumns
    guard !columns.isEmpty, !pieces.isEmpty else { return }
    accumulators.withUnsafeMutableBufferPointer { accumulators in
      // Each worker appends to its own column only.
      nonisolated(unsafe) let shared = accumulators
      _ = ParallelWork.map(count: columns.count) { index in
        let column = columns[index]
        for chunk in pieces { shared[column]?.append(chunk[index]) }
      }
    }
  }

  /// Makes room in the text columns for the rows still to come, guessed from the share of
  /// the input read so far, so that they do not grow by copying.
  mutating func reserve(expectedShare: Double) {
    guard expectedShare > 1.5 else { return }
    let scale = expectedShare * 1.05
    var regions: [UnsafeMutableRawBufferPointer] = []
    for column in textColumns {
      guard var text = accumulators[column] else { continue }
      accumulators[column] = nil
      text.reserve(
        rows: Int(Double(text.rowCount) * scale), bytes: Int(Double(text.byteCount) * scale))
      regions += text.regions()
      accumulators[column] = text
    }
    HugePages.prepare(regions)
  }

  /// The finished columns, in column order, built on all cores.
  /// - Throws: `LoadError.unreadable` when a column must be read again as text and cannot.
  func columns(input: CSVInput, _ parser: CSVParser) throws(LoadError) -> [Column] {
    let finished = ParallelWork.map(count: columnCount) { column -> Column? in
      if let text = accumulators[column] { return text.column() }
      if let typed = TypedValues.joined(typedParts[column]) { return typed }
      if typedParts[column].allSatisfy({ $0.kind == .undecided }) {
        return Self.nullStrings(count: rowCount)
      }
      return nil
    }
    var columns: [Column] = []
    for (column, done) in finished.enumerated() {
      if let done {
        columns.append(done)
      } else {
        columns.append(try reread(column, input: input, parser).column())
      }
    }
    return columns
  }

  /// A text column of `count` nulls.
  private static func nullStrings(count: Int) -> Column {
    let storage = StringStorage(bytes: [], offsets: Array(repeating: 0, count: count + 1))
    return Column(.string(storage), validity: NullMask(count: count, allValid: false))
  }

  /// The text of `column` in every segment read so far, read again.
  private func reread(_ column: Int, input: CSVInput, _ parser: CSVParser) throws(LoadError)
    -> TextColumnAccumulator
  {
    var text = TextColumnAccumulator()
    for range in segments {
      let piece = try input.withBytes(range) { bytes in
        let scanner = CSVScanner(bytes: bytes, delimiter: parser.delimiter)
        let chunk = scanner.scanChunk(from: 0, limit: bytes.count, columns: columnCount)
        return TextPiece.pieces(columns: [column], of: chunk, in: bytes)[0]
      }
      text.append(piece)
    }
    return text
  }
}
