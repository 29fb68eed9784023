/// Points to cluster: one row of `dimensions` numbers per table row, stored row-major.
public struct FeatureMatrix: Sendable, Equatable {
  /// How many points there are.
  public let rowCount: Int
  /// How many numbers each point has.
  public let dimensions: Int
  /// Row `r`'s numbers are `values[r * dimensions ..< (r + 1) * dimensions]`.
  public private(set) var values: [Double]

  /// Wraps row-major `values`; their count must be `rowCount * dimensions`.
  public init(rowCount: Int, dimensions: Int, values: [Double]) {
    precondition(rowCount >= 0 && dimensions >= 0, "non-negative shape")
    precondition(values.count == rowCount * dimensions, "one value per row and dimension")
    self.rowCount = rowCount
    self.dimensions = dimensions
    self.values = values
  }

  /// A matrix of the given points; every row must have `dimensions` numbers.
  public init(rows: [[Double]], dimensions: Int) {
    precondition(rows.allSatisfy { $0.count == dimensions }, "equally long rows")
    self.init(rowCount: rows.count, dimensions: dimensions, values: rows.flatMap { $0 })
  }

  /// Number `dimension` of point `row`.
  public subscript(row: Int, dimension: Int) -> Double {
    values[row * dimensions + dimension]
  }

  /// The points made of `columns` of `table`, booleans as 0 and 1.
  /// - Throws: `ClusterError.noColumns` for an empty list, `.column(.unknown)` for a
  ///   missing column, `.notNumeric` for a string or timestamp column, `.nullValues`
  ///   and `.nonFiniteValues` for values that have no place in space.
  /// - Complexity: O(rows × columns)
  public init(table: Table, columns: [String]) throws(ClusterError) {
    guard !columns.isEmpty else { throw .noColumns }
    let rowCount = table.rowCount
    let dimensions = columns.count
    var values = [Double](repeating: 0, count: rowCount * dimensions)
    for (j, name) in columns.enumerated() {
      let column = try FeatureMatrix.numericColumn(table, name)
      let nonFinite = values.withUnsafeMutableBufferPointer { values in
        FeatureMatrix.fill(values, dimension: j, of: dimensions, from: column)
      }
      guard nonFinite == 0 else { throw .nonFiniteValues(name, count: nonFinite) }
    }
    self.init(rowCount: rowCount, dimensions: dimensions, values: values)
  }

  /// Copies `column` (numbers or booleans, no nulls) into dimension `dimension` of the
  /// row-major `values`, the rows split among the cores; returns how many values are not
  /// finite.
  private static func fill(
    _ values: UnsafeMutableBufferPointer<Double>, dimension: Int, of dimensions: Int,
    from column: Column
  ) -> Int {
    let rowCount = column.count
    let parts = rowCount < 1 << 16 ? 1 : ParallelWork.coreCount * 2
    // Each part writes the rows of its own range only.
    nonisolated(unsafe) let output = values
    let counts = ParallelWork.map(count: parts) { part in
      let rows = (rowCount * part / parts)..<(rowCount * (part + 1) / parts)
      var nonFinite = 0
      func store(_ value: Double, _ row: Int) {
        if !value.isFinite { nonFinite += 1 }
        output[row * dimensions + dimension] = value
      }
      switch column.values {
      case .int(let ints), .timestamp(let ints):
        ints.withUnsafeBufferPointer { ints in for row in rows { store(Double(ints[row]), row) } }
      case .float(let floats):
        floats.withUnsafeBufferPointer { floats in for row in rows { store(floats[row], row) } }
      case .bool(let flags):
        flags.withUnsafeBufferPointer { flags in for row in rows { store(flags[row] ? 1 : 0, row) }
        }
      case .string:
        break
      }
      return nonFinite
    }
    return counts.reduce(0, +)
  }

  private static func numericColumn(_ table: Table, _ name: String) throws(ClusterError)
    -> Column
  {
    let column: Column
    do {
      column = try table.column(name)
    } catch {
      throw .column(error)
    }
    guard column.type.isNumeric else { throw .notNumeric(name, found: column.type) }
    guard column.nullCount == 0 else { throw .nullValues(name, count: column.nullCount) }
    return column
  }

  /// Each row scaled to unit Euclidean length, as scikit-learn's `Normalizer` does.
  ///
  /// A row whose length is below 10 machine epsilons (a zero row, say) is left as it is.
  /// - Complexity: O(rows × dimensions)
  public func normalizedRows() -> FeatureMatrix {
    var result = self
    let threshold = 10 * Double.ulpOfOne
    result.values.withUnsafeMutableBufferPointer { values in
      for row in 0..<rowCount {
        let start = row * dimensions
        var sumOfSquares = 0.0
        for k in start..<(start + dimensions) { sumOfSquares += values[k] * values[k] }
        let norm = sumOfSquares.squareRoot()
        guard norm >= threshold else { continue }
        for k in start..<(start + dimensions) { values[k] /= norm }
      }
    }
    return result
  }
}
