import Foundation

/// The rows of a string column grouped by equal bytes, so that work per string runs
/// once per distinct value. Null rows count as the empty string.
///
/// Large columns are grouped in parts on all cores; the parts' distinct values are then
/// merged in part order, which keeps the first-seen order of the whole column.
struct DistinctStrings {
  /// Columns with fewer rows are grouped in one part.
  static let parallelThreshold = 1 << 16

  /// For each row, the index of its distinct value.
  private(set) var ids: [Int32]
  /// For each distinct value, the first row that holds it.
  private(set) var firstRows: [Int] = []

  /// Groups the rows of `strings`; rows that `validity` marks null join the empty string.
  /// - Complexity: O(bytes) expected, divided among the cores.
  init(_ strings: StringStorage, validity: NullMask?) {
    let rowCount = strings.count
    let partCount = rowCount < Self.parallelThreshold ? 1 : ParallelWork.coreCount * 2
    let bounds = (0...partCount).map { rowCount * $0 / partCount }
    var ids = [Int32](repeating: 0, count: rowCount)
    var firstRows: [Int] = []

    strings.withRows { rows in
      let key = { (row: Int) -> UnsafeBufferPointer<UInt8> in
        let start = rows.start(row)
        let end = validity.marksNull(row) ? start : rows.end(row)
        return UnsafeBufferPointer(rebasing: rows.bytes[start..<end])
      }
      ids.withUnsafeMutableBufferPointer { ids in
        // Each part writes the ids of its own rows only.
        nonisolated(unsafe) let output = ids
        let parts = ParallelWork.map(count: partCount) { part in
          Self.group(rows: bounds[part]..<bounds[part + 1], key: key, ids: output)
        }
        var table = ByteStringTable()
        let mappings = parts.map { part in
          zip(part.firstRows, part.hashes).map { row, hash in
            let (id, isNew) = table.insert(key(row), hash: hash)
            if isNew { firstRows.append(row) }
            return Int32(id)
          }
        }
        _ = ParallelWork.map(count: partCount) { part in
          let mapping = mappings[part]
          for row in bounds[part]..<bounds[part + 1] {
            output[row] = mapping[Int(output[row])]
          }
        }
      }
    }
    self.ids = ids
    self.firstRows = firstRows
  }

  /// The number of distinct values.
  var count: Int { firstRows.count }

  /// Groups `rows`, writing each row's id within the part to `ids`; returns the first row
  /// and hash of each of the part's distinct values.
  private static func group(
    rows: Range<Int>, key: (Int) -> UnsafeBufferPointer<UInt8>,
    ids: UnsafeMutableBufferPointer<Int32>
  ) -> (firstRows: [Int], hashes: [UInt64]) {
    var table = ByteStringTable()
    var firstRows: [Int] = []
    for row in rows {
      let bytes = key(row)
      let (id, isNew) = table.insert(bytes, hash: ByteStringTable.hash(bytes))
      if isNew { firstRows.append(row) }
      ids[row] = Int32(id)
    }
    return (firstRows, table.hashes)
  }
}

/// An open-addressing hash set of byte strings that live in a caller's buffer;
/// it hands out dense ids in first-seen order.
private struct ByteStringTable {
  private var slots: [Int32] = Array(repeating: -1, count: 64)
  private var keys: [UnsafeBufferPointer<UInt8>] = []
  /// The hash of each key, by id.
  private(set) var hashes: [UInt64] = []

  /// The id of `key`, whose hash is `hash`, and whether it was new. `key` must outlive
  /// the table.
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: Int, isNew: Bool) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] >= 0 {
      let id = Int(slots[slot])
      if hashes[id] == hash, ByteStringTable.equal(keys[id], key) { return (id, false) }
      slot = (slot + 1) & mask
    }
    let id = keys.count
    slots[slot] = Int32(id)
    keys.append(key)
    hashes.append(hash)
    if keys.count * 2 > slots.count { grow() }
    return (id, true)
  }

  private mutating func grow() {
    slots = Array(repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for (id, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(id)
    }
  }

  /// Whether two byte strings are equal.
  private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard a.count == b.count else { return false }
    guard let x = a.baseAddress, let y = b.baseAddress else { return true }
    return memcmp(x, y, a.count) == 0
  }

  /// A fast 64-bit hash of the bytes, eight at a time.
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
    guard let base = key.baseAddress else { return mix(h) }
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i + 8 <= key.count {
      let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 32
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < key.count {
      tail |= UInt64(key[i]) << shift
      shift += 8
      i += 1
    }
    return mix(h ^ tail)
  }

  /// The finaliser of MurmurHash3, spreading every input bit over the output.
  private static func mix(_ value: UInt64) -> UInt64 {
    var h = value
    h ^= h >> 33
    h = h &* 0xFF51_AFD7_ED55_8CCD
    h ^= h >> 33
    h = h &* 0xC4CE_B9FE_1A85_EC53
    h ^= h >> 33
    return h
  }
}
