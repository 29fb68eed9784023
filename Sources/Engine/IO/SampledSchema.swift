/// The columns of a file as its first rows show them, read without loading the file.
public struct SampledSchema: Sendable, Equatable {
  /// One column: its name as the header gives it (made unique as a full load would) and
  /// the type its sampled values have.
  public struct Column: Sendable, Equatable {
    public var name: String
    /// The type of the sampled values; `nil` when the sample held only empty fields, so
    /// that nothing is known yet.
    public var type: ColumnType?

    public init(name: String, type: ColumnType?) {
      self.name = name
      self.type = type
    }
  }

  /// The columns in file order.
  public var columns: [Column]
  /// How many data rows the types were taken from.
  public var sampledRows: Int
  /// Whether the sample was the whole file, so that the types are those a full load
  /// gives. Otherwise a later value may still widen a column (to float or text).
  public var isWholeFile: Bool
  /// The format the sample was read as: the one asked for, the extension's, or the one
  /// the text's first character shows.
  public var format: LoadOptions.Format

  public init(
    columns: [Column], sampledRows: Int, isWholeFile: Bool, format: LoadOptions.Format = .csv
  ) {
    self.columns = columns
    self.sampledRows = sampledRows
    self.isWholeFile = isWholeFile
    self.format = format
  }
}
