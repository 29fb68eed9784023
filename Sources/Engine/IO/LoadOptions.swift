/// How `TableReader` should read a file.
public struct LoadOptions: Sendable, Equatable {
  /// The text layouts the reader understands.
  public enum Format: String, Sendable, CaseIterable {
    /// Comma-separated values (RFC 4180).
    case csv
    /// Tab-separated values, with the same quoting rules as CSV.
    case tsv
    /// JSON lines: one object per record, records one after another (usually one a line).
    case jsonl
    /// A JSON array of objects, or objects one after another as in JSON lines.
    case json

    /// The format a file name implies (`.csv`, `.txt`, `.tsv`, `.tab`, `.jsonl`,
    /// `.ndjson`, `.json`, each optionally followed by `.gz`), or `nil` when the extension
    /// says nothing the reader knows.
    public init?(path: String) {
      var name = Substring(path.lowercased())
      if name.hasSuffix(".gz") { name = name.dropLast(3) }
      let extensions: [(String, Format)] = [
        (".csv", .csv), (".txt", .csv), (".tsv", .tsv), (".tab", .tsv), (".jsonl", .jsonl),
        (".ndjson", .jsonl), (".json", .json),
      ]
      guard let match = extensions.first(where: { name.hasSuffix($0.0) }) else { return nil }
      self = match.1
    }

    /// The field separator the format uses unless told otherwise (JSON has none; it
    /// reports the comma).
    public var defaultDelimiter: UInt8 {
      switch self {
      case .csv, .jsonl, .json: return UInt8(ascii: ",")
      case .tsv: return UInt8(ascii: "\t")
      }
    }

    /// Whether the format is one of the JSON ones, which take no delimiter or header.
    public var isJSON: Bool { self == .jsonl || self == .json }
  }

  /// The layout; `nil` means "from the file extension", and CSV when that says nothing.
  public var format: Format?
  /// The byte between fields; `nil` means the format's own (`,` for CSV, tab for TSV).
  /// JSON formats ignore it.
  public var delimiter: UInt8?
  /// Whether the first record names the columns. Without a header, columns are called
  /// `Column1`, `Column2`, ... by position. JSON formats ignore it: keys name the columns.
  public var header: Bool

  /// Options for reading; every argument has the usual default.
  /// - Parameters:
  ///   - format: The layout, or `nil` to choose it from the file extension.
  ///   - delimiter: The field separator, or `nil` for the format's own.
  ///   - header: Whether the first record holds the column names.
  public init(format: Format? = nil, delimiter: UInt8? = nil, header: Bool = true) {
    self.format = format
    self.delimiter = delimiter
    self.header = header
  }

  /// The format to use for `path`: the one asked for, else the extension's, else CSV.
  public func resolvedFormat(for path: String) -> Format {
    format ?? Format(path: path) ?? .csv
  }

  /// The field separator to use for `path`.
  public func resolvedDelimiter(for path: String) -> UInt8 {
    delimiter ?? resolvedFormat(for: path).defaultDelimiter
  }
}
