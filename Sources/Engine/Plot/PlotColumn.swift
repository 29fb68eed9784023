/// One column's values as numbers ready to plot, with missing values marked.
struct PlotColumn: Sendable {
  /// The column's name, for axis captions and messages.
  let name: String
  /// The column's type.
  let type: ColumnType
  /// Whether the numbers are timestamps (nanoseconds since the epoch, UTC).
  var isTime: Bool { type == .timestamp }
  /// One number per row; NaN where the row is null or not finite.
  let values: [Double]
  /// How many rows are NaN in `values`.
  let missing: Int

  /// Reads column `name` of `table` as numbers.
  /// - Parameters:
  ///   - allowTime: whether a timestamp column is acceptable.
  /// - Throws: `PlotError.column` when the column is missing or holds text.
  /// - Complexity: O(rows).
  init(_ table: Table, _ name: String, allowTime: Bool) throws(PlotError) {
    let column = try PlotColumn.lookUp(table, name)
    let expected = allowTime ? "a numeric or timestamp column" : "a numeric column"
    switch column.type {
    case .string:
      throw .column(.wrongType(name, found: .string, expected: expected))
    case .timestamp where !allowTime:
      throw .column(.wrongType(name, found: .timestamp, expected: expected))
    default:
      break
    }

    var values = PlotColumn.doubles(column.values)
    var missing = 0
    values.withUnsafeMutableBufferPointer { out in
      for i in out.indices where !out[i].isFinite || column.isNull(i) {
        out[i] = .nan
        missing += 1
      }
    }
    self.name = name
    self.type = column.type
    self.values = values
    self.missing = missing
  }

  /// Every slot of a numeric column's storage as a Double (text gives NaN).
  private static func doubles(_ storage: Column.Values) -> [Double] {
    switch storage {
    case .int(let v), .timestamp(let v): return v.map(Double.init)
    case .float(let v): return v
    case .bool(let v): return v.map { $0 ? 1 : 0 }
    case .string(let v): return Array(repeating: .nan, count: v.count)
    }
  }

  /// The column called `name`, with a "did you mean" when there is none.
  static func lookUp(_ table: Table, _ name: String) throws(PlotError) -> Column {
    do {
      return try table.column(name)
    } catch {
      throw .column(error)
    }
  }

  /// The timestamps of column `name` of `table` that are not null, and their rows.
  /// - Throws: `PlotError.column` when the column is missing or not a timestamp.
  /// - Complexity: O(rows).
  static func times(_ table: Table, _ name: String) throws(PlotError) -> (
    times: [Int64], rows: [Int], nulls: Int
  ) {
    let column = try lookUp(table, name)
    guard case .timestamp(let stamps) = column.values else {
      throw .column(.wrongType(name, found: column.type, expected: "a timestamp column"))
    }
    guard column.nullCount > 0 else { return (stamps, Array(stamps.indices), 0) }
    let rows = stamps.indices.filter { !column.isNull($0) }
    return (rows.map { stamps[$0] }, rows, stamps.count - rows.count)
  }

  /// The first row (1-based) whose value is not above zero, for log-axis errors.
  func firstNonPositive() -> (value: Double, row: Int)? {
    guard let i = values.firstIndex(where: { $0 <= 0 }) else { return nil }
    return (values[i], i + 1)
  }

  /// The smallest and largest of the values that are not missing.
  func range() -> ClosedRange<Double>? {
    var low = Double.infinity
    var high = -Double.infinity
    for v in values where v.isFinite {
      low = min(low, v)
      high = max(high, v)
    }
    return low <= high ? low...high : nil
  }
}
