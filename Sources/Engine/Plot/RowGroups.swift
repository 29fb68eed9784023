/// The rows of a column sorted into groups of equal values, numbered in first-seen order.
///
/// Nulls form one group of their own, shown as `(null)`.
struct RowGroups: Sendable {
  /// The group number of each row.
  let ids: [Int32]
  /// Each group's value as display text.
  let names: [String]
  /// How many rows fall in each group.
  let sizes: [Int]

  /// Groups the rows of `column`.
  /// - Complexity: O(rows), plus the bytes of string rows.
  init(_ column: Column) {
    let (ids, firstRows) =
      if case .string(let storage) = column.values {
        StringKeys.group(storage, nulls: column.validity)
      } else {
        NumberKeys.group(column)
      }
    var sizes = [Int](repeating: 0, count: firstRows.count)
    for id in ids { sizes[Int(id)] += 1 }
    self.ids = ids
    self.sizes = sizes
    self.names = firstRows.map { row in
      column.isNull(row) ? "(null)" : DisplayWidth.printable(ValueFormatter.plain(column[row]))
    }
  }

  /// One group holding every one of `count` rows, called `name`.
  init(single name: String, count: Int) {
    ids = [Int32](repeating: 0, count: count)
    names = [name]
    sizes = [count]
  }

  var count: Int { names.count }
}

/// Group numbers for the rows of a numeric, boolean or timestamp column.
private enum NumberKeys {
  /// Each row's group, and the first row of each group.
  static func group(_ column: Column) -> (ids: [Int32], firstRows: [Int]) {
    let keys: [UInt64]
    switch column.values {
    case .int(let v), .timestamp(let v): keys = v.map { UInt64(bitPattern: $0) }
    case .float(let v):
      keys = v.map { $0 == 0 ? 0 : $0.isNaN ? Double.nan.bitPattern : $0.bitPattern }
    case .bool(let v): keys = v.map { $0 ? 1 : 0 }
    case .string: keys = []
    }
    var known: [UInt64: Int32] = [:]
    var nullGroup: Int32?
    var firstRows: [Int] = []
    var ids = [Int32](repeating: 0, count: keys.count)
    for (row, key) in keys.enumerated() {
      if column.isNull(row) {
        if nullGroup == nil {
          nullGroup = Int32(firstRows.count)
          firstRows.append(row)
        }
        ids[row] = nullGroup ?? 0
      } else if let id = known[key] {
        ids[row] = id
      } else {
        let id = Int32(firstRows.count)
        known[key] = id
        firstRows.append(row)
        ids[row] = id
      }
    }
    return (ids, firstRows)
  }
}

/// Group numbers for the rows of a string column, by their bytes: open addressing over
/// FNV-1a hashes, comparing bytes only when hashes agree.
private enum StringKeys {
  private static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let prime: UInt64 = 0x100_0000_01b3

  /// Each row's group, and the first row of each group.
  static func group(_ storage: StringStorage, nulls: NullMask?) -> (ids: [Int32], firstRows: [Int])
  {
    var ids = [Int32](repeating: 0, count: storage.count)
    var firstRows: [Int] = []
    var hashes: [UInt64] = []
    var slots = [Int32](repeating: -1, count: 64)
    var nullGroup: Int32 = -1

    storage.withRows { rows in
      for row in 0..<storage.count {
        if let nulls, !nulls.isValid(row) {
          if nullGroup < 0 {
            nullGroup = Int32(firstRows.count)
            firstRows.append(row)
            hashes.append(0)
          }
          ids[row] = nullGroup
          continue
        }
        let hash = fnv(rows[row])
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
          let id = slots[slot]
          if id < 0 {
            let new = Int32(firstRows.count)
            slots[slot] = new
            firstRows.append(row)
            hashes.append(hash)
            ids[row] = new
            if firstRows.count * 2 > slots.count {
              slots = rehashed(hashes, nullGroup: nullGroup, size: slots.count * 2)
            }
            break
          }
          if hashes[Int(id)] == hash, same(rows[row], rows[firstRows[Int(id)]]) {
            ids[row] = id
            break
          }
          slot = (slot + 1) & (slots.count - 1)
        }
      }
    }
    return (ids, firstRows)
  }

  private static func fnv(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash = basis
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
    return hash
  }

  private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard a.count == b.count else { return false }
    for i in 0..<a.count where a[i] != b[i] { return false }
    return true
  }

  /// A slot table of `size` for the groups with `hashes`, leaving out the null group.
  private static func rehashed(_ hashes: [UInt64], nullGroup: Int32, size: Int) -> [Int32] {
    var slots = [Int32](repeating: -1, count: size)
    for (id, hash) in hashes.enumerated() where Int32(id) != nullGroup {
      var slot = Int(truncatingIfNeeded: hash) & (size - 1)
      while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
      slots[slot] = Int32(id)
    }
    return slots
  }
}
