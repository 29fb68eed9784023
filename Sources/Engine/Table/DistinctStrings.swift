import Foundation

/// The rows of a string column grouped by equal bytes, so that work per string runs
/// once per distinct value. Null rows count as the empty string.
struct DistinctStrings {
  /// For each row, the index of its distinct value.
  private(set) var ids: [Int32]
  /// For each distinct value, the first row that holds it.
  private(set) var firstRows: [Int] = []

  /// Groups the rows of `strings`; rows that `validity` marks null join the empty string.
  /// - Complexity: O(bytes) expected.
  init(_ strings: StringStorage, validity: NullMask?) {
    ids = Array(repeating: 0, count: strings.count)
    strings.bytes.withUnsafeBufferPointer { bytes in
      strings.offsets.withUnsafeBufferPointer { offsets in
        var table = ByteStringTable()
        for row in 0..<strings.count {
          let isNull = validity.marksNull(row)
          let start = offsets[row]
          let end = isNull ? start : offsets[row + 1]
          let key = UnsafeBufferPointer(rebasing: bytes[start..<end])
          let (id, isNew) = table.insert(key)
          if isNew { firstRows.append(row) }
          ids[row] = Int32(id)
        }
      }
    }
  }

  /// The number of distinct values.
  var count: Int { firstRows.count }
}

/// An open-addressing hash set of byte strings that live in a caller's buffer;
/// it hands out dense ids in first-seen order.
private struct ByteStringTable {
  private var slots: [Int32] = Array(repeating: -1, count: 64)
  private var keys: [UnsafeBufferPointer<UInt8>] = []
  private var hashes: [UInt64] = []

  /// The id of `key`, and whether it was new. `key` must outlive the table.
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int, isNew: Bool) {
    let hash = ByteStringTable.hash(key)
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
