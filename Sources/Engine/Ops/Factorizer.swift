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
    var table = ByteStringTable(capacity: min(strings.count, 1 << 16))
    var nullCode = -1
    var count = 0
    var ids = [Int](repeating: 0, count: strings.count)
    for i in 0..<strings.count {
      if column.isNull(i) {
        if nullCode < 0 {
          nullCode = count
          count += 1
        }
        ids[i] = nullCode
        continue
      }
      let (code, isNew) = table.insert(row: i, of: strings, nextCode: count)
      if isNew { count += 1 }
      ids[i] = code
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

/// An open-addressing hash set of rows of a `StringStorage`, keyed by their bytes.
struct ByteStringTable {
  private var slots: [Int]  // -1 empty, else index into rows/codes
  private var rows: [Int] = []
  private var codes: [Int] = []
  private var hashes: [UInt64] = []
  private var mask: Int

  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: -1, count: size)
    mask = size - 1
  }

  /// The code of the row's bytes, inserting it with `nextCode` when new.
  mutating func insert(row: Int, of strings: StringStorage, nextCode: Int) -> (Int, Bool) {
    let hash = strings.withBytes(row) { Self.hash($0) }
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] >= 0 {
      let entry = slots[slot]
      if hashes[entry] == hash, strings.rowEquals(rows[entry], strings, row) {
        return (codes[entry], false)
      }
      slot = (slot + 1) & mask
    }
    slots[slot] = rows.count
    rows.append(row)
    codes.append(nextCode)
    hashes.append(hash)
    if rows.count * 2 > slots.count { grow() }
    return (nextCode, true)
  }

  private mutating func grow() {
    slots = Array(repeating: -1, count: slots.count * 2)
    mask = slots.count - 1
    for entry in 0..<rows.count {
      var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = entry
    }
  }

  /// FNV-1a over the bytes, then a final mix so low bits spread well.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    return h ^ (h >> 33)
  }
}
