/// Tables that describe other tables: `schema` and `describe`.
public enum TableSummary {
  /// One row per column: its name and type.
  public static func schema(_ table: Table) -> Table {
    Table(
      columnNames: ["Column", "Type"],
      columns: [
        Column(type: .string, cells: table.columnNames.map { .string($0) }),
        Column(type: .string, cells: table.columns.map { .string($0.type.rawValue) }),
      ])
  }

  /// One row per column: type, nulls, distinct values, min, max and mean.
  /// - Complexity: O(rows × columns) expected, plus a sort-free min/max scan.
  public static func describe(_ table: Table) -> Table {
    var rows: [[Value]] = []
    for (name, column) in zip(table.columnNames, table.columns) {
      let (_, distinct) = Factorizer.codes(of: column)
      let valid = (0..<column.count).filter { !column.isNull($0) }
      let compare = Table.comparator(for: column)
      let low = valid.min { compare($0, $1) < 0 }
      let high = valid.max { compare($0, $1) < 0 }
      let numbers = column.type.isNumeric ? valid.compactMap { column.double(at: $0) } : []
      let mean: Value =
        numbers.isEmpty ? .null : .float(numbers.reduce(0, +) / Double(numbers.count))
      rows.append([
        .string(name), .string(column.type.rawValue), .int(Int64(column.nullCount)),
        .int(Int64(distinct - (column.nullCount > 0 ? 1 : 0))),
        .string(low.map { ValueFormatter.plain(column[$0]) } ?? ""),
        .string(high.map { ValueFormatter.plain(column[$0]) } ?? ""), mean,
      ])
    }
    let names = ["Column", "Type", "Nulls", "Distinct", "Min", "Max", "Mean"]
    let types: [ColumnType] = [.string, .string, .int, .int, .string, .string, .float]
    let columns = (0..<names.count).map { k in Column(type: types[k], cells: rows.map { $0[k] }) }
    return Table(columnNames: names, columns: columns)
  }
}
