/// A named list of equally long columns: the value every pipeline stage passes on.
public struct Table: Sendable, Equatable {
  /// The columns' names, unique, in display order.
  public private(set) var columnNames: [String]
  /// The columns, in the order of `columnNames`.
  public private(set) var columns: [Column]

  /// An empty table with no columns and no rows.
  public init() {
    columnNames = []
    columns = []
  }

  /// A table of the given columns; names must be unique and columns equally long.
  public init(columnNames: [String], columns: [Column]) {
    precondition(columnNames.count == columns.count, "one name per column")
    precondition(Set(columnNames).count == columnNames.count, "unique column names")
    precondition(Set(columns.map(\.count)).count <= 1, "equal column lengths")
    self.columnNames = columnNames
    self.columns = columns
  }

  /// The number of rows (0 for a table without columns).
  public var rowCount: Int { columns.first?.count ?? 0 }
  /// The number of columns.
  public var columnCount: Int { columns.count }

  /// Each column's name and type, in order.
  public var schema: [(name: String, type: ColumnType)] {
    zip(columnNames, columns).map { ($0, $1.type) }
  }

  /// The position of the column called `name`, if there is one.
  public func index(of name: String) -> Int? {
    columnNames.firstIndex(of: name)
  }

  /// The column called `name`.
  /// - Throws: `ColumnError.unknown` with the closest names when there is none.
  public func column(_ name: String) throws(ColumnError) -> Column {
    guard let i = index(of: name) else {
      throw .unknown(name, suggestions: NameSuggester.closest(to: name, among: columnNames))
    }
    return columns[i]
  }

  /// Adds `column` at the end, or replaces the column of the same name in place.
  public mutating func setColumn(_ name: String, _ column: Column) {
    precondition(columns.isEmpty || column.count == rowCount, "equal column lengths")
    if let i = index(of: name) {
      columns[i] = column
    } else {
      columnNames.append(name)
      columns.append(column)
    }
  }

  /// Removes the column called `name` if there is one.
  public mutating func removeColumn(_ name: String) {
    guard let i = index(of: name) else { return }
    columnNames.remove(at: i)
    columns.remove(at: i)
  }

  /// The rows at `indices`, in that order.
  /// - Complexity: O(indices.count × columns)
  public func gather(_ indices: [Int]) -> Table {
    let selections = ComposedSelections(indices)
    return Table(
      columnNames: columnNames, columns: columns.map { $0.gather(indices, selections: selections) })
  }

  /// The first `n` rows.
  public func prefix(_ n: Int) -> Table {
    gather(Array(0..<min(max(n, 0), rowCount)))
  }

  /// Row `i` as cell values.
  public func row(_ i: Int) -> [Value] {
    columns.map { $0[i] }
  }
}
