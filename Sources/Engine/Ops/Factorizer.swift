/// Maps rows to dense group numbers in first-seen order, by the values of key columns.
///
/// Equal keys get equal numbers; null is a key value of its own. Strings are hashed
/// on their bytes, so no Swift `String` is made per row.
public enum Factorizer {
  /// Group numbers for each row and how many groups there are.
  /// - Complexity: O(rows × key columns) expected.
  public static func groups(of columns: [Column], rowCount: Int) -> (ids: [Int], count: Int) {
    guard let first = columns.first else {
      return (Array(repeating: 0, count: rowCount), rowCount == 0 ? 0 : 1)
    }
    var (ids, count) = codes(of: first)
    for column in columns.dropFirst() {
      let (next, nextCount) = codes(of: column)
      (ids, count) = combine(ids, count, next, nextCount)
    }
    return (ids, count)
  }

  /// Dense codes for one column, first-seen order.
  public static func codes(of column: Column) -> (ids: [Int], count: Int) {
    switch column.values {
    case .int(let v), .timestamp(let v): return codes(of: v, column: column)
    case .float(let v): return codes(of: v.map { Int64(bitPattern: $0.bitPattern) }, column: column)
    case .bool(let v): return codes(of: v.map { $0 ? 1 : 0 }, column: column)
    case .string(let s): return stringCodes(s, column: column)
    }
  }

  private static func codes(of keys: [Int64], column: Column) -> (ids: [Int], count: Int) {
    var seen: [Int64: Int] = [:]
    var nullCode = -1
    var count = 0
    var ids = [Int](repeating: 0, count: keys.count)
    for i in 0..<keys.count {
      if column.isNull(i) {
        if nullCode < 0 {
          nullCode = count
          count += 1
        }
        ids[i] = nullCode
      } else if let code = seen[keys[i]] {
        ids[i] = code
      } else {
        seen[keys[i]] = count
        ids[i] = count
        count += 1
      }
    }
    return (ids, count)
  }

  private static func stringCodes(_ strings: StringStorage, column: Column) -> (
    ids: [Int], count: Int
  ) {
    let distinct = DistinctStrings(strings, validity: nil)
    guard column.validity != nil else { return (distinct.ids.map { Int($0) }, distinct.count) }

    var remapped = [Int](repeating: -1, count: distinct.count + 1)
    var count = 0
    var ids = [Int](repeating: 0, count: strings.count)
    for row in 0..<strings.count {
      let key = column.isNull(row) ? distinct.count : Int(distinct.ids[row])
      if remapped[key] < 0 {
        remapped[key] = count
        count += 1
      }
      ids[row] = remapped[key]
    }
    return (ids, count)
  }

  private static func combine(_ a: [Int], _ aCount: Int, _ b: [Int], _ bCount: Int) -> (
    ids: [Int], count: Int
  ) {
    var seen: [Int: Int] = [:]
    var ids = [Int](repeating: 0, count: a.count)
    for i in 0..<a.count {
      let key = a[i] &* bCount &+ b[i]
      if let code = seen[key] {
        ids[i] = code
      } else {
        ids[i] = seen.count
        seen[key] = seen.count
      }
    }
    return (ids, seen.count)
  }
}
