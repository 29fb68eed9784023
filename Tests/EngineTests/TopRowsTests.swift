import Testing

@testable import Engine

/// `top N` and `sort | head N` select their rows without sorting every row, and give the
/// first rows of the full stable sort: ties in row order, nulls last in either direction.
@Suite("Top rows")
struct TopRowsTests {
  @Test(arguments: SortOrderTests.keyLists)
  func topRowsEqualTheFirstRowsOfTheFullSort(keys: [SortKey]) throws {
    for seed in 1...3 as ClosedRange<UInt64> {
      let table = SortOrderTests.randomTable(rows: 3000, seed: seed)
      let full = try SortOrderTests.referenceOrder(table, keys)

      for count in [0, 1, 7, 20, 150] {
        #expect(TopRows.applies(count: count, rowCount: 3000), "the heaps are what is tested")
        #expect(try table.topRows(count, by: keys) == Array(full.prefix(count)))
      }
    }
  }

  @Test(arguments: [false, true])
  func equalValuesKeepTheirRowOrder(descending: Bool) throws {
    let cells: [Value] = (0..<2000).map { .string($0 % 500 == 7 ? "a" : "b") }
    let table = Table(columnNames: ["s"], columns: [Column(type: .string, cells: cells)])

    let top = try table.topRows(6, by: [SortKey("s", descending: descending)])

    #expect(top == (descending ? [0, 1, 2, 3, 4, 5] : [7, 507, 1007, 1507, 0, 1]))
  }

  @Test(arguments: [false, true])
  func nullsComeLastInEitherDirection(descending: Bool) throws {
    let cells: [Value] = (0..<1000).map { $0 < 995 ? .null : .int(Int64($0)) }
    let table = Table(columnNames: ["i"], columns: [Column(type: .int, cells: cells)])

    let top = try table.topRows(8, by: [SortKey("i", descending: descending)])

    let values = descending ? [999, 998, 997, 996, 995] : [995, 996, 997, 998, 999]
    #expect(top == values + [0, 1, 2])
  }

  @Test func descendingStringsSharingLongPrefixesComeLargestFirst() throws {
    var random = SeededGenerator(seed: 21)
    let stem = #"C:\Windows\System32\svchost.exe -k "#
    let cells: [Value] = (0..<5000).map { _ in
      .string(stem + String(Int.random(in: 0..<100_000, using: &random)))
    }
    let table = Table(columnNames: ["s"], columns: [Column(type: .string, cells: cells)])
    let keys = [SortKey("s", descending: true)]

    let top = try table.topRows(25, by: keys)

    #expect(top == Array(try SortOrderTests.referenceOrder(table, keys).prefix(25)))
  }

  @Test func countsBeyondTheRowsGiveEveryRowInOrder() throws {
    let table = SortOrderTests.randomTable(rows: 40, seed: 4)
    let keys = [SortKey("s"), SortKey("i", descending: true)]

    #expect(try table.topRows(1000, by: keys) == (try SortOrderTests.referenceOrder(table, keys)))
    #expect(try table.topRows(-3, by: keys).isEmpty)
  }

  @Test func unknownKeysAreReported() {
    let table = SortOrderTests.randomTable(rows: 10, seed: 1)

    #expect(throws: ColumnError.self) { try table.topRows(3, by: [SortKey("nope")]) }
  }
}
