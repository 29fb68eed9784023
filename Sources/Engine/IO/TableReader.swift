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
/// - records end at LF or CR LF; quoted fields may hold delimiters, quotes (`""`) and line
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
  ///     extension (CSV when it says nothing).
  /// - Returns: The table and the notices about repairs made while reading.
  /// - Throws: `LoadError` naming the file, and the line where the text is malformed.
  /// - Complexity: O(file size), spread over the processor cores.
  public static func read(path: String, options: LoadOptions = .init()) throws(LoadError)
    -> LoadedTable
  {
    try checkFormat(of: path, options: options)
    var bytes = try FileContents.read(path)
    if Gzip.isCompressed(bytes) {
      do {
        bytes = try Gzip.decompress(bytes)
      } catch {
        throw .corruptCompression(path: path, reason: error.reason)
      }
    }
    return try read(bytes: bytes, name: path, options: options)
  }

  /// The table in `bytes`, read as if from a file called `name`.
  /// - Parameters:
  ///   - bytes: The file's contents (not compressed).
  ///   - name: Used in messages and to choose the format when `options` leave it open.
  ///   - options: Format, delimiter and header.
  /// - Returns: The table and the notices about repairs made while reading.
  /// - Throws: `LoadError` naming `name` and the line where the text is malformed.
  /// - Complexity: O(bytes.count), spread over the processor cores.
  public static func read(bytes: [UInt8], name: String, options: LoadOptions = .init())
    throws(LoadError) -> LoadedTable
  {
    try checkFormat(of: name, options: options)
    var bytes = bytes
    let replacements = UTF8Repair.repair(&bytes)
    let format = options.resolvedFormat(for: name)

    var loaded = try bytes.withUnsafeBufferPointer { buffer throws(LoadError) in
      let hasMark = buffer.starts(with: [0xEF, 0xBB, 0xBF])
      let text = hasMark ? UnsafeBufferPointer(rebasing: buffer[3...]) : buffer
      if format.isJSON { return try JSONParser(name: name).parse(text) }
      let parser = CSVParser(
        name: name, delimiter: options.resolvedDelimiter(for: name), hasHeader: options.header)
      return try parser.parse(text)
    }
    if replacements > 0 {
      let sequences = replacements == 1 ? "sequence" : "sequences"
      loaded.notices.insert(
        "replaced \(replacements) invalid UTF-8 \(sequences) with U+FFFD (\u{FFFD})", at: 0)
    }
    return loaded
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
