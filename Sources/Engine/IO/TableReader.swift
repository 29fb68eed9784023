/// Reads delimited text files (CSV, TSV) and JSON (JSON lines, arrays of objects),
/// gzip-compressed or not, into tables.
///
/// JSON is read as `JSONParser` describes: one row per object, one column per key (nested
/// objects one level deep as `outer.inner`), values typed as below. Delimited text
/// follows RFC 4180 (see `CSVScanner` for the exact rules). Each column then gets the
/// narrowest type that holds all its values (see `ColumnDecoder`):
///
/// - a UTF-8 byte order mark is dropped; invalid UTF-8 is replaced by U+FFFD, with a
///   notice counting the replacements;
/// - records end at LF or CR LF, or at lone CRs in a file that uses no LF (with a notice);
///   quoted fields may hold delimiters, quotes (`""`) and line
///   breaks; blank lines are skipped;
/// - nameless and repeated header names get unique names (see `ColumnNaming`), with a
///   notice;
/// - every record must have as many fields as the header, or the load fails;
/// - empty fields are nulls, in text columns too.
///
/// On failure nothing is returned: a table is either read whole or not at all.
public enum TableReader {
  /// The table in the file at `path`.
  /// - Parameters:
  ///   - path: The file to read; gzip data (`.gz`) is recognised by its content.
  ///   - options: Format, delimiter and header; by default the format is taken from the
  ///     extension, and when that says nothing from the first character of the text (`{`
  ///     JSON lines, `[` a JSON array, CSV otherwise).
  ///   - progress: Told how much of the file has been read, now and then.
  ///   - cancellation: Checked after each stretch of the file (a segment of delimited
  ///     text, a chunk of JSON); once it is set the load stops and throws.
  /// - Returns: The table and the notices about repairs made while reading.
  /// - Throws: `LoadError` naming the file, and the line where the text is malformed;
  ///   `LoadError.cancelled` when `cancellation` was set before the load finished.
  /// - Complexity: O(file size), spread over the processor cores. Beyond the table, memory
  ///   holds one segment of the file (see `CSVParser`), unless the file is compressed or
  ///   holds invalid UTF-8, which is repaired in memory.
  public static func read(
    path: String, options: LoadOptions = .init(), progress: (any ProgressReporter)? = nil,
    cancellation: CancellationFlag? = nil
  ) throws(LoadError) -> LoadedTable {
    let settings = ReadSettings(progress: progress, cancellation: cancellation)
    return try read(path: path, options: options, settings)
  }

  /// `read(path:options:progress:)` with segments of `segmentLength` bytes and compressed
  /// text limited to `inflateLimit` bytes (for tests).
  static func read(
    path: String, options: LoadOptions, progress: (any ProgressReporter)?, segmentLength: Int?,
    inflateLimit: Int? = nil
  ) throws(LoadError) -> LoadedTable {
    let settings = ReadSettings(
      progress: progress, segmentLength: segmentLength, inflateLimit: inflateLimit)
    return try read(path: path, options: options, settings)
  }

  /// What a read reports to and checks, besides the file and its options.
  struct ReadSettings {
    var progress: (any ProgressReporter)?
    var cancellation: CancellationFlag?
    /// The bytes per CSV segment; `nil` for the usual length (small values are for tests).
    var segmentLength: Int?
    /// The most text a compressed file may inflate to; `nil` for half the memory available.
    var inflateLimit: Int?
  }

  private static func read(path: String, options: LoadOptions, _ settings: ReadSettings)
    throws(LoadError) -> LoadedTable
  {
    try checkFormat(of: path, options: options)
    let input = try CSVInput(path: path)
    if options.resolvedFormat(for: path).isJSON {
      return try read(
        bytes: try decompressed(input.allBytes(), path: path, limit: settings.inflateLimit),
        name: path, options: options, settings)
    }
    let magic = try input.withBytes(0..<min(2, input.count)) { Array($0) }
    if Gzip.isCompressed(magic) {
      return try read(
        bytes: try decompressed(input.allBytes(), path: path, limit: settings.inflateLimit),
        name: path, options: options, settings)
    }

    let start = try input.withBytes(0..<min(LineEndings.sampleLength, input.count)) {
      Array($0)
    }
    let options = options.settlingFormat(from: start[...], path: path)
    if options.resolvedFormat(for: path).isJSON {
      return try read(bytes: try input.allBytes(), name: path, options: options, settings)
    }
    let isUTF8 = try TextSniffer.encoding(of: start[...], name: path) == .utf8
    if !isUTF8 || usesLoneCarriageReturns(start, delimiter: options.resolvedDelimiter(for: path)) {
      return try read(bytes: try input.allBytes(), name: path, options: options, settings)
    }

    do throws(CSVParser.Interruption) {
      return try parser(for: path, options, settings).parse(input)
    } catch {
      switch error {
      case .load(let error):
        throw error
      case .invalidUTF8:
        return try read(bytes: try input.allBytes(), name: path, options: options, settings)
      }
    }
  }

  /// The table in `bytes`, read as if from a file called `name`.
  /// - Parameters:
  ///   - bytes: The file's contents (not compressed).
  ///   - name: Used in messages and to choose the format when `options` leave it open.
  ///   - options: Format, delimiter and header.
  ///   - progress: Told how much of the bytes has been read, now and then.
  ///   - cancellation: Checked after each stretch of the bytes; once it is set the read
  ///     stops and throws.
  /// - Returns: The table and the notices about repairs made while reading.
  /// - Throws: `LoadError` naming `name` and the line where the text is malformed;
  ///   `LoadError.cancelled` when `cancellation` was set before the read finished.
  /// - Complexity: O(bytes.count), spread over the processor cores.
  public static func read(
    bytes: [UInt8], name: String, options: LoadOptions = .init(),
    progress: (any ProgressReporter)? = nil, cancellation: CancellationFlag? = nil
  ) throws(LoadError) -> LoadedTable {
    let settings = ReadSettings(progress: progress, cancellation: cancellation)
    return try read(bytes: bytes, name: name, options: options, settings)
  }

  /// `read(bytes:name:options:progress:)` with segments of `segmentLength` bytes (for tests).
  static func read(
    bytes: [UInt8], name: String, options: LoadOptions, progress: (any ProgressReporter)?,
    segmentLength: Int?
  ) throws(LoadError) -> LoadedTable {
    let settings = ReadSettings(progress: progress, segmentLength: segmentLength)
    return try read(bytes: bytes, name: name, options: options, settings)
  }

  private static func read(
    bytes: [UInt8], name: String, options: LoadOptions, _ settings: ReadSettings
  ) throws(LoadError) -> LoadedTable {
    try checkFormat(of: name, options: options)
    if settings.cancellation?.isCancelled == true { throw .cancelled(path: name) }
    let decoded = try decodedText(bytes, name: name)
    var bytes = decoded.bytes
    let options = options.settlingFormat(from: bytes.prefix(LineEndings.sampleLength), path: name)
    let replacements = UTF8Repair.repair(&bytes)
    let normalized = normalizedText(bytes, name: name, options: options)
    bytes = normalized.bytes

    var loaded: LoadedTable
    if options.resolvedFormat(for: name).isJSON {
      loaded = try readJSON(bytes, name: name, cancellation: settings.cancellation)
      settings.progress?.report(
        WorkProgress(task: "load", fraction: 1, rows: loaded.table.rowCount))
    } else {
      do throws(CSVParser.Interruption) {
        loaded = try parser(for: name, options, settings).parse(CSVInput(bytes: bytes))
      } catch {
        switch error {
        case .load(let error): throw error
        case .invalidUTF8: throw .unreadable(path: name, reason: "invalid UTF-8 remained")
        }
      }
    }
    loaded.notices.insert(contentsOf: decoded.notices + normalized.notices, at: 0)
    if replacements > 0 {
      let sequences = replacements == 1 ? "sequence" : "sequences"
      loaded.notices.insert(
        "replaced \(replacements) invalid UTF-8 \(sequences) with U+FFFD (\u{FFFD})", at: 0)
    }
    return loaded
  }

  /// `bytes` decompressed when they are gzip data, or as they are.
  /// - Throws: `LoadError.corruptCompression` naming `path`, or `.tooLargeForMemory` when
  ///   the text would take more than half the memory available.
  private static func decompressed(_ bytes: [UInt8], path: String, limit: Int?)
    throws(LoadError) -> [UInt8]
  {
    guard Gzip.isCompressed(bytes) else { return bytes }
    do {
      return try Gzip.decompress(bytes, limit: limit ?? MemoryBudget.textLimit)
    } catch {
      switch error {
      case .damaged(let reason):
        throw .corruptCompression(path: path, reason: reason)
      case .tooLarge(let limit):
        throw .tooLargeForMemory(path: path, limit: limit, compressed: true)
      }
    }
  }

  /// The table in the JSON `bytes` (valid UTF-8), a byte order mark dropped.
  private static func readJSON(
    _ bytes: [UInt8], name: String, cancellation: CancellationFlag?
  ) throws(LoadError) -> LoadedTable {
    try bytes.withUnsafeBufferPointer { buffer throws(LoadError) in
      let hasMark = buffer.starts(with: [0xEF, 0xBB, 0xBF])
      let text = hasMark ? UnsafeBufferPointer(rebasing: buffer[3...]) : buffer
      var parser = JSONParser(name: name)
      parser.cancellation = cancellation
      return try parser.parse(text)
    }
  }

  private static func parser(
    for name: String, _ options: LoadOptions, _ settings: ReadSettings
  ) -> CSVParser {
    var parser = CSVParser(
      name: name, delimiter: options.resolvedDelimiter(for: name), hasHeader: options.header)
    parser.progress = settings.progress
    parser.cancellation = settings.cancellation
    if let segmentLength = settings.segmentLength { parser.segmentLength = segmentLength }
    return parser
  }

  /// Binary formats that analysts export events in but that are not text; reading them
  /// as CSV would only give nonsense.
  private static let unreadableExtensions = ["evtx", "xlsx", "xls", "parquet"]

  /// Refuses delimiters that cannot work and formats that cannot be read.
  private static func checkFormat(of path: String, options: LoadOptions) throws(LoadError) {
    let delimiter = options.resolvedDelimiter(for: path)
    let reserved = [UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
    if !options.resolvedFormat(for: path).isJSON, reserved.contains(delimiter) {
      throw .unusableDelimiter(path: path, delimiter: delimiter)
    }
    guard options.format == nil else { return }

    var name = Substring(path.lowercased())
    if name.hasSuffix(".gz") { name = name.dropLast(3) }
    for format in unreadableExtensions where name.hasSuffix("." + format) {
      throw .unsupportedFormat(path: path, format: format)
    }
  }
}
