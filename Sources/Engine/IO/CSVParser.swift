/// Turns the bytes of a delimited text file into a table: header, records, typed columns.
///
/// The records are read one segment at a time: a stretch of about `segmentLength` bytes
/// that ends at a record boundary. Each segment is cut into chunks that the processor cores
/// scan, type and copy at once (see `CSVSegment`); the text columns grow by the segment's
/// pieces, and the segment's bytes are then no longer needed. Memory therefore holds the
/// columns plus one segment, never the whole file.
///
/// A column is typed (number, boolean, timestamp) until a field in it does not fit; the
/// text of the segments read before that is then read again, which is rare and costs one
/// more pass over those segments.
struct CSVParser {
  /// The bytes read per segment when no record is longer.
  static let segmentLength = 16 << 20

  let name: String
  let delimiter: UInt8
  let hasHeader: Bool
  /// The bytes per segment; small values are for tests.
  var segmentLength = CSVParser.segmentLength
  /// Told about the bytes and rows read after every segment.
  var progress: (any ProgressReporter)?
  /// Checked before every segment; once it is set the parse throws `LoadError.cancelled`.
  var cancellation: CancellationFlag?

  /// The table in `input` (valid UTF-8 unless it comes from a file) and any notices.
  /// - Throws: `LoadError` for an empty input, an unclosed quote or a ragged record;
  ///   `CSVParser.Interruption.invalidUTF8` when a file holds invalid UTF-8, which the
  ///   caller repairs before parsing again.
  /// - Complexity: O(n) over the bytes, divided among the cores.
  func parse(_ input: CSVInput) throws(CSVParser.Interruption) -> LoadedTable {
    let header = try wrapped { () throws(LoadError) in try readHeader(input) }
    var state = CSVLoadState(columnCount: header.names.count)
    state.blankLines = header.blankLines

    var start = header.dataStart
    // Smaller inputs get smaller segments, so that their buffers are small too.
    let usualLength = min(segmentLength, max(input.count / 8, 1 << 20))
    var length = usualLength
    var estimated = false
    var speculates = true
    while start < input.count {
      try stopIfCancelled()
      let end = min(start + length, input.count)
      let segment = CSVSegment(
        delimiter: delimiter, columns: header.names.count, atEnd: end == input.count,
        candidates: state.candidates, texts: state.textColumns,
        validatesUTF8: input.isFile, speculates: speculates,
        segmentLength: usualLength,
        margin: CSVSegment.margin(length: length, usual: usualLength))
      let outcome = try wrapped { () throws(LoadError) in
        try input.withBytes(start..<end) { bytes throws(LoadError) in segment.read(bytes) }
      }
      switch outcome {
      case .needsMoreBytes:
        guard length < maximumChunkExtent / 2 else {
          let line = try wrapped { () throws(LoadError) in try input.line(at: start) }
          throw .load(.recordTooLarge(path: name, line: line))
        }
        length *= 2
        continue
      case .invalidUTF8:
        throw .invalidUTF8
      case .failed(let failure):
        let columns = header.names.count
        throw .load(
          try wrapped { () throws(LoadError) in
            try error(for: failure, at: start, columns: columns, input)
          })
      case .read(let result):
        try wrapped { () throws(LoadError) in
          try state.add(result, range: start..<start + result.length, input: input, self)
        }
        if !estimated, result.length > 0 {
          state.reserve(
            expectedShare: Double(input.count - header.dataStart) / Double(result.length))
          estimated = true
        }
        start += result.length
        if result.speculationFailed { speculates = false }
        let fraction = Double(start) / Double(max(input.count, 1))
        progress?.report(WorkProgress(task: "load", fraction: fraction, rows: state.rowCount))
      }
    }

    try stopIfCancelled()
    let columns = try wrapped { () throws(LoadError) in try state.columns(input: input, self) }
    let naming = ColumnNaming.uniqueNames(header.names)
    var notices = hasHeader ? naming.notices : []
    if state.blankLines > 0 {
      let lines = state.blankLines == 1 ? "line" : "lines"
      notices.append("skipped \(state.blankLines) blank \(lines)")
    }
    let table = Table(columnNames: naming.names, columns: columns)
    return LoadedTable(table: table, notices: notices)
  }

  /// Why a parse stopped.
  enum Interruption: Error {
    /// The input cannot be loaded.
    case load(LoadError)
    /// A file holds invalid UTF-8; it must be repaired as a whole and parsed again.
    case invalidUTF8
  }

  /// Throws `LoadError.cancelled` once `cancellation` is set.
  private func stopIfCancelled() throws(Interruption) {
    if cancellation?.isCancelled == true { throw .load(.cancelled(path: name)) }
  }

  /// Runs `body`, passing its `LoadError` on as an interruption.
  private func wrapped<R>(_ body: () throws(LoadError) -> R) throws(Interruption) -> R {
    do {
      return try body()
    } catch {
      throw .load(error)
    }
  }

  /// The header's names (empty names without a header, one per field of the first
  /// record), where the data records start, and the blank lines before them.
  private func readHeader(_ input: CSVInput) throws(LoadError)
    -> (names: [String], dataStart: Int, blankLines: Int)
  {
    var length = segmentLength
    while true {
      let end = min(length, input.count)
      let atEnd = end == input.count
      let found = try input.withBytes(0..<end) { bytes throws(LoadError) in
        try firstRecord(in: bytes, atEnd: atEnd)
      }
      if let found { return found }
      guard length < maximumChunkExtent / 2 else {
        throw .recordTooLarge(path: name, line: 1)
      }
      length *= 2
    }
  }

  /// The first record of `bytes`, or `nil` when it may run past them.
  private func firstRecord(in bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool) throws(LoadError)
    -> (names: [String], dataStart: Int, blankLines: Int)?
  {
    let scanner = CSVScanner(bytes: bytes, delimiter: delimiter)
    var blankLines = 0
    let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let start = scanner.skipBlankLines(from: bom, count: &blankLines)
    guard start < bytes.count else {
      if atEnd { throw .emptyFile(path: name) }
      return nil
    }

    var spans: [FieldSpan] = []
    switch scanner.scanRecord(at: start, chunkBase: 0, into: &spans) {
    case .unterminatedQuote where !atEnd:
      return nil
    case .unterminatedQuote(let offset):
      throw .unterminatedQuote(path: name, line: LineCounter.line(at: offset, in: bytes))
    case .complete(let next, _) where next >= bytes.count && !atEnd:
      return nil
    case .complete(let next, _) where hasHeader:
      let names = spans.map { FieldText.string(from: $0, chunkBase: 0, in: bytes) }
      return (names, next, blankLines)
    case .complete(_, let fields):
      return (Array(repeating: "", count: fields), start, blankLines)
    }
  }

  /// The `LoadError` for a scanning failure in the segment that starts at `start`.
  private func error(
    for failure: CSVFailure, at start: Int, columns: Int, _ input: CSVInput
  ) throws(LoadError) -> LoadError {
    let line = try input.line(at: start + failure.offset)
    switch failure {
    case .unterminatedQuote:
      return .unterminatedQuote(path: name, line: line)
    case .raggedRow(_, let fields):
      return .raggedRow(path: name, line: line, fields: fields, expected: columns)
    case .recordTooLarge:
      return .recordTooLarge(path: name, line: line)
    }
  }
}
