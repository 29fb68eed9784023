import Testing

@testable import Engine

/// The radix sort puts rows in the order a plain stable comparison sort gives, for every
/// column type, direction, null pattern and number of keys.
@Suite("Sort order")
struct SortOrderTests {
  /// A stable comparison sort written out plainly: nulls last in either direction, ties
  /// in row order, strings byte by byte, NaN after every number.
  static func referenceOrder(_ table: Table, _ keys: [SortKey]) throws -> [Int] {
    let columns = try keys.map { try table.column($0.column) }
    return Array(0..<table.rowCount).sorted { a, b in
      for (key, column) in zip(keys, columns) {
        let order = compare(column, a, b)
        if order != 0 {
          if column.isNull(a) || column.isNull(b) { return order < 0 }
          return key.descending ? order > 0 : order < 0
        }
      }
      return a < b
    }
  }

  /// -1, 0 or 1; a null is greater than any value.
  private static func compare(_ column: Column, _ a: Int, _ b: Int) -> Int {
    switch (column.isNull(a), column.isNull(b)) {
    case (true, true): return 0
    case (true, false): return 1
    case (false, true): return -1
    case (false, false): break
    }
    switch column.values {
    case .int(let v), .timestamp(let v): return v[a] < v[b] ? -1 : (v[a] > v[b] ? 1 : 0)
    case .float(let v):
      if v[a].isNaN || v[b].isNaN { return v[a].isNaN == v[b].isNaN ? 0 : (v[a].isNaN ? 1 : -1) }
      return v[a] < v[b] ? -1 : (v[a] > v[b] ? 1 : 0)
    case .bool(let v): return v[a] == v[b] ? 0 : (v[a] ? 1 : -1)
    case .string(let s):
      let x = Array(s[a].utf8)
      let y = Array(s[b].utf8)
      return x.lexicographicallyPrecedes(y) ? -1 : (x == y ? 0 : 1)
    }
  }

  /// A table of every column type with duplicates, nulls and awkward values, from a seed.
  static func randomTable(rows: Int, seed: UInt64) -> Table {
    var random = SeededGenerator(seed: seed)
    let words = ["", "a", "ab", "abc", "abcdefgh", "abcdefghi", "abcdefgh\u{0}", "b", "Zeta", "é"]
    let floats: [Double] = [-.infinity, -1.5, -0.0, 0.0, 2.25, .infinity, .nan, 1e300]
    var ints: [Value] = []
    var reals: [Value] = []
    var flags: [Value] = []
    var texts: [Value] = []
    var times: [Value] = []
    for _ in 0..<rows {
      let isNull = Int.random(in: 0..<8, using: &random) == 0
      ints.append(isNull ? .null : .int(Int64.random(in: -5...5, using: &random) * 1_000_000_007))
      reals.append(isNull ? .null : .float(floats.randomElement(using: &random) ?? 0))
      flags.append(
        Int.random(in: 0..<6, using: &random) == 0 ? .null : .bool(Bool.random(using: &random)))
      let word =
        (words.randomElement(using: &random) ?? "") + String(Int.random(in: 0..<3, using: &random))
      texts.append(Int.random(in: 0..<7, using: &random) == 0 ? .null : .string(word))
      times.append(.timestamp(Int64.random(in: -3...3, using: &random) * 86_400_000_000_000))
    }
    return Table(
      columnNames: ["i", "f", "b", "s", "t"],
      columns: [
        Column(type: .int, cells: ints), Column(type: .float, cells: reals),
        Column(type: .bool, cells: flags), Column(type: .string, cells: texts),
        Column(type: .timestamp, cells: times),
      ])
  }

  static let keyLists: [[SortKey]] = [
    [SortKey("i")], [SortKey("i", descending: true)], [SortKey("f")],
    [SortKey("f", descending: true)], [SortKey("b")], [SortKey("s")],
    [SortKey("s", descending: true)], [SortKey("t", descending: true)],
    [SortKey("b"), SortKey("s", descending: true), SortKey("f")],
    [SortKey("t"), SortKey("i"), SortKey("s")],
  ]

  @Test(arguments: keyLists)
  func radixOrderEqualsAStableComparisonSort(keys: [SortKey]) throws {
    for seed in 1...4 as ClosedRange<UInt64> {
      let table = Self.randomTable(rows: 3000, seed: seed)

      let order = try table.sortOrder(by: keys)

      #expect(order == (try Self.referenceOrder(table, keys)))
    }
  }

  @Test func sortedTableHoldsTheRowsInThatOrder() throws {
    let table = Self.randomTable(rows: 500, seed: 9)
    let keys = [SortKey("s"), SortKey("i", descending: true)]

    let sorted = try table.sorted(by: keys)

    let order = try Self.referenceOrder(table, keys)
    for name in table.columnNames {
      let original = try table.column(name)
      let column = try sorted.column(name)
      // Compared as text, since NaN is not equal to itself.
      let shown = (0..<500).map { "\(column[$0])" }
      #expect(shown == order.map { "\(original[$0])" })
    }
  }

  @Test func stringsSharingLongPrefixesSortByteByByte() throws {
    var random = SeededGenerator(seed: 11)
    let stems = ["C:\\Windows\\System32\\svchost.exe -k ", "C:\\Windows\\System32\\", "C:\\"]
    let cells: [Value] = (0..<4000).map { _ in
      let stem = stems.randomElement(using: &random) ?? ""
      let tail = (0..<Int.random(in: 0..<12, using: &random)).map { _ in
        ["a", "B", "0", "\u{0}", " ", "é"].randomElement(using: &random) ?? ""
      }
      return .string(stem + tail.joined())
    }
    let table = Table(columnNames: ["s"], columns: [Column(type: .string, cells: cells)])

    for keys in [[SortKey("s")], [SortKey("s", descending: true)]] {
      #expect(try table.sortOrder(by: keys) == (try Self.referenceOrder(table, keys)))
    }
  }

  @Test func radixSortKeepsEqualKeysInTheirOrder() {
    let keys: [UInt64] = [5, 1, 5, 1 << 40, 0, 5, UInt64.max, 1]

    let order = SortOrder.radixSort(Array(keys.indices), keys: keys)

    #expect(order == [4, 1, 7, 0, 2, 5, 3, 6])
  }
}

/// Keys spread over more bits than fit next to the row positions: the radix sort divides
/// them by a common power of a thousand, or sorts keys and rows apart.
@Suite("Sort order of wide keys")
struct WideSortKeyTests {
  @Test(arguments: [1_000_000 as Int64, 1000, 1, 7])
  func wideTimestampsSortLikeAComparisonSort(step: Int64) throws {
    var random = SeededGenerator(seed: UInt64(step))
    let base: Int64 = 1_548_000_000_000_000_000
    let reach: Int64 = step > 1000 ? 1 << 40 : 1 << 50
    let cells: [Value] = (0..<70_000).map { _ in
      .timestamp(base + Int64.random(in: -reach...reach, using: &random) * step)
    }
    let table = Table(columnNames: ["t"], columns: [Column(type: .timestamp, cells: cells)])

    for keys in [[SortKey("t")], [SortKey("t", descending: true)]] {
      #expect(try table.sortOrder(by: keys) == (try SortOrderTests.referenceOrder(table, keys)))
    }
  }

  @Test func extremeIntegersSortLikeAComparisonSort() throws {
    var random = SeededGenerator(seed: 5)
    let cells: [Value] = (0..<70_000).map { _ in
      switch Int.random(in: 0..<4, using: &random) {
      case 0: return .int(.min)
      case 1: return .int(.max)
      default: return .int(Int64.random(in: .min ... .max, using: &random))
      }
    }
    let table = Table(columnNames: ["i"], columns: [Column(type: .int, cells: cells)])

    for keys in [[SortKey("i")], [SortKey("i", descending: true)]] {
      #expect(try table.sortOrder(by: keys) == (try SortOrderTests.referenceOrder(table, keys)))
    }
  }
}
