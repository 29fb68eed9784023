/// The distinct points of a matrix with how often each occurs, in first-seen order.
///
/// Event data repeats the same feature vector thousands of times; clustering the
/// distinct points with their multiplicities as weights gives the same labels.
struct DistinctPoints {
  let dimensions: Int
  /// Distinct point `i` is `values[i * dimensions ..< (i + 1) * dimensions]`.
  private(set) var values: [Double] = []
  /// How many rows hold each distinct point.
  private(set) var weights: [Int] = []
  /// For each row, the index of its distinct point.
  private(set) var ids: [Int32]

  /// Groups the rows of `matrix` by equal coordinates (-0.0 equals 0.0).
  /// - Complexity: O(rows × dimensions) expected.
  init(_ matrix: FeatureMatrix) {
    dimensions = matrix.dimensions
    ids = Array(repeating: 0, count: matrix.rowCount)
    var slots = [Int32](repeating: -1, count: 64)
    var hashes: [UInt64] = []
    let d = dimensions
    var point = [Double](repeating: 0, count: d)
    matrix.values.withUnsafeBufferPointer { source in
      for row in 0..<matrix.rowCount {
        for k in 0..<d { point[k] = source[row * d + k] + 0.0 }
        let hash = DistinctPoints.hash(point)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        var found = -1
        while slots[slot] >= 0 {
          let id = Int(slots[slot])
          if hashes[id] == hash, equals(id, point) {
            found = id
            break
          }
          slot = (slot + 1) & (slots.count - 1)
        }
        if found < 0 {
          found = weights.count
          slots[slot] = Int32(found)
          hashes.append(hash)
          values.append(contentsOf: point)
          weights.append(0)
          if weights.count * 2 > slots.count {
            slots = DistinctPoints.rehash(hashes, slots.count * 2)
          }
        }
        weights[found] += 1
        ids[row] = Int32(found)
      }
    }
  }

  /// The number of distinct points.
  var count: Int { weights.count }

  private func equals(_ id: Int, _ point: [Double]) -> Bool {
    let start = id * dimensions
    for k in 0..<dimensions where values[start + k] != point[k] { return false }
    return true
  }

  private static func rehash(_ hashes: [UInt64], _ capacity: Int) -> [Int32] {
    var slots = [Int32](repeating: -1, count: capacity)
    for (id, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
      while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
      slots[slot] = Int32(id)
    }
    return slots
  }

  private static func hash(_ point: [Double]) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15
    for x in point {
      h = (h ^ x.bitPattern) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 31
    }
    h = h &* 0xC4CE_B9FE_1A85_EC53
    return h ^ (h >> 29)
  }
}
