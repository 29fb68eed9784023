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
      var nonFinite = 0
      for row in 0..<rowCount {
        let value = column.double(at: row) ?? 0
        if !value.isFinite { nonFinite += 1 }
        values[row * dimensions + j] = value
      }
      guard nonFinite == 0 else { throw .nonFiniteValues(name, count: nonFinite) }
    }
    self.init(rowCount: rowCount, dimensions: dimensions, values: values)
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
