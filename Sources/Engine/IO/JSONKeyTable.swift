import Foundation

/// Numbers the distinct keys met while reading JSON, in first-seen order, found again by
/// hashing their bytes (open addressing with linear probing), so that looking a key up
/// makes no Swift string.
struct JSONKeyTable {
  /// Entry index + 1 per slot, 0 for a free slot; the count is a power of two.
  private var slots = [Int32](repeating: 0, count: 64)
  private var hashes: [UInt64] = []
  /// Entry `i`'s bytes are `names[starts[i] ..< starts[i + 1]]`.
  private var starts = [0]
  private var names: [UInt8] = []

  /// How many distinct keys there are.
  var count: Int { hashes.count }

  /// The number of `key`: the one it was given before, or the next free one.
  /// - Complexity: O(key.count) on average.
  @inline(__always)
  mutating func index(of key: UnsafeBufferPointer<UInt8>) -> Int {
    let hash = Self.hash(key)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = Int(slots[slot]) - 1
      if entry < 0 { return insert(key, hash: hash, at: slot) }
      if hashes[entry] == hash, matches(entry, key) { return entry }
      slot = (slot + 1) & mask
    }
  }

  /// The bytes of key number `index`.
  func name(_ index: Int) -> [UInt8] {
    Array(names[starts[index]..<starts[index + 1]])
  }

  private func matches(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[entry]
    guard starts[entry + 1] - start == key.count else { return false }
    guard key.count > 0 else { return true }
    return names.withUnsafeBufferPointer { all in
      guard let namesBase = all.baseAddress, let keyBase = key.baseAddress else { return false }
      return memcmp(namesBase + start, keyBase, key.count) == 0
    }
  }

  private mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, at slot: Int)
    -> Int
  {
    let entry = hashes.count
    hashes.append(hash)
    names.append(contentsOf: key)
    starts.append(names.count)
    slots[slot] = Int32(entry + 1)
    if hashes.count * 2 > slots.count { rehash() }
    return entry
  }

  private mutating func rehash() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for (entry, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(entry + 1)
    }
  }

  /// FNV-1a over the bytes, with the high bits folded in for the slot mask.
  @inline(__always)
  private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in key {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return hash ^ (hash >> 29)
  }
}
