import Foundation

/// The row order of a stable multi-key sort, found by radix sorting instead of comparing.
///
/// Each key column becomes one unsigned 64-bit number per row that orders as the values
/// do: integers and timestamps with the sign bit flipped, floats by their bits (negative
/// ones inverted, -0 as 0, NaN after every number), booleans as 0 and 1, strings by the
/// rank of their distinct value. A descending key inverts the numbers. The rows are then
/// sorted key by key, last key first, each time stably, which sorts by all keys; nulls of a
/// key go after its values in either direction, keeping their order.
enum SortOrder {
  /// Bits of the key sorted per radix pass.
  private static let digitBits = 11

  /// The rows `0..<rowCount` ordered by `keys` (column and whether descending), ties in
  /// row order.
  /// - Complexity: O(rows × passes) per key, plus sorting the distinct values of string
  ///   keys.
  static func order(rowCount: Int, keys: [(column: Column, descending: Bool)]) -> [Int] {
    var order = Array(0..<rowCount)
    for key in keys.reversed() {
      order = stableSort(order, by: key.column, descending: key.descending)
    }
    return order
  }

  /// `order` stably sorted by one column, its null rows last.
  private static func stableSort(_ order: [Int], by column: Column, descending: Bool) -> [Int] {
    var present = order
    var nulls: [Int] = []
    if column.validity != nil {
      present = []
      present.reserveCapacity(order.count)
      for row in order {
        if column.isNull(row) { nulls.append(row) } else { present.append(row) }
      }
    }
    let keys = sortKeys(column, descending: descending)
    return radixSort(present, keys: keys) + nulls
  }

  /// One number per row that orders as the row's value does.
  private static func sortKeys(_ column: Column, descending: Bool) -> [UInt64] {
    let flip: UInt64 = descending ? ~0 : 0
    switch column.values {
    case .int(let values), .timestamp(let values):
      return values.map { UInt64(bitPattern: $0) ^ (1 << 63) ^ flip }
    case .float(let values):
      return values.map { orderedBits($0) ^ flip }
    case .bool(let values):
      return values.map { ($0 ? 1 : 0) ^ flip }
    case .string(let strings):
      let distinct = DistinctStrings(strings, validity: nil)
      let ranks = StringRanks.ranks(of: strings, distinct)
      return distinct.ids.map { UInt64(ranks[Int($0)]) ^ flip }
    }
  }

  /// The bits of `value` as a number that orders as the floats do.
  private static func orderedBits(_ value: Double) -> UInt64 {
    if value.isNaN { return UInt64.max }
    let bits = (value + 0.0).bitPattern
    return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
  }

  /// `rows` stably sorted by `keys[row]`, eleven bits per pass from the lowest; passes in
  /// which every key has the same digit are skipped.
  static func radixSort(_ rows: [Int], keys: [UInt64]) -> [Int] {
    guard rows.count > 1 else { return rows }
    var currentRows = rows
    var currentKeys = rows.map { keys[$0] }
    var nextRows = currentRows
    var nextKeys = currentKeys
    let buckets = 1 << digitBits
    let mask = UInt64(buckets - 1)
    var counts = [Int](repeating: 0, count: buckets)

    var shift: UInt64 = 0
    while shift < 64 {
      for index in counts.indices { counts[index] = 0 }
      for key in currentKeys { counts[Int((key >> shift) & mask)] += 1 }
      if counts.contains(rows.count) {
        shift += UInt64(digitBits)
        continue
      }
      var total = 0
      for index in counts.indices {
        let count = counts[index]
        counts[index] = total
        total += count
      }
      currentKeys.withUnsafeBufferPointer { keysIn in
        currentRows.withUnsafeBufferPointer { rowsIn in
          nextKeys.withUnsafeMutableBufferPointer { keysOut in
            nextRows.withUnsafeMutableBufferPointer { rowsOut in
              counts.withUnsafeMutableBufferPointer { places in
                for index in 0..<keysIn.count {
                  let key = keysIn[index]
                  let bucket = Int((key >> shift) & mask)
                  let place = places[bucket]
                  places[bucket] = place + 1
                  keysOut[place] = key
                  rowsOut[place] = rowsIn[index]
                }
              }
            }
          }
        }
      }
      swap(&currentKeys, &nextKeys)
      swap(&currentRows, &nextRows)
      shift += UInt64(digitBits)
    }
    return currentRows
  }
}

/// The order of the distinct values of a string column, compared byte by byte.
///
/// The values are radix sorted by their first eight bytes; each run that shares those is
/// radix sorted by the next eight, and so on (command lines share long prefixes), until a
/// run is small or its values end, when they are compared whole.
enum StringRanks {
  /// Runs this small are sorted by comparing their values: the radix sort's fixed cost
  /// of 2048 buckets per pass pays only on larger runs.
  private static let smallRun = 1024

  /// For each distinct value of `distinct`, its position among them in byte order.
  /// - Complexity: O(d × l / 8) for d distinct values sharing prefixes of l bytes, plus
  ///   comparisons within small runs.
  static func ranks(of strings: StringStorage, _ distinct: DistinctStrings) -> [Int] {
    strings.withRows { rows in
      let value = { (id: Int) -> UnsafeBufferPointer<UInt8> in rows[distinct.firstRows[id]] }
      var sorted = Array(0..<distinct.count)
      sorted.withUnsafeMutableBufferPointer { sorted in
        sortRun(sorted, 0..<sorted.count, depth: 0, value)
      }

      var ranks = [Int](repeating: 0, count: distinct.count)
      for (rank, id) in sorted.enumerated() { ranks[id] = rank }
      return ranks
    }
  }

  /// Sorts `ids[range]`, whose values all share their first `depth` bytes.
  private static func sortRun(
    _ ids: UnsafeMutableBufferPointer<Int>, _ range: Range<Int>, depth: Int,
    _ value: (Int) -> UnsafeBufferPointer<UInt8>
  ) {
    guard range.count > 1 else { return }
    var longest = 0
    for index in range { longest = max(longest, value(ids[index]).count) }
    if range.count <= smallRun || longest <= depth {
      var run = UnsafeMutableBufferPointer(rebasing: ids[range])
      run.sort { precedes(value($0), value($1), equalBefore: depth) }
      return
    }

    let keys = range.map { key(value(ids[$0]), at: depth) }
    let order = SortOrder.radixSort(Array(keys.indices), keys: keys)
    let reordered = order.map { ids[range.lowerBound + $0] }
    for (offset, id) in reordered.enumerated() { ids[range.lowerBound + offset] = id }

    var start = 0
    while start < order.count {
      var end = start + 1
      while end < order.count, keys[order[end]] == keys[order[start]] { end += 1 }
      if end - start > 1 {
        let subrange = (range.lowerBound + start)..<(range.lowerBound + end)
        sortRun(ids, subrange, depth: depth + 8, value)
      }
      start = end
    }
  }

  /// Eight bytes from `depth` as a big-endian number, zeros past the end.
  private static func key(_ bytes: UnsafeBufferPointer<UInt8>, at depth: Int) -> UInt64 {
    var key: UInt64 = 0
    for index in depth..<(depth + 8) {
      key = key << 8 | UInt64(index < bytes.count ? bytes[index] : 0)
    }
    return key
  }

  /// Whether `a` comes before `b` byte by byte (a prefix before the longer string),
  /// given that their first `equalBefore` bytes (as far as both reach) are equal.
  private static func precedes(
    _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, equalBefore: Int
  ) -> Bool {
    let common = min(a.count, b.count)
    let start = min(equalBefore, common)
    if common > start, let x = a.baseAddress, let y = b.baseAddress {
      let order = memcmp(x + start, y + start, common - start)
      if order != 0 { return order < 0 }
    }
    return a.count < b.count
  }
}
