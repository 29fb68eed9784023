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
    var assigner = GroupAssigner(column: column)
    var ids = [Int32](repeating: 0, count: column.count)
    var sizes: [Int] = []
    for row in 0..<column.count {
      let id = assigner.group(of: row)
      if id == sizes.count { sizes.append(0) }
      sizes[id] += 1
      ids[row] = Int32(id)
    }
    self.ids = ids
    self.sizes = sizes
    self.names = assigner.firstRows.map { row in
      column.isNull(row) ? "(null)" : ValueFormatter.plain(column[row])
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

/// Gives each distinct value of a column the next group number when first seen.
private struct GroupAssigner {
  let column: Column
  /// The first row of each group, by group number.
  private(set) var firstRows: [Int] = []
  private var nullGroup: Int?
  private var numbers: [UInt64: Int] = [:]
  private var slots: [Int32] = Array(repeating: -1, count: 64)

  init(column: Column) {
    self.column = column
  }

  /// The group number of `row`, assigning a new one for a value not seen before.
  mutating func group(of row: Int) -> Int {
    if column.isNull(row) {
      if let nullGroup { return nullGroup }
      let id = newGroup(row)
      nullGroup = id
      return id
    }
    switch column.values {
    case .string(let storage):
      return stringGroup(of: row, in: storage)
    case .int(let v), .timestamp(let v):
      return numberGroup(UInt64(bitPattern: v[row]), row)
    case .float(let v):
      let value = v[row] == 0 ? 0 : v[row]
      return numberGroup(value.isNaN ? Double.nan.bitPattern : value.bitPattern, row)
    case .bool(let v):
      return numberGroup(v[row] ? 1 : 0, row)
    }
  }

  private mutating func newGroup(_ row: Int) -> Int {
    firstRows.append(row)
    return firstRows.count - 1
  }

  private mutating func numberGroup(_ key: UInt64, _ row: Int) -> Int {
    if let id = numbers[key] { return id }
    let id = newGroup(row)
    numbers[key] = id
    return id
  }

  /// Open addressing over FNV-1a hashes of the row bytes; slots hold group numbers.
  private mutating func stringGroup(of row: Int, in storage: StringStorage) -> Int {
    var slot = Self.hash(row, storage) & (slots.count - 1)
    while slots[slot] >= 0 {
      let id = Int(slots[slot])
      if storage.rowEquals(row, storage, firstRows[id]) { return id }
      slot = (slot + 1) & (slots.count - 1)
    }
    let id = newGroup(row)
    slots[slot] = Int32(id)
    if firstRows.count * 2 > slots.count { rehash(storage) }
    return id
  }

  private mutating func rehash(_ storage: StringStorage) {
    var grown = [Int32](repeating: -1, count: slots.count * 2)
    for (id, row) in firstRows.enumerated() where !column.isNull(row) {
      var slot = Self.hash(row, storage) & (grown.count - 1)
      while grown[slot] >= 0 { slot = (slot + 1) & (grown.count - 1) }
      grown[slot] = Int32(id)
    }
    slots = grown
  }

  /// FNV-1a over the bytes of string row `row`.
  private static func hash(_ row: Int, _ storage: StringStorage) -> Int {
    storage.withBytes(row) { bytes in
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
      return Int(truncatingIfNeeded: h)
    }
  }
}
