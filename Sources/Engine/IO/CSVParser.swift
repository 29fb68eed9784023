/// Turns the bytes of a delimited text file into a table: header, records, typed columns.
///
/// Large inputs are split into chunks at record boundaries and scanned on all cores. A
/// boundary is guessed from quote parity (a line feed after an even number of quotes ends
/// a record in well-formed CSV); the guess is then checked, since each chunk must end
/// exactly where the next begins, and the input is scanned again in one piece when it
/// fails. Columns are then typed and built in parallel.
struct CSVParser {
  /// Inputs smaller than this are scanned in one piece.
  static let parallelThreshold = 1 << 20
  /// The most bytes of records one chunk starts.
  static let chunkLimit = 1 << 30

  let name: String
  let delimiter: UInt8
  let hasHeader: Bool

  /// The table in `bytes` (valid UTF-8, no byte order mark) and any notices.
  /// - Throws: `LoadError` for an empty input, an unclosed quote or a ragged record.
  /// - Complexity: O(n) over the bytes, divided among the cores.
  func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(LoadError) -> LoadedTable {
    let scanner = CSVScanner(bytes: bytes, delimiter: delimiter)
    var blankLines = 0
    let first = try scanFirstRecord(scanner, blankLines: &blankLines)
    let chunks = try scanRecords(scanner, from: first.dataStart, columns: first.names.count)
    blankLines += chunks.reduce(0) { $0 + $1.blankLines }

    let naming = ColumnNaming.uniqueNames(first.names)
    let columns = ColumnDecoder.columns(from: bytes, chunks: chunks, count: first.names.count)

    var notices = hasHeader ? naming.notices : []
    if blankLines > 0 {
      notices.append("skipped \(blankLines) blank \(blankLines == 1 ? "line" : "lines")")
    }
    let table = Table(columnNames: naming.names, columns: columns)
    return LoadedTable(table: table, notices: notices)
  }

  /// The header's names (empty names without a header, one per field of the first
  /// record) and where the data records start.
  private func scanFirstRecord(_ scanner: CSVScanner, blankLines: inout Int) throws(LoadError)
    -> (names: [String], dataStart: Int)
  {
    let bytes = scanner.bytes
    let start = scanner.skipBlankLines(from: 0, count: &blankLines)
    guard start < bytes.count else { throw .emptyFile(path: name) }

    var spans: [FieldSpan] = []
    switch scanner.scanRecord(at: start, chunkBase: 0, into: &spans) {
    case .unterminatedQuote(let offset):
      throw error(for: .unterminatedQuote(offset: offset), columns: 0, in: bytes)
    case .complete(let next, _) where hasHeader:
      return (spans.map { FieldText.string(from: $0, chunkBase: 0, in: bytes) }, next)
    case .complete(_, let fields):
      return (Array(repeating: "", count: fields), start)
    }
  }

  /// The data records from `start` on, as chunks in input order.
  private func scanRecords(
    _ scanner: CSVScanner, from start: Int, columns: Int
  ) throws(LoadError) -> [CSVChunk] {
    let bytes = scanner.bytes
    if bytes.count - start >= Self.parallelThreshold, ParallelWork.coreCount > 1 {
      let chunks = scanInParallel(scanner, from: start, columns: columns)
      let consistent = zip(chunks, chunks.dropFirst()).allSatisfy { $0.end == $1.base }
      if consistent, chunks.allSatisfy({ $0.failure == nil }), chunks.last?.end == bytes.count {
        return chunks
      }
    }
    return try scanInOrder(scanner, from: start, columns: columns)
  }

  /// Scans chunk after chunk; a failure is final.
  private func scanInOrder(
    _ scanner: CSVScanner, from start: Int, columns: Int
  ) throws(LoadError) -> [CSVChunk] {
    var chunks: [CSVChunk] = []
    var position = start
    repeat {
      let limit = min(position + Self.chunkLimit, scanner.bytes.count)
      let chunk = scanner.scanChunk(from: position, limit: limit, columns: columns)
      if let failure = chunk.failure {
        throw error(for: failure, columns: columns, in: scanner.bytes)
      }
      chunks.append(chunk)
      position = chunk.end
    } while position < scanner.bytes.count
    return chunks
  }

  /// Scans guessed chunks concurrently; the caller checks that they join up.
  private func scanInParallel(_ scanner: CSVScanner, from start: Int, columns: Int)
    -> [CSVChunk]
  {
    let bytes = scanner.bytes
    let length = bytes.count - start
    let chunkCount = max(ParallelWork.coreCount, (length + Self.chunkLimit - 1) / Self.chunkLimit)
    let nominal = (0...chunkCount).map {
      start + Int((Int64(length) * Int64($0)) / Int64(chunkCount))
    }

    let quoteCounts = ParallelWork.map(count: chunkCount) { index in
      QuoteParity.count(in: bytes, from: nominal[index], to: nominal[index + 1])
    }
    var parityBefore = [0]
    for (index, count) in quoteCounts.dropLast().enumerated() {
      parityBefore.append((parityBefore[index] + count) & 1)
    }

    var boundaries = ParallelWork.map(count: chunkCount + 1) { index -> Int in
      if index == 0 { return start }
      if index == chunkCount { return bytes.count }
      return QuoteParity.recordStart(
        in: bytes, from: nominal[index], insideQuotes: parityBefore[index] == 1)
    }
    for index in boundaries.indices.dropFirst() {
      boundaries[index] = max(boundaries[index], boundaries[index - 1])
    }
    return ParallelWork.map(count: chunkCount) { index in
      let from = boundaries[index]
      return scanner.scanChunk(from: from, limit: boundaries[index + 1], columns: columns)
    }
  }

  /// The `LoadError` for a scanning failure, with its line number.
  private func error(
    for failure: CSVFailure, columns: Int, in bytes: UnsafeBufferPointer<UInt8>
  ) -> LoadError {
    let line = LineCounter.line(at: failure.offset, in: bytes)
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
