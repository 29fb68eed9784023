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
  /// - Complexity: O(rows) per key (a radix sort; see `SortOrder`), plus sorting the
  ///   distinct values of string keys, plus copying every column in the new order.
  public func sorted(by keys: [SortKey]) throws(ColumnError) -> Table {
    gather(try sortOrder(by: keys))
  }

  /// The row numbers in the order `sorted(by:)` puts the rows in, without copying them;
  /// `gather(Array(sortOrder(by: keys).prefix(n)))` is the top `n` rows.
  /// - Throws: `ColumnError.unknown` for a key that is not a column.
  /// - Complexity: O(rows) per key, plus sorting the distinct values of string keys.
  public func sortOrder(by keys: [SortKey]) throws(ColumnError) -> [Int] {
    var columns: [(column: Column, descending: Bool)] = []
    for key in keys { columns.append((try column(key.column), key.descending)) }
    return SortOrder.order(rowCount: rowCount, keys: columns)
  }

  /// The row numbers of the first `count` rows of `sorted(by: keys)`, in that order: what
  /// `Array(sortOrder(by: keys).prefix(count))` gives. When `count` is small the rows are
  /// selected without ordering them all (see `TopRows`).
  /// - Throws: `ColumnError.unknown` for a key that is not a column.
  /// - Complexity: O(rows × log count) comparisons at worst, divided among the cores, for
  ///   a small `count`; else as `sortOrder(by:)`.
  public func topRows(_ count: Int, by keys: [SortKey]) throws(ColumnError) -> [Int] {
    var columns: [(column: Column, descending: Bool)] = []
    for key in keys { columns.append((try column(key.column), key.descending)) }
    let count = min(max(count, 0), rowCount)
    guard TopRows.applies(count: count, rowCount: rowCount) else {
      return Array(SortOrder.order(rowCount: rowCount, keys: columns).prefix(count))
    }
    return TopRows.first(count, rowCount: rowCount, keys: columns)
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
