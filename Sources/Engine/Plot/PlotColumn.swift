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

    var values = [Double](repeating: .nan, count: column.count)
    var missing = 0
    for i in 0..<column.count {
      if let v = column.double(at: i), v.isFinite {
        values[i] = v
      } else {
        missing += 1
      }
    }
    self.name = name
    self.type = column.type
    self.values = values
    self.missing = missing
  }

  /// The column called `name`, with a "did you mean" when there is none.
  static func lookUp(_ table: Table, _ name: String) throws(PlotError) -> Column {
    do {
      return try table.column(name)
    } catch {
      throw .column(error)
    }
  }

  /// The timestamps of column `name` of `table`, `nil` where null.
  /// - Throws: `PlotError.column` when the column is missing or not a timestamp.
  static func times(_ table: Table, _ name: String) throws(PlotError) -> [Int64?] {
    let column = try lookUp(table, name)
    guard case .timestamp(let stamps) = column.values else {
      throw .column(.wrongType(name, found: column.type, expected: "a timestamp column"))
    }
    return stamps.indices.map { column.isNull($0) ? nil : stamps[$0] }
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
