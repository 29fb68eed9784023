/// Why a file could not be loaded. Nothing is returned when one of these is thrown.
///
/// Line numbers are physical lines counted from 1 (the header is line 1), so they match
/// what an editor shows even when quoted fields span several lines; columns count
/// characters from 1.
public enum LoadError: Error, Equatable, Sendable {
  /// Nothing exists at `path`.
  case fileNotFound(path: String)
  /// The path exists but cannot be read (a folder, no permission, an I/O error).
  case unreadable(path: String, reason: String)
  /// The file holds no bytes (or only blank lines): no header, no records.
  case emptyFile(path: String)
  /// A quoted field opened on `line` is never closed before the end of the file.
  case unterminatedQuote(path: String, line: Int)
  /// The record starting on `line` has `fields` fields where the header has `expected`.
  case raggedRow(path: String, line: Int, fields: Int, expected: Int)
  /// The file is gzip-compressed but cannot be decompressed.
  case corruptCompression(path: String, reason: String)
  /// The text of a gzip file (`compressed`) or of a pipe or device grew past `limit`
  /// bytes, half the memory available, where reading it whole would exhaust memory.
  case tooLargeForMemory(path: String, limit: Int, compressed: Bool)
  /// The file is a zip archive, which must be unpacked before its files can be loaded.
  case zipArchive(path: String)
  /// The file does not look like text: it holds a NUL byte at `offset`, near its start.
  case notText(path: String, offset: Int)
  /// The file names a format the reader does not handle.
  case unsupportedFormat(path: String, format: String)
  /// The delimiter is a quote or a line break, which CSV reserves for itself.
  case unusableDelimiter(path: String, delimiter: UInt8)
  /// The record starting on `line` is larger than the reader can hold (2 GiB).
  case recordTooLarge(path: String, line: Int)
  /// The JSON text at `line`, `column` is not what the grammar allows: the reader
  /// `expected` something (a phrase such as "':' after the key") and `found` another
  /// (such as "'x'" or "the end of the line").
  case malformedJSON(path: String, line: Int, column: Int, expected: String, found: String)
  /// The JSON record starting on `line` is a value of another kind (`found`, such as
  /// "an array"), where every record must be an object.
  case notAnObject(path: String, line: Int, found: String)
  /// The JSON key on `line` is one more than `limit` distinct keys, each of which would be a
  /// column.
  case tooManyKeys(path: String, line: Int, limit: Int)
  /// The load was asked to stop (Ctrl-C) before it finished.
  case cancelled(path: String)
}

extension LoadError: CustomStringConvertible {
  /// The message shown to the analyst: where, what, and what to do.
  public var description: String {
    switch self {
    case .fileNotFound(let path):
      return "\(path): no such file; check the spelling and that the path is relative to "
        + "the current directory"
    case .unreadable(let path, let reason):
      return "\(path): cannot be read (\(reason)); check that it is a file you may read"
    case .emptyFile(let path):
      return "\(path): the file is empty; there are no rows or column names to read"
    case .unterminatedQuote(let path, let line):
      return "\(path):\(line): a quoted field starts here and is never closed; add the "
        + "closing \" (a quote inside a quoted field is written twice: \"\")"
    case .raggedRow(let path, let line, let fields, let expected):
      return "\(path):\(line): \(fields) \(fields == 1 ? "field" : "fields") where the header "
        + "has \(expected)"
    case .corruptCompression(let path, let reason):
      return "\(path): the gzip data is damaged (\(reason)); check that the file was "
        + "copied completely"
    case .tooLargeForMemory(let path, let limit, let compressed):
      let size = Self.bytes(limit)
      guard compressed else {
        return "\(path): more than \(size) came from this pipe or device, more than the memory "
          + "available can hold; save what it gives to a file and load that file"
      }
      return "\(path): the gzip data inflates to more than \(size), more than the memory "
        + "available can hold; if the file is real, unpack it by hand (gunzip -k) and load "
        + "the unpacked file, which is read a stretch at a time"
    case .zipArchive(let path):
      return "\(path): this is a zip archive, not text; unzip it first and load the CSV or "
        + "JSON file inside"
    case .notText(let path, let offset):
      return "\(path): does not look like text (byte \(offset + 1) is a NUL); load CSV or "
        + "JSON text, and convert UTF-16 or UTF-32 text without a byte order mark to UTF-8 "
        + "first (iconv -t UTF-8)"
    case .unsupportedFormat(let path, let format):
      return "\(path): \(format) files cannot be loaded; export the events as CSV or JSON "
        + "lines, or name the format with format=csv|tsv|jsonl|json"
    case .unusableDelimiter(let path, let delimiter):
      let shown = String(reflecting: Character(Unicode.Scalar(delimiter)))
      return "\(path): \(shown) cannot separate fields, since CSV uses it for quoting and "
        + "line breaks; choose another delimiter"
    case .recordTooLarge(let path, let line):
      return "\(path):\(line): this record is larger than 2 GiB; check for a quote that is "
        + "never closed"
    case .malformedJSON(let path, let line, let column, let expected, let found):
      return "\(path):\(line):\(column): malformed JSON: expected \(expected), found \(found)"
    case .notAnObject(let path, let line, let found):
      return "\(path):\(line): each record must be a JSON object like {\"key\": value}, but "
        + "this one is \(found)"
    case .tooManyKeys(let path, let line, let limit):
      return "\(path):\(line): more than \(limit) different keys; every key becomes a column, "
        + "so records keyed by values (such as IDs) cannot be loaded as a table"
    case .cancelled(let path):
      return "\(path): the load was cancelled before it finished"
    }
  }

  /// `count` bytes in the largest binary unit that keeps a whole part: `3.5 GiB`.
  private static func bytes(_ count: Int) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(count)
    var unit = 0
    while value >= 1024, unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    guard unit > 0 else { return "\(count) bytes" }
    let rounded = (value * 10).rounded() / 10
    return "\(rounded) \(units[unit])"
  }
}
