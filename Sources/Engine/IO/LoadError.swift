/// Why a file could not be loaded. Nothing is returned when one of these is thrown.
///
/// Line numbers are physical lines counted from 1 (the header is line 1), so they match
/// what an editor shows even when quoted fields span several lines.
public enum LoadError: Error, Equatable, Sendable {
  /// Nothing exists at `path`.
  case fileNotFound(path: String)
  /// The path exists but cannot be read (a folder, no permission, an I/O error).
  case unreadable(path: String, reason: String)
  /// The file holds no bytes (or only blank lines), so there is not even a header.
  case emptyFile(path: String)
  /// A quoted field opened on `line` is never closed before the end of the file.
  case unterminatedQuote(path: String, line: Int)
  /// The record starting on `line` has `fields` fields where the header has `expected`.
  case raggedRow(path: String, line: Int, fields: Int, expected: Int)
  /// The file is gzip-compressed but cannot be decompressed.
  case corruptCompression(path: String, reason: String)
  /// The file names a format the reader does not handle.
  case unsupportedFormat(path: String, format: String)
  /// The delimiter is a quote or a line break, which CSV reserves for itself.
  case unusableDelimiter(path: String, delimiter: UInt8)
  /// The record starting on `line` is larger than the reader can hold (2 GiB).
  case recordTooLarge(path: String, line: Int)
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
      return "\(path): the file is empty; a header line naming the columns is needed"
    case .unterminatedQuote(let path, let line):
      return "\(path):\(line): a quoted field starts here and is never closed; add the "
        + "closing \" (a quote inside a quoted field is written twice: \"\")"
    case .raggedRow(let path, let line, let fields, let expected):
      return "\(path):\(line): \(fields) \(fields == 1 ? "field" : "fields") where the header "
        + "has \(expected)"
    case .corruptCompression(let path, let reason):
      return "\(path): the gzip data is damaged (\(reason)); check that the file was "
        + "copied completely"
    case .unsupportedFormat(let path, let format):
      return "\(path): \(format) files cannot be loaded yet; use format=csv or format=tsv"
    case .unusableDelimiter(let path, let delimiter):
      let shown = String(reflecting: Character(Unicode.Scalar(delimiter)))
      return "\(path): \(shown) cannot separate fields, since CSV uses it for quoting and "
        + "line breaks; choose another delimiter"
    case .recordTooLarge(let path, let line):
      return "\(path):\(line): this record is larger than 2 GiB; check for a quote that is "
        + "never closed"
    }
  }
}
