import Foundation

/// The first few rows of a stable multi-key sort, found without ordering every row.
///
/// `top 20 by CommandLine` needs 20 rows of a million; ranking every distinct command line
/// to find them reads each string from memory at random. Instead each core keeps the best
/// `count` rows of its share in a heap whose root is the worst of them; most rows are
/// turned away by one comparison with that root. The cores' candidates are then sorted
/// and the first `count` kept. Rows compare as `SortOrder` orders them: key by key, nulls
/// last in either direction, NaN after every number, ties in row order.
enum TopRows {
  /// The largest `count` for which a heap is used; beyond it a full sort is cheaper.
  static let largestCount = 1024

  /// Whether `count` of `rowCount` rows are few enough to select with heaps.
  static func applies(count: Int, rowCount: Int) -> Bool {
    count <= largestCount && count * 16 <= rowCount
  }

  /// The first `count` rows of `0..<rowCount` ordered by `keys` (column and whether
  /// descending), ties in row order.
  /// - Complexity: O(rows × log count) comparisons at worst, O(rows) on unordered data,
  ///   divided among the cores.
  static func first(_ count: Int, rowCount: Int, keys: [(column: Column, descending: Bool)])
    -> [Int]
  {
    guard count > 0, rowCount > 0 else { return [] }
    let order = RowComparison(keys)
    let parts = rowCount < ParallelWork.arrayThreshold ? 1 : ParallelWork.coreCount * 2
    let candidates = ParallelWork.map(count: parts) { part in
      let rows = (rowCount * part / parts)..<(rowCount * (part + 1) / parts)
      return best(count, of: rows, order)
    }
    let sorted = candidates.joined().sorted { order.compare($0, $1) < 0 }
    return Array(sorted.prefix(count))
  }

  /// The best `count` of `rows`, in no particular order.
  private static func best(_ count: Int, of rows: Range<Int>, _ order: RowComparison) -> [Int] {
    var heap: [Int] = []
    heap.reserveCapacity(count)
    for row in rows {
      if heap.count < count {
        heap.append(row)
        siftUp(&heap, from: heap.count - 1, order)
      } else if order.compare(row, heap[0]) < 0 {
        heap[0] = row
        siftDown(&heap, order)
      }
    }
    return heap
  }

  /// Restores the heap (worst row at the root) after a row was added at `index`.
  private static func siftUp(_ heap: inout [Int], from index: Int, _ order: RowComparison) {
    var child = index
    while child > 0 {
      let parent = (child - 1) / 2
      guard order.compare(heap[parent], heap[child]) < 0 else { return }
      heap.swapAt(parent, child)
      child = parent
    }
  }

  /// Restores the heap (worst row at the root) after its root was replaced.
  private static func siftDown(_ heap: inout [Int], _ order: RowComparison) {
    var parent = 0
    while true {
      var worst = parent
      let (left, right) = (2 * parent + 1, 2 * parent + 2)
      if left < heap.count, order.compare(heap[worst], heap[left]) < 0 { worst = left }
      if right < heap.count, order.compare(heap[worst], heap[right]) < 0 { worst = right }
      guard worst != parent else { return }
      heap.swapAt(parent, worst)
      parent = worst
    }
  }
}

/// Compares two rows by several sort keys, then by row number: -1 when the first comes
/// first. Nulls go last in either direction.
private struct RowComparison {
  /// One key: how its values compare (-1, 0 or 1, ignoring nulls), its nulls and
  /// direction.
  private struct Key {
    let compare: (Int, Int) -> Int
    let validity: NullMask?
    let descending: Bool
  }

  private let keys: [Key]

  init(_ keys: [(column: Column, descending: Bool)]) {
    self.keys = keys.map { key in
      Key(
        compare: Self.valueComparison(key.column), validity: key.column.validity,
        descending: key.descending)
    }
  }

  /// -1 when row `a` comes before row `b`, 1 when after; 0 only for the same row.
  @inline(__always)
  func compare(_ a: Int, _ b: Int) -> Int {
    for key in keys {
      if let validity = key.validity {
        switch (validity.isValid(a), validity.isValid(b)) {
        case (true, true): break
        case (false, false): continue
        case (true, false): return -1
        case (false, true): return 1
        }
      }
      let order = key.compare(a, b)
      if order != 0 { return key.descending ? -order : order }
    }
    return a < b ? -1 : (a > b ? 1 : 0)
  }

  /// How two rows of `column` compare, ignoring nulls; strings byte by byte.
  private static func valueComparison(_ column: Column) -> (Int, Int) -> Int {
    guard case .string(let strings) = column.values else { return Table.comparator(for: column) }
    return { a, b in strings.withRows { $0.compare(a, b) } }
  }
}
