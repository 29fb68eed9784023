/// A table read from a file, with what the reader had to fix on the way.
public struct LoadedTable: Sendable, Equatable {
  /// The rows and columns read.
  public var table: Table
  /// One sentence per repair the reader made (renamed columns, replaced bytes, skipped
  /// blank lines), for the analyst to see; empty when the file was clean.
  public var notices: [String]

  /// A loaded table and its notices.
  public init(table: Table, notices: [String] = []) {
    self.table = table
    self.notices = notices
  }
}
