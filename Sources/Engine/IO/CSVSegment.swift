/// Reads the records of one segment of a CSV input: it cuts the bytes into chunks at
/// guessed record boundaries and scans, types and copies the chunks on all cores.
///
/// A boundary is guessed from quote parity (a line feed after an even number of quotes ends
/// a record in well-formed CSV); the guess is then checked, since each chunk must end
/// exactly where the next begins, and the segment is scanned again in one piece when it
/// fails. The segment's records are those that start before its last `margin` bytes (all
/// of them at the end of the input), so that a record that starts there ends within the
/// bytes; a longer record asks for more bytes.
struct CSVSegment {
  /// Chunks per core, so that a core slowed by other work holds the others up less.
  static let chunksPerCore = 2

  let delimiter: UInt8
  let columns: Int
  /// Whether the bytes run to the end of the input.
  let atEnd: Bool
  /// The columns that may still be typed.
  let candidates: [Int]
  /// The columns known to hold text.
  let texts: [Int]
  /// Whether to check that the bytes are valid UTF-8.
  let validatesUTF8: Bool
  /// Whether to try chunk boundaries at the first line feeds before counting quotes.
  let speculates: Bool
  /// The parser's segment length, which sets the parallel threshold.
  let segmentLength: Int
  /// Bytes at the end of the segment in which no record may start, so that every record
  /// that starts before them ends within the bytes.
  let margin: Int

  /// Records of fewer bytes are scanned as one chunk: a sixteenth of a segment, 1 MiB
  /// for the usual 16 MiB segments.
  var parallelThreshold: Int { segmentLength / 16 }

  /// The margin for a segment of `length` bytes: a quarter of the usual length, at most
  /// 256 KiB, or a quarter of a segment that grew to hold a long record.
  static func margin(length: Int, usual: Int) -> Int {
    length > usual ? length / 4 : min(length / 4, 1 << 18)
  }

  /// What reading a segment gives.
  enum Outcome {
    case read(CSVSegmentResult)
    /// A record may run past the bytes; read again with more.
    case needsMoreBytes
    /// The bytes are not valid UTF-8.
    case invalidUTF8
    /// The records are malformed; offsets are relative to the segment's first byte.
    case failed(CSVFailure)
  }

  /// Reads the records that start in `bytes`, up to the margin.
  /// - Complexity: O(bytes.count), divided among the cores.
  func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
    let limit = atEnd ? bytes.count : bytes.count - margin
    guard limit > 0 else { return .needsMoreBytes }
    let scanner = CSVScanner(bytes: bytes, delimiter: delimiter)

    var work = speculates ? scanInParallel(scanner, limit: limit, byParity: false) : nil
    let speculationFailed = speculates && work == nil
    if work == nil { work = scanInParallel(scanner, limit: limit, byParity: true) }
    if work == nil {
      let single = scanChunk(scanner, from: 0, limit: limit)
      if let failure = single.failure {
        return runsPastBytes(failure, scanner) ? .needsMoreBytes : .failed(failure)
      }
      work = [single]
    }
    guard let chunks = work, let end = chunks.last?.end else { return .needsMoreBytes }
    if !atEnd, end >= bytes.count { return .needsMoreBytes }

    let consumed = UnsafeBufferPointer(rebasing: bytes[0..<end])
    if validatesUTF8, !UTF8Repair.isValid(consumed) { return .invalidUTF8 }
    var result = CSVSegmentResult(chunks, length: end, candidates: candidates, bytes: bytes)
    result.speculationFailed = speculationFailed
    return .read(result)
  }

  /// Whether the record that failed may only look malformed because the bytes end
  /// inside it.
  private func runsPastBytes(_ failure: CSVFailure, _ scanner: CSVScanner) -> Bool {
    guard !atEnd else { return false }
    switch failure {
    case .unterminatedQuote:
      return true
    case .raggedRow(let offset, _):
      var spans: [FieldSpan] = []
      if case .complete(let next, _) = scanner.scanRecord(at: offset, chunkBase: 0, into: &spans) {
        return next >= scanner.bytes.count
      }
      return true
    case .recordTooLarge:
      return false
    }
  }

  /// Scans guessed chunks concurrently; `nil` when they do not join up or one fails.
  ///
  /// A boundary is guessed just after the first line feed at a chunk's nominal start, as
  /// if no quoted field held a line break, or, with `byParity`, from the quotes before it
  /// (a pass more over the bytes).
  private func scanInParallel(_ scanner: CSVScanner, limit: Int, byParity: Bool)
    -> [CSVChunkWork]?
  {
    guard limit >= parallelThreshold, ParallelWork.coreCount > 1 else { return nil }
    let bytes = scanner.bytes
    let chunkCount = ParallelWork.coreCount * Self.chunksPerCore
    let nominal = (0...chunkCount).map { limit * $0 / chunkCount }

    var insideQuotes = Array(repeating: false, count: chunkCount)
    if byParity {
      let quoteCounts = ParallelWork.map(count: chunkCount) { index in
        QuoteParity.count(in: bytes, from: nominal[index], to: nominal[index + 1])
      }
      for index in 1..<chunkCount {
        insideQuotes[index] = insideQuotes[index - 1] != (quoteCounts[index - 1] & 1 == 1)
      }
    }
    var boundaries = [0]
    for index in 1..<chunkCount {
      let start =
        byParity
        ? QuoteParity.recordStart(
          in: bytes, from: nominal[index], insideQuotes: insideQuotes[index])
        : QuoteParity.lineStart(in: bytes, from: nominal[index])
      boundaries.append(min(max(start, boundaries[index - 1]), limit))
    }
    boundaries.append(limit)

    let chunks = ParallelWork.map(count: chunkCount) { index in
      scanChunk(scanner, from: boundaries[index], limit: boundaries[index + 1])
    }
    let joined = zip(chunks, chunks.dropFirst()).allSatisfy { $0.end == $1.base }
    guard joined, chunks.allSatisfy({ $0.failure == nil }) else { return nil }
    return chunks
  }

  /// Scans, types and copies the records that start in `start..<limit`.
  private func scanChunk(_ scanner: CSVScanner, from start: Int, limit: Int) -> CSVChunkWork {
    let chunk = scanner.scanChunk(from: start, limit: limit, columns: columns)
    guard chunk.failure == nil else { return CSVChunkWork(chunk: chunk) }
    let typed = TypedColumnsDecoder.decode(chunk, columns: candidates, in: scanner.bytes)
    let pieces = TextPiece.pieces(columns: texts, of: chunk, in: scanner.bytes)
    return CSVChunkWork(chunk: chunk, typed: typed, pieces: pieces)
  }
}

/// One chunk's scanned records, typed candidate columns and text pieces.
struct CSVChunkWork {
  var chunk: CSVChunk
  /// Per candidate column, its typed values, or `nil` when it holds text.
  var typed: [TypedValues?] = []
  /// Per text column, the chunk's piece.
  var pieces: [TextPiece] = []

  var base: Int { chunk.base }
  var end: Int { chunk.end }
  var failure: CSVFailure? { chunk.failure }
}

/// What one segment contributes to the table.
struct CSVSegmentResult {
  /// The bytes of the segment's records.
  var length: Int
  var rowCount: Int
  var blankLines: Int
  /// Per chunk, per candidate column: typed values or `nil` for text.
  var typed: [[TypedValues?]]
  /// Per chunk, per text column: the chunk's piece.
  var pieces: [[TextPiece]]
  /// Per candidate column found to hold text in this segment, its pieces in chunk order.
  var newTexts: [Int: [TextPiece]]
  /// Whether boundaries guessed at line feeds did not join up, so that quotes had to be
  /// counted.
  var speculationFailed = false

  init(_ chunks: [CSVChunkWork], length: Int, candidates: [Int], bytes: UnsafeBufferPointer<UInt8>)
  {
    self.length = length
    rowCount = chunks.reduce(0) { $0 + $1.chunk.rowCount }
    blankLines = chunks.reduce(0) { $0 + $1.chunk.blankLines }
    typed = chunks.map(\.typed)
    pieces = chunks.map(\.pieces)
    newTexts = [:]
    for (index, column) in candidates.enumerated()
    where chunks.contains(where: { $0.typed[index] == nil }) {
      newTexts[column] = chunks.map {
        TextPiece.pieces(columns: [column], of: $0.chunk, in: bytes)[0]
      }
    }
  }
}
