import Foundation

/// The row order of a stable multi-key sort, found by radix sorting instead of comparing.
///
/// Each key column gives one unsigned 64-bit number per row that orders as the values do:
/// integers and timestamps with the sign bit flipped, floats by their bits (negative ones
/// inverted, -0 as 0, NaN after every number), booleans as 0 and 1, strings by the rank of
/// their distinct value. A descending key inverts the numbers. The rows are then sorted key
/// by key, last key first, each time stably, which sorts by all keys; nulls of a key go
/// after its values in either direction, keeping their order.
///
/// Only the bits in which the numbers differ are sorted: the smallest is subtracted, and
/// numbers that are all multiples of a thousand, a million or a billion apart (timestamps
/// in whole seconds or milliseconds) are divided by it. When what is left fits next to
/// the row's position in one 64-bit word, the words are sorted alone, half the memory
/// traffic of separate keys and rows. Each pass counts and moves the rows on all cores.
enum SortOrder {
  /// The most bits of the key sorted per radix pass: 256 places to move items to, few
  /// enough for the processor to keep every one's page at hand.
  private static let digitBits = 8
  /// Fewer rows than this are sorted on one core.
  private static let parallelThreshold = 1 << 16

  /// The rows `0..<rowCount` ordered by `keys` (column and whether descending), ties in
  /// row order.
  /// - Complexity: O(rows × passes) per key, plus sorting the distinct values of string
  ///   keys.
  static func order(rowCount: Int, keys: [(column: Column, descending: Bool)]) -> [Int] {
    var order: [Int]?
    for key in keys.reversed() {
      order = stableSort(order, rowCount: rowCount, by: key.column, descending: key.descending)
    }
    return order ?? Array(0..<rowCount)
  }

  /// `order` (`nil` for `0..<rowCount`) stably sorted by one column, its null rows last.
  private static func stableSort(
    _ order: [Int]?, rowCount: Int, by column: Column, descending: Bool
  ) -> [Int] {
    var present = order
    var nulls: [Int] = []
    if column.validity != nil {
      var kept: [Int] = []
      kept.reserveCapacity(rowCount)
      for row in order ?? Array(0..<rowCount) {
        if column.isNull(row) { nulls.append(row) } else { kept.append(row) }
      }
      present = kept
    }
    let flip: UInt64 = descending ? ~0 : 0
    let keys: [UInt64]
    switch column.values {
    case .int(let values), .timestamp(let values):
      keys = keyList(values, present, rowCount) { UInt64(bitPattern: $0) ^ (1 << 63) ^ flip }
    case .float(let values):
      keys = keyList(values, present, rowCount) { orderedBits($0) ^ flip }
    case .bool(let values):
      keys = keyList(values, present, rowCount) { ($0 ? 1 : 0) ^ flip }
    case .string(let strings):
      let distinct = DistinctStrings(strings, validity: nil)
      let ranks = StringRanks.ranks(of: strings, distinct)
      keys = ranks.withUnsafeBufferPointer { ranks in
        keyList(distinct.ids, present, rowCount) { UInt64(ranks[Int($0)]) ^ flip }
      }
    }
    let sorted = sortRows(present, keys: keys)
    return nulls.isEmpty ? sorted : sorted + nulls
  }

  /// `key(values[row])` for each row of `rows` (`nil` for `0..<rowCount`), on all cores.
  @inline(__always)
  private static func keyList<T>(
    _ values: [T], _ rows: [Int]?, _ rowCount: Int, _ key: (T) -> UInt64
  ) -> [UInt64] {
    let count = rows?.count ?? rowCount
    let parts = count < parallelThreshold ? 1 : ParallelWork.coreCount
    return [UInt64](unsafeUninitializedCapacity: count) { output, initialized in
      // Each part initialises its own range of the output only.
      nonisolated(unsafe) let target = output
      values.withUnsafeBufferPointer { values in
        withRows(rows) { rows in
          _ = ParallelWork.map(count: parts) { part in
            guard let base = target.baseAddress else { return }
            let range = (count * part / parts)..<(count * (part + 1) / parts)
            if let list = rows.list {
              for index in range { (base + index).initialize(to: key(values[list[index]])) }
            } else {
              for index in range { (base + index).initialize(to: key(values[index])) }
            }
          }
        }
      }
      initialized = count
    }
  }

  /// The bits of `value` as a number that orders as the floats do.
  private static func orderedBits(_ value: Double) -> UInt64 {
    if value.isNaN { return UInt64.max }
    let bits = (value + 0.0).bitPattern
    return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
  }

  /// `rows` stably sorted by `keys[row]`; equal keys keep their order.
  static func radixSort(_ rows: [Int], keys: [UInt64]) -> [Int] {
    sortRows(rows, keys: rows.map { keys[$0] })
  }

  /// A key and the row it belongs to.
  private struct Keyed: RadixItem {
    var key: UInt64
    var row: Int

    var radixKey: UInt64 { key }
  }

  /// A list of rows, or `0..<count` without storing it.
  private struct Rows {
    let list: UnsafeBufferPointer<Int>?

    @inline(__always)
    subscript(index: Int) -> Int { list?[index] ?? index }
  }

  /// `rows` (`nil` for `0..<keys.count`) stably sorted by their keys, `keys[i]` the key of
  /// the `i`th row.
  /// - Complexity: O(rows × passes), each pass divided among the cores; a pass sorts
  ///   eight bits of the keys' spread at most.
  private static func sortRows(_ rows: [Int]?, keys: [UInt64]) -> [Int] {
    let count = keys.count
    guard count > 1 else { return rows ?? Array(0..<count) }
    let parts = count < parallelThreshold ? 1 : ParallelWork.coreCount
    return withRows(rows) { rows in
      keys.withUnsafeBufferPointer { keys in
        let spans = ParallelWork.map(count: parts) { part in
          var (low, high) = (UInt64.max, UInt64.min)
          for index in (count * part / parts)..<(count * (part + 1) / parts) {
            low = min(low, keys[index])
            high = max(high, keys[index])
          }
          return (low, high)
        }
        let (low, high) = (spans.map(\.0).min() ?? 0, spans.map(\.1).max() ?? 0)
        guard high > low else { return ParallelWork.array(count: count) { rows[$0] } }

        let positionBits = UInt64.bitWidth - UInt64(count - 1).leadingZeroBitCount
        let scale = commonScale(keys, low: low, spread: high - low, positionBits: positionBits)
        let keyBits = UInt64.bitWidth - ((high - low) / scale).leadingZeroBitCount
        if keyBits + positionBits <= UInt64.bitWidth {
          var words = ParallelWork.array(count: count) { index in
            Self.divide(keys[index] - low, by: scale) << positionBits | UInt64(index)
          }
          radixPasses(&words, bits: keyBits, shift: positionBits, parts: parts)
          let mask = UInt64(1) << positionBits - 1
          return ParallelWork.array(count: count) { rows[Int(words[$0] & mask)] }
        }
        var keyed = ParallelWork.array(count: count) { index in
          Keyed(key: Self.divide(keys[index] - low, by: scale), row: rows[index])
        }
        radixPasses(&keyed, bits: keyBits, shift: 0, parts: parts)
        return ParallelWork.array(count: count) { keyed[$0].row }
      }
    }
  }

  /// Calls `body` with `rows` as raw memory, or with no list for `0..<count`.
  @inline(__always)
  private static func withRows<R>(_ rows: [Int]?, _ body: (Rows) -> R) -> R {
    guard let rows else { return body(Rows(list: nil)) }
    return rows.withUnsafeBufferPointer { body(Rows(list: $0)) }
  }

  /// The largest of a billion, a million and a thousand that divides the distance of every
  /// key from `low`, or 1; tried only when the keys' spread does not already fit next to
  /// the rows' positions in one word.
  private static func commonScale(
    _ keys: UnsafeBufferPointer<UInt64>, low: UInt64, spread: UInt64, positionBits: Int
  ) -> UInt64 {
    guard spread.leadingZeroBitCount < positionBits else { return 1 }
    for scale: UInt64 in [1_000_000_000, 1_000_000, 1000] where spread % scale == 0 {
      let divides = keys.allSatisfy { key in
        let distance = key - low
        return divide(distance, by: scale) * scale == distance
      }
      if divides { return scale }
    }
    return 1
  }

  /// `value / scale` for the scales `commonScale` gives, each a division by a constant.
  @inline(__always)
  private static func divide(_ value: UInt64, by scale: UInt64) -> UInt64 {
    switch scale {
    case 1: return value
    case 1000: return value / 1000
    case 1_000_000: return value / 1_000_000
    case 1_000_000_000: return value / 1_000_000_000
    default: return value / scale
    }
  }

  /// Sorts `items` stably by bits `shift ..< shift + bits` of `key(item)`, in passes of at
  /// most eight bits from the lowest. In each pass the items are cut into `parts` that
  /// count their digits and move their items at once; a part's items of one digit go after
  /// those of the parts before it, which keeps the sort stable. Passes in which every item
  /// has the same digit are skipped.
  private static func radixPasses<Item: RadixItem>(
    _ items: inout [Item], bits: Int, shift: Int, parts: Int
  ) {
    let count = items.count
    let passes = (bits + digitBits - 1) / digitBits
    let width = (bits + passes - 1) / passes
    let buckets = 1 << width
    let mask = UInt64(buckets - 1)
    var scratch = [Item](unsafeUninitializedCapacity: count) { buffer, initialized in
      HugePages.request(UnsafeMutableRawBufferPointer(buffer))
      initialized = count
    }
    var places = [Int](repeating: 0, count: parts * buckets)

    for pass in 0..<passes {
      let digitShift = UInt64(shift + pass * width)
      let moved = items.withUnsafeBufferPointer { source in
        scratch.withUnsafeMutableBufferPointer { target in
          places.withUnsafeMutableBufferPointer { places in
            // Each part writes its own counts, then its own items' places in `target`.
            nonisolated(unsafe) let (output, slots) = (target, places)
            let range = { (part: Int) in (count * part / parts)..<(count * (part + 1) / parts) }
            _ = ParallelWork.map(count: parts) { part in
              let base = part * buckets
              for bucket in 0..<buckets { slots[base + bucket] = 0 }
              for index in range(part) {
                slots[base + Int((source[index].radixKey >> digitShift) & mask)] += 1
              }
            }
            for bucket in 0..<buckets {
              var size = 0
              for part in 0..<parts { size += slots[part * buckets + bucket] }
              if size == count { return false }
            }
            var total = 0
            for bucket in 0..<buckets {
              for part in 0..<parts {
                let slot = part * buckets + bucket
                let size = slots[slot]
                slots[slot] = total
                total += size
              }
            }
            _ = ParallelWork.map(count: parts) { part in
              let base = part * buckets
              for index in range(part) {
                let item = source[index]
                let slot = base + Int((item.radixKey >> digitShift) & mask)
                output[slots[slot]] = item
                slots[slot] += 1
              }
            }
            return true
          }
        }
      }
      if moved { swap(&items, &scratch) }
    }
  }
}

/// What a radix pass sorts by.
private protocol RadixItem {
  /// The number whose bits order the items.
  var radixKey: UInt64 { get }
}

extension UInt64: RadixItem {
  fileprivate var radixKey: UInt64 { self }
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
