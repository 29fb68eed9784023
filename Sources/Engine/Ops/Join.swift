/// How a join treats left rows without a match.
public enum JoinKind: String, Sendable, CaseIterable {
  /// Only rows with a match on the right.
  case inner
  /// Every left row; right columns are null where nothing matched.
  case left
}

extension Table {
  /// Joins `right` to this table where the key columns are equal.
  ///
  /// Rows come out in left order, each followed by its matches in right order. Right
  /// key columns named like their left counterparts are not repeated; other right
  /// columns whose names are taken get a `1` suffix, as in KQL. Null keys never match.
  /// - Parameters:
  ///   - keys: pairs of (left column, right column).
  ///   - cancellation: checked before each left row; once it is set the join
  ///     stops and returns only the rows joined so far, which the caller, having set
  ///     it, discards.
  /// - Throws: `ColumnError` for a key that is missing on either side.
  /// - Complexity: O(left + right + output rows) expected.
  public func joined(
    with right: Table, on keys: [(left: String, right: String)], kind: JoinKind,
    cancellation: CancellationFlag? = nil
  ) throws(ColumnError) -> Table {
    var leftKeys: [Column] = []
    var rightKeys: [Column] = []
    for key in keys {
      leftKeys.append(try column(key.left))
      rightKeys.append(try right.column(key.right))
    }

    var index: [[Value]: [Int]] = [:]
    for row in 0..<right.rowCount {
      let key = rightKeys.map { Self.joinKey($0[row]) }
      if key.contains(.null) { continue }
      index[key, default: []].append(row)
    }

    var leftRows: [Int] = []
    var rightRows: [Int] = []
    for row in 0..<rowCount {
      if cancellation?.isCancelled == true { break }
      let key = leftKeys.map { Self.joinKey($0[row]) }
      let matches = key.contains(.null) ? [] : index[key] ?? []
      for match in matches {
        leftRows.append(row)
        rightRows.append(match)
      }
      if matches.isEmpty, kind == .left {
        leftRows.append(row)
        rightRows.append(-1)
      }
    }
    return combine(right, leftRows, rightRows, skipping: keys, cancellation)
  }

  /// The joined rows' columns; an empty table once `cancellation` is set.
  private func combine(
    _ right: Table, _ leftRows: [Int], _ rightRows: [Int],
    skipping keys: [(left: String, right: String)], _ cancellation: CancellationFlag?
  ) -> Table {
    let isCancelled = { cancellation?.isCancelled == true }
    guard !isCancelled() else { return Table() }
    var result = gather(leftRows)
    let skipped = Set(keys.filter { $0.left == $0.right }.map(\.right))
    for (name, column) in zip(right.columnNames, right.columns) where !skipped.contains(name) {
      var outputName = name
      while result.index(of: outputName) != nil { outputName += "1" }
      var builder = ColumnBuilder(type: column.type, capacity: rightRows.count)
      let present = column.gather(rightRows.map { max($0, 0) })
      for (k, row) in rightRows.enumerated() {
        if k % 65_536 == 0, isCancelled() { return Table() }
        builder.append(row < 0 ? .null : present[k])
      }
      result.setColumn(outputName, builder.finish())
    }
    return result
  }

  /// Ints and floats of equal value join with each other.
  private static func joinKey(_ value: Value) -> Value {
    if case .int(let v) = value { return .float(Double(v)) }
    return value
  }
}
