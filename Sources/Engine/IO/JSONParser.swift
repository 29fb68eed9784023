import Foundation

/// Turns JSON text into a table: one row per object, one column per distinct key.
///
/// The input is either JSON lines (objects one after another, usually one per line) or
/// one array of objects, told apart by its first byte. Columns are the keys in the order
/// they are first met; a key an object lacks is null in its row. Values are typed like
/// CSV fields (see `ColumnDecoder`), from the text `JSONScanner` writes for them: a
/// number written without fraction or exponent is an integer if it fits (`1.0` is a
/// float), a string is a number, boolean or timestamp when its text reads as one, `null`
/// and `""` are nulls, and a key whose values mix numbers with other text holds text.
///
/// Large JSON lines inputs are cut at line feeds and scanned on all cores. A line feed
/// inside an object (pretty-printed records) makes the guessed chunks disagree, and the
/// input is then scanned again in one piece, as an array always is.
struct JSONParser {
  /// Inputs smaller than this are scanned in one piece.
  static let parallelThreshold = 1 << 20
  /// The most bytes of records one chunk starts: small enough that a cancellation is
  /// seen within a fraction of a second, large enough that chunks cost nothing to join.
  static let chunkLimit = 32 << 20

  let name: String
  /// Checked before every chunk; once it is set the parse throws `LoadError.cancelled`.
  var cancellation: CancellationFlag?

  /// How the records are laid out.
  enum Layout {
    /// Objects one after another.
    case lines
    /// One array of objects.
    case array
  }

  /// The records of one stretch of the input.
  struct Chunk {
    /// Where the chunk's input starts, and its output with it.
    var base: Int
    /// Where its first record starts.
    var firstRecord: Int
    /// Where the record after its last would start.
    var end: Int
    var scanner: JSONScanner
    /// Whether the top-level array closed in this chunk.
    var closesArray = false
    var failure: JSONFailure?
  }

  /// The table in `bytes` (valid UTF-8, no byte order mark) and any notices.
  /// - Throws: `LoadError` for an empty input or malformed JSON.
  /// - Complexity: O(n) over the bytes, divided among the cores for JSON lines.
  func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(LoadError) -> LoadedTable {
    let whitespace: Set<UInt8> = [
      JSONByte.space, JSONByte.tab, JSONByte.lineFeed, JSONByte.carriageReturn,
    ]
    guard let start = bytes.firstIndex(where: { !whitespace.contains($0) }) else {
      throw .emptyFile(path: name)
    }
    let layout: Layout = bytes[start] == JSONByte.openingBracket ? .array : .lines

    let output = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
    defer { output.deallocate() }
    let chunks = try scanChunks(bytes, into: output, layout: layout, from: start)
    try stopIfCancelled()
    return assemble(chunks, UnsafeBufferPointer(start: output, count: bytes.count))
  }

  /// The scanned chunks, in input order.
  private func scanChunks(
    _ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>,
    layout: Layout, from start: Int
  ) throws(LoadError) -> [Chunk] {
    if layout == .lines, bytes.count - start >= Self.parallelThreshold,
      ParallelWork.coreCount > 1
    {
      let chunks = scanInParallel(bytes, into: output, from: start)
      try stopIfCancelled()
      let consistent = zip(chunks, chunks.dropFirst()).allSatisfy { $0.end == $1.firstRecord }
      if consistent, chunks.allSatisfy({ $0.failure == nil }), chunks.last?.end == bytes.count {
        return chunks
      }
    }
    return try scanInOrder(bytes, into: output, layout: layout, from: start)
  }

  /// Scans chunk after chunk; a failure is final.
  private func scanInOrder(
    _ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>,
    layout: Layout, from start: Int
  ) throws(LoadError) -> [Chunk] {
    var chunks: [Chunk] = []
    var position = start
    repeat {
      try stopIfCancelled()
      let limit = min(position + Self.chunkLimit, bytes.count)
      let opens = layout == .array && chunks.isEmpty
      let chunk = Self.scanChunk(
        bytes, into: output, from: position, limit: limit, outputLimit: bytes.count,
        layout: layout, opensArray: opens)
      if let failure = chunk.failure { throw error(for: failure, in: bytes) }
      chunks.append(chunk)
      position = chunk.end
    } while layout == .lines ? position < bytes.count : chunks.last?.closesArray == false
    return chunks
  }

  /// Scans chunks that start after guessed line feeds concurrently; the caller checks
  /// that they join up.
  private func scanInParallel(
    _ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>,
    from start: Int
  ) -> [Chunk] {
    let length = bytes.count - start
    let chunkCount = max(ParallelWork.coreCount, (length + Self.chunkLimit - 1) / Self.chunkLimit)
    var boundaries = (0...chunkCount).map { index -> Int in
      if index == 0 { return start }
      if index == chunkCount { return bytes.count }
      return Self.lineStart(
        after: start + Int(Int64(length) * Int64(index) / Int64(chunkCount)),
        in: bytes)
    }
    for index in boundaries.indices.dropFirst() {
      boundaries[index] = max(boundaries[index], boundaries[index - 1])
    }
    // Each chunk writes only into its own stretch of the output.
    nonisolated(unsafe) let target = output
    let cancellation = cancellation
    return ParallelWork.map(count: chunkCount) { index in
      // Once cancelled, the chunks left are not scanned; the caller throws.
      guard cancellation?.isCancelled != true else {
        let empty = JSONScanner(
          input: bytes, output: target, start: boundaries[index],
          outputLimit: boundaries[index + 1])
        return Chunk(
          base: boundaries[index], firstRecord: boundaries[index], end: boundaries[index],
          scanner: empty)
      }
      return Self.scanChunk(
        bytes, into: target, from: boundaries[index], limit: boundaries[index + 1],
        outputLimit: boundaries[index + 1], layout: .lines, opensArray: false)
    }
  }

  /// The records that start in `start..<limit`, writing no output at or past
  /// `outputLimit`.
  private static func scanChunk(
    _ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>,
    from start: Int, limit: Int, outputLimit: Int, layout: Layout, opensArray: Bool
  ) -> Chunk {
    var scanner = JSONScanner(input: bytes, output: output, start: start, outputLimit: outputLimit)
    scanner.skipWhitespace()
    var chunk = Chunk(base: start, firstRecord: scanner.position, end: start, scanner: scanner)
    do {
      switch layout {
      case .lines:
        try scanner.scanLines(limit: limit)
      case .array:
        chunk.closesArray = try scanner.scanArray(limit: limit, opens: opensArray)
      }
    } catch {
      chunk.failure = error
    }
    chunk.end = scanner.position
    chunk.scanner = scanner
    return chunk
  }

  /// The offset just past the first line feed at or after `offset`, or the end.
  private static func lineStart(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress, offset < bytes.count else { return bytes.count }
    guard let hit = memchr(base + offset, Int32(JSONByte.lineFeed), bytes.count - offset) else {
      return bytes.count
    }
    return UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base + 1
  }

  /// Joins the chunks' keys into one list of columns and builds the table.
  private func assemble(_ chunks: [Chunk], _ output: UnsafeBufferPointer<UInt8>)
    -> LoadedTable
  {
    var columnOfName: [[UInt8]: Int] = [:]
    var names: [[UInt8]] = []
    for chunk in chunks {
      for key in 0..<chunk.scanner.keys.count {
        let name = chunk.scanner.keys.name(key)
        if columnOfName[name] == nil {
          columnOfName[name] = names.count
          names.append(name)
        }
      }
    }

    let spanChunks = chunks.map { chunk in
      var order = [Int?](repeating: nil, count: names.count)
      for key in 0..<chunk.scanner.keys.count {
        if let column = columnOfName[chunk.scanner.keys.name(key)] { order[column] = key }
      }
      let spans = chunk.scanner.columns.makeTable(order: order)
      return CSVChunk(base: chunk.base, end: chunk.end, spans: spans)
    }
    let columns = ColumnDecoder.columns(from: output, chunks: spanChunks, count: names.count)

    let naming = ColumnNaming.uniqueNames(names.map { String(decoding: $0, as: UTF8.self) })
    var notices = naming.notices
    let replaced = chunks.reduce(0) { $0 + $1.scanner.replacedSurrogates }
    if replaced > 0 {
      notices.append(
        "replaced \(replaced) \\u \(replaced == 1 ? "escape" : "escapes") of a lone "
          + "surrogate with U+FFFD (\u{FFFD})")
    }
    let table = Table(columnNames: naming.names, columns: columns)
    return LoadedTable(table: table, notices: notices)
  }

  /// Throws `LoadError.cancelled` once `cancellation` is set.
  private func stopIfCancelled() throws(LoadError) {
    if cancellation?.isCancelled == true { throw .cancelled(path: name) }
  }

  /// The `LoadError` for a scanning failure, with its line and column.
  private func error(for failure: JSONFailure, in bytes: UnsafeBufferPointer<UInt8>)
    -> LoadError
  {
    switch failure {
    case .syntax(let offset, let expected):
      let (line, column) = Self.location(of: offset, in: bytes)
      return .malformedJSON(
        path: name, line: line, column: column, expected: expected.phrase,
        found: Self.describe(at: offset, in: bytes))
    case .notAnObject(let offset):
      let (line, _) = Self.location(of: offset, in: bytes)
      return .notAnObject(path: name, line: line, found: Self.kind(of: bytes[offset]))
    case .tooManyKeys(let offset):
      let line = LineCounter.line(at: offset, in: bytes)
      return .tooManyKeys(path: name, line: line, limit: JSONScanner.maximumKeys)
    case .recordTooLarge(let offset):
      return .recordTooLarge(path: name, line: LineCounter.line(at: offset, in: bytes))
    case .overran:
      // Only concurrent scans overrun, and their failures are never reported.
      return .recordTooLarge(path: name, line: 1)
    }
  }

  /// The line and column (in characters, from 1) of the byte at `offset`.
  private static func location(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>)
    -> (line: Int, column: Int)
  {
    let end = min(offset, bytes.count)
    var lineStart = end
    while lineStart > 0, bytes[lineStart - 1] != JSONByte.lineFeed,
      bytes[lineStart - 1] != JSONByte.carriageReturn
    {
      lineStart -= 1
    }
    let characters = bytes[lineStart..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    return (LineCounter.line(at: offset, in: bytes), characters + 1)
  }

  /// What the text at `offset` is, for a message: `'x'`, the end of the line or file.
  private static func describe(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>)
    -> String
  {
    guard offset < bytes.count else { return "the end of the file" }
    let byte = bytes[offset]
    if byte == JSONByte.lineFeed || byte == JSONByte.carriageReturn {
      return "the end of the line"
    }
    let text = String(decoding: bytes[offset..<min(offset + 4, bytes.count)], as: UTF8.self)
    guard let scalar = text.unicodeScalars.first else { return "the end of the file" }
    if scalar.value < 0x20 || scalar.value == 0x7F {
      let code = String(scalar.value, radix: 16, uppercase: true)
      return "a control character (U+\(String(repeating: "0", count: 4 - code.count))\(code))"
    }
    return "'\(Character(scalar))'"
  }

  /// The kind of JSON value that starts with `byte`, for a message.
  private static func kind(of byte: UInt8) -> String {
    switch byte {
    case JSONByte.openingBracket: return "an array"
    case JSONByte.quote: return "a string"
    case JSONByte.lowercaseT, JSONByte.lowercaseF: return "a boolean"
    case JSONByte.lowercaseN: return "null"
    default: return "a number"
    }
  }
}
