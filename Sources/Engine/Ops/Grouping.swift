import Foundation

extension Table {
  /// One row per distinct combination of `keys`, in first-seen order, with the
  /// key columns followed by one column per aggregation.
  /// - Parameter cancellation: Checked after the groups are found, before each
  ///   aggregation and every few tens of thousands of rows within one; once it is set
  ///   the grouping stops and throws.
  /// - Throws: `GroupError` for unknown columns or a non-numeric column where
  ///   `sum`, `mean`, `stdev` or `median` need numbers; `GroupError.cancelled` when
  ///   `cancellation` was set before the result was complete.
  /// - Complexity: O(rows × (keys + aggregations)) expected.
  public func grouped(
    by keys: [String], aggregations: [Aggregation], cancellation: CancellationFlag? = nil
  ) throws(GroupError) -> Table {
    var keyColumns: [Column] = []
    for key in keys {
      do { keyColumns.append(try column(key)) } catch { throw .column(error) }
    }
    let checker = GroupWork(cancellation: cancellation)
    try checker.check()
    let (ids, groupCount) = Factorizer.groups(of: keyColumns, rowCount: rowCount)
    try checker.check()

    var firstRows = [Int](repeating: -1, count: groupCount)
    var sizes = [Int64](repeating: 0, count: groupCount)
    for (row, id) in ids.enumerated() {
      if firstRows[id] < 0 { firstRows[id] = row }
      sizes[id] += 1
    }
    // Only aggregations other than count() need each group's rows.
    var members: [[Int]] = []
    if aggregations.contains(where: { $0.function != .count }) {
      members = [[Int]](repeating: [], count: groupCount)
      for (row, id) in ids.enumerated() { members[id].append(row) }
    }

    var result = Table(
      columnNames: keys, columns: keyColumns.map { $0.gather(firstRows.map { max($0, 0) }) })
    if keys.isEmpty, rowCount == 0 {
      members = [[]]
      sizes = [0]
    }
    for aggregation in aggregations {
      try checker.check()
      let values =
        aggregation.function == .count
        ? Column(.int(sizes)) : try aggregate(aggregation, groups: members, checker)
      result.setColumn(uniqueName(aggregation.name, in: result), values)
    }
    return result
  }

  /// The distinct combinations of `columns`, in first-seen order.
  /// - Parameter cancellation: Checked once the combinations are found; once it is set
  ///   an empty table is returned, to be dropped.
  /// - Complexity: O(rows × columns) expected.
  public func distinct(_ columns: [String], cancellation: CancellationFlag? = nil)
    throws(ColumnError) -> Table
  {
    var keyColumns: [Column] = []
    for name in columns { keyColumns.append(try column(name)) }
    let (ids, count) = Factorizer.groups(of: keyColumns, rowCount: rowCount)
    if cancellation?.isCancelled == true { return Table() }
    var firstRows = [Int](repeating: -1, count: count)
    for (row, id) in ids.enumerated() where firstRows[id] < 0 { firstRows[id] = row }
    return Table(columnNames: columns, columns: keyColumns.map { $0.gather(firstRows) })
  }

  private func uniqueName(_ name: String, in table: Table) -> String {
    var candidate = name
    var n = 2
    while table.index(of: candidate) != nil {
      candidate = "\(name)_\(n)"
      n += 1
    }
    return candidate
  }

  private func aggregate(_ aggregation: Aggregation, groups: [[Int]], _ work: GroupWork)
    throws(GroupError) -> Column
  {
    let function = aggregation.function
    if function == .count {
      return Column(.int(groups.map { Int64($0.count) }))
    }
    guard let name = aggregation.column else {
      throw .missingArgument(function: function.rawValue)
    }
    let source: Column
    do { source = try column(name) } catch { throw .column(error) }

    switch function {
    case .dcount:
      return Column(.int(try work.map(groups) { Int64(Self.distinctCount(source, $0)) }))
    case .first, .last:
      let pick = try work.map(groups) { rows in
        (function == .first
          ? rows.first { !source.isNull($0) }
          : rows.last { !source.isNull($0) }) ?? -1
      }
      return Self.gatherOrNull(source, pick)
    case .min, .max:
      let compare = Self.comparator(for: source)
      let pick = try work.map(groups) { rows in
        rows.filter { !source.isNull($0) }.min { a, b in
          function == .min ? compare(a, b) < 0 : compare(a, b) > 0
        } ?? -1
      }
      return Self.gatherOrNull(source, pick)
    case .values:
      return Column(
        type: .string,
        cells: try work.map(groups) { rows in
          let distinct = source.gather(rows.filter { !source.isNull($0) })
          let unique = (try? Table(columnNames: ["v"], columns: [distinct]).distinct(["v"]))
          let texts = (0..<(unique?.rowCount ?? 0)).compactMap { unique?.columns[0][$0] }
          return .string("[" + texts.map(ValueFormatter.plain).joined(separator: ", ") + "]")
        })
    default:
      return try numericAggregate(function, source, name, groups, work)
    }
  }

  private func numericAggregate(
    _ function: AggregateFunction, _ source: Column, _ name: String, _ groups: [[Int]],
    _ work: GroupWork
  ) throws(GroupError) -> Column {
    guard source.type.isNumeric else {
      throw .notNumeric(function: function.rawValue, column: name, type: source.type)
    }
    if function == .sum, source.type != .float {
      return Column(type: .int, cells: try work.map(groups) { Self.integerSum(source, $0) })
    }
    let cells: [Value] = try work.map(groups) { rows in
      let xs = rows.compactMap { source.double(at: $0) }
      guard !xs.isEmpty else { return function == .sum ? .float(0) : .null }
      return Statistics.value(function, xs).map { .float($0) } ?? .null
    }
    return Column(type: .float, cells: cells)
  }

  /// The exact sum of an integer or boolean column's rows; null when it overflows Int64.
  private static func integerSum(_ column: Column, _ rows: [Int]) -> Value {
    var total: Int64 = 0
    for row in rows where !column.isNull(row) {
      let value: Int64
      switch column.values {
      case .int(let values): value = values[row]
      case .bool(let values): value = values[row] ? 1 : 0
      default: continue
      }
      let (sum, overflow) = total.addingReportingOverflow(value)
      if overflow { return .null }
      total = sum
    }
    return .int(total)
  }

  private static func distinctCount(_ column: Column, _ rows: [Int]) -> Int {
    let valid = rows.filter { !column.isNull($0) }
    return Factorizer.codes(of: column.gather(valid)).count
  }

  private static func gatherOrNull(_ column: Column, _ rows: [Int]) -> Column {
    let present = column.gather(rows.map { max($0, 0) })
    guard rows.contains(-1) else { return present }
    var builder = ColumnBuilder(type: column.type, capacity: rows.count)
    for (k, row) in rows.enumerated() { builder.append(row < 0 ? .null : present[k]) }
    return builder.finish()
  }
}

/// Sums, means and spreads of a list of numbers.
enum Statistics {
  static func value(_ function: AggregateFunction, _ xs: [Double]) -> Double? {
    switch function {
    case .sum: return xs.reduce(0, +)
    case .mean: return xs.reduce(0, +) / Double(xs.count)
    case .stdev:
      guard xs.count > 1 else { return nil }
      let mean = xs.reduce(0, +) / Double(xs.count)
      let squares = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      return (squares / Double(xs.count - 1)).squareRoot()
    case .median: return quantile(xs.sorted(), 0.5)
    default: return nil
    }
  }

  /// Linear interpolation between closest ranks, as numpy's default.
  static func quantile(_ sorted: [Double], _ q: Double) -> Double? {
    guard !sorted.isEmpty else { return nil }
    let position = q * Double(sorted.count - 1)
    let low = Int(position.rounded(.down))
    let high = Swift.min(low + 1, sorted.count - 1)
    return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
  }
}
