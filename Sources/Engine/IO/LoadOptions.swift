/// How `TableReader` should read a file.
public struct LoadOptions: Sendable, Equatable {
  /// The text layouts the reader understands.
  public enum Format: String, Sendable, CaseIterable {
    /// Comma-separated values (RFC 4180).
    case csv
    /// Tab-separated values, with the same quoting rules as CSV.
    case tsv

    /// The format a file name implies (`.csv`, `.tsv`, `.tab`, each optionally followed by
    /// `.gz`), or `nil` when the extension says nothing the reader knows.
    public init?(path: String) {
      var name = Substring(path.lowercased())
      if name.hasSuffix(".gz") { name = name.dropLast(3) }
      if name.hasSuffix(".csv") || name.hasSuffix(".txt") {
        self = .csv
      } else if name.hasSuffix(".tsv") || name.hasSuffix(".tab") {
        self = .tsv
      } else {
        return nil
      }
    }

    /// The field separator the format uses unless told otherwise.
    public var defaultDelimiter: UInt8 {
      switch self {
      case .csv: return UInt8(ascii: ",")
      case .tsv: return UInt8(ascii: "\t")
      }
    }
  }

  /// The layout; `nil` means "from the file extension", and CSV when that says nothing.
  public var format: Format?
  /// The byte between fields; `nil` means the format's own (`,` for CSV, tab for TSV).
  public var delimiter: UInt8?
  /// Whether the first record names the columns. Without a header, columns are called
  /// `Column1`, `Column2`, ... by position.
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
