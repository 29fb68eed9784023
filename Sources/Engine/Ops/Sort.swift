/// One key of a sort: a column and its direction.
public struct SortKey: Sendable, Equatable {
  /// The column to order by.
  public var column: String
  /// Largest first when true.
  public var descending: Bool

  /// A key on `column`, ascending unless `descending`.
  public init(_ column: String, descending: Bool = false) {
    self.column = column
    self.descending = descending
  }
}

extension Table {
  /// The rows ordered by `keys`; equal rows keep their order and nulls go last
  /// in either direction (NaN sorts after every number).
  /// - Throws: `ColumnError.unknown` for a key that is not a column.
  /// - Complexity: O(n log n) comparisons.
  public func sorted(by keys: [SortKey]) throws(ColumnError) -> Table {
    var comparators: [(Int, Int) -> Int] = []
    for key in keys {
      let column = try column(key.column)
      let compare = Self.comparator(for: column)
      comparators.append { a, b in
        let (aNull, bNull) = (column.isNull(a), column.isNull(b))
        if aNull || bNull { return aNull == bNull ? 0 : (aNull ? 1 : -1) }
        let order = compare(a, b)
        return key.descending ? -order : order
      }
    }
    let order = Array(0..<rowCount).sorted { a, b in
      for compare in comparators {
        let result = compare(a, b)
        if result != 0 { return result < 0 }
      }
      return a < b
    }
    return gather(order)
  }

  /// Compares two rows of one column: -1, 0 or 1, ignoring nulls.
  static func comparator(for column: Column) -> (Int, Int) -> Int {
    switch column.values {
    case .int(let v), .timestamp(let v):
      return { v[$0] < v[$1] ? -1 : (v[$0] > v[$1] ? 1 : 0) }
    case .float(let v):
      return { a, b in
        let (x, y) = (v[a], v[b])
        if x.isNaN || y.isNaN { return x.isNaN == y.isNaN ? 0 : (x.isNaN ? 1 : -1) }
        return x < y ? -1 : (x > y ? 1 : 0)
      }
    case .bool(let v):
      return { v[$0] == v[$1] ? 0 : (v[$1] ? -1 : 1) }
    case .string(let s):
      return { a, b in
        s.withBytes(a) { x in
          s.withBytes(b) { y in
            x.lexicographicallyPrecedes(y) ? -1 : (x.elementsEqual(y) ? 0 : 1)
          }
        }
      }
    }
  }
}
