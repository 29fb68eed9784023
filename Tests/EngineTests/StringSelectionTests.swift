import Foundation
import Testing

@testable import Engine

/// A string column gathered in a new order shares its source's bytes (a selection) and
/// must hold exactly what a copied gather holds, through every later operation.
@Suite("String selections")
struct StringSelectionTests {
  /// Events with nulls, empty strings, long shared prefixes and short words, plus a
  /// number column, in an order that sorting changes.
  static func events(rows: Int, seed: UInt64) -> Table {
    var random = SeededGenerator(seed: seed)
    let paths = [
      #"C:\Windows\System32\svchost.exe"#, #"C:\Windows\System32\cmd.exe"#, "", "a", "é/ü",
      #"C:\Program Files\x.exe"#,
    ]
    var names: [Value] = []
    var lines: [Value] = []
    var numbers: [Value] = []
    for _ in 0..<rows {
      let path = paths.randomElement(using: &random) ?? ""
      names.append(Int.random(in: 0..<9, using: &random) == 0 ? .null : .string(path))
      let tail = String(Int.random(in: 0..<50, using: &random))
      lines.append(
        Int.random(in: 0..<11, using: &random) == 0
          ? .null : .string(Bool.random(using: &random) ? "" : path + " -k powershell " + tail))
      numbers.append(.int(Int64.random(in: -99...99, using: &random)))
    }
    return Table(
      columnNames: ["NewProcessName", "CommandLine", "SubjectLogonId", "n"],
      columns: [
        Column(type: .string, cells: names), Column(type: .string, cells: lines),
        Column(type: .string, cells: names.map { _ in .string("0x3e7") }),
        Column(type: .int, cells: numbers),
      ])
  }

  /// `table`'s rows at `indices`, every string copied into contiguous storage.
  static func copiedGather(_ table: Table, _ indices: [Int]) -> Table {
    let columns = table.columns.map { column -> Column in
      guard case .string(let strings) = column.values else { return column.gather(indices) }
      let copied = RowGather.strings(strings, indices, sharing: false)
      return Column(.string(copied), validity: column.gather(indices).validity)
    }
    return Table(columnNames: table.columnNames, columns: columns)
  }

  static func strings(_ table: Table, _ name: String) throws -> StringStorage {
    guard case .string(let strings) = try table.column(name).values else {
      throw ColumnError.wrongType(name, found: .int, expected: "strings")
    }
    return strings
  }

  @Test(arguments: [0, 1, 2, 700])
  func sortedStringColumnsEqualACopiedGather(rows: Int) throws {
    let table = Self.events(rows: rows, seed: UInt64(rows) + 1)
    let keys = [SortKey("n"), SortKey("CommandLine", descending: true)]

    let sorted = try table.sorted(by: keys)

    let copied = Self.copiedGather(table, try table.sortOrder(by: keys))
    #expect(sorted == copied)
    for name in ["NewProcessName", "CommandLine"] {
      let shared = try Self.strings(sorted, name)
      let reference = try Self.strings(copied, name)
      #expect(reference.isContiguous)
      #expect(shared.bytes == reference.bytes)
      #expect(shared.offsets == reference.offsets)
      #expect((0..<rows).map { shared[$0] } == (0..<rows).map { reference[$0] })
      #expect((0..<rows).map { shared.byteCount($0) } == (0..<rows).map { reference.byteCount($0) })
    }
  }

  @Test func sortedStringColumnsShareTheirBytesAndOneListOfRows() throws {
    let table = Self.events(rows: 500, seed: 3)

    let sorted = try table.sorted(by: [SortKey("n")])

    let names = try Self.strings(sorted, "NewProcessName")
    let lines = try Self.strings(sorted, "CommandLine")
    #expect(!names.isContiguous && !lines.isContiguous)
    let address = { (rows: [Int]?) in
      rows?.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }
    #expect(address(names.selectedRows) == address(lines.selectedRows))

    let resorted = try sorted.sorted(by: [SortKey("CommandLine")])
    let names2 = try Self.strings(resorted, "NewProcessName")
    let lines2 = try Self.strings(resorted, "CommandLine")
    #expect(address(names2.selectedRows) == address(lines2.selectedRows))
    #expect(names2.sourceCount == 500, "composed with the first selection, not nested")
  }

  static let conditions: [Engine.Expression] = [
    .binary(.greater, .column("n"), .literal(.int(0))),
    .binary(.greater, .column("n"), .literal(.int(-90))),
    .binary(.contains, .column("CommandLine"), .literal(.string("POWERSHELL"))),
    .binary(.notContains, .column("CommandLine"), .literal(.string("exe -k"))),
    .binary(.equal, .column("NewProcessName"), .literal(.string(""))),
    .binary(.startsWith, .column("CommandLine"), .literal(.string(#"c:\"#))),
    .binary(.endsWith, .column("NewProcessName"), .literal(.string("EXE"))),
  ]

  @Test(arguments: conditions)
  func whereOnASortedTableEqualsWhereOnACopiedOne(condition expression: Engine.Expression) throws {
    let table = Self.events(rows: 900, seed: 5)
    let keys = [SortKey("NewProcessName"), SortKey("n", descending: true)]
    let sorted = try table.sorted(by: keys)
    let copied = Self.copiedGather(table, try table.sortOrder(by: keys))

    var onSorted = ExpressionEvaluator(table: sorted)
    var onCopied = ExpressionEvaluator(table: copied)
    let kept = try onSorted.matchingRows(expression)

    #expect(kept == (try onCopied.matchingRows(expression)))
    #expect(sorted.gather(kept) == copied.gather(kept))
  }

  @Test func gatheringFewRowsOfASelectionCopiesThem() throws {
    let table = Self.events(rows: 600, seed: 7)
    let sorted = try table.sorted(by: [SortKey("CommandLine")])

    let few = sorted.gather([5, 0, 599, 5])
    let many = sorted.gather(Array((0..<600).reversed()))

    let copied = Self.copiedGather(table, try table.sortOrder(by: [SortKey("CommandLine")]))
    #expect(few == copied.gather([5, 0, 599, 5]))
    #expect(try Self.strings(few, "CommandLine").isContiguous, "a few rows keep no large buffer")
    #expect(many == copied.gather(Array((0..<600).reversed())))
    #expect(try !Self.strings(many, "CommandLine").isContiguous)
  }

  @Test func extendGroupAndFeaturesOfASortedTableEqualThoseOfACopiedOne() throws {
    let table = Self.events(rows: 800, seed: 11)
    let keys = [SortKey("CommandLine", descending: true)]
    var sorted = try table.sorted(by: keys)
    var copied = Self.copiedGather(table, try table.sortOrder(by: keys))

    let extra = Column(type: .string, cells: (0..<800).map { .string("row \($0)") })
    sorted.setColumn("extra", extra)
    copied.setColumn("extra", extra)

    #expect(sorted == copied)
    #expect(
      try sorted.grouped(by: ["NewProcessName"], aggregations: [])
        == copied.grouped(by: ["NewProcessName"], aggregations: []))
    #expect(try sorted.distinct(["CommandLine"]) == copied.distinct(["CommandLine"]))
    #expect(try ProcessFeatures.add(to: sorted) == ProcessFeatures.add(to: copied))
    #expect(try sorted.sorted(by: [SortKey("extra")]) == copied.sorted(by: [SortKey("extra")]))
    let featured = try ProcessFeatures.add(to: sorted)
    for keep in [ClusterOptions.Keep.exemplars, .all] {
      let options = ClusterOptions(
        columns: ["pathScore", "commandlineTokensFull"], eps: 0.5, keep: keep)
      #expect(
        try Clusterer.cluster(featured, options: options)
          == Clusterer.cluster(try ProcessFeatures.add(to: copied), options: options))
    }
  }

  @Test func savedSortedTableReadsBackLikeTheCopiedOne() throws {
    let table = Self.events(rows: 400, seed: 13)
    let sorted = try table.sorted(by: [SortKey("NewProcessName")])
    let copied = Self.copiedGather(table, try table.sortOrder(by: [SortKey("NewProcessName")]))

    let bytes = TableWriter.csvBytes(sorted)

    #expect(bytes == TableWriter.csvBytes(copied))
    let reread = try loadCSV(String(decoding: bytes, as: UTF8.self)).table
    #expect(reread.rowCount == 400)
  }

  @Test func appendingToASelectionKeepsItsRowsAndMakesItContiguous() throws {
    let table = Self.events(rows: 300, seed: 17)
    let sorted = try table.sorted(by: [SortKey("n")])
    var strings = try Self.strings(sorted, "CommandLine")
    let before = (0..<300).map { strings[$0] }

    strings.append("last")

    #expect(strings.isContiguous)
    #expect((0..<301).map { strings[$0] } == before + ["last"])
    #expect(strings.compacted() == strings)
  }

  @Test func emptyTablesSortAndGatherToEmptyContiguousColumns() throws {
    let table = Self.events(rows: 0, seed: 1)

    let sorted = try table.sorted(by: [SortKey("CommandLine")])
    let none = Self.events(rows: 50, seed: 2).gather([])

    #expect(sorted.rowCount == 0 && none.rowCount == 0)
    #expect(try Self.strings(none, "CommandLine") == StringStorage())
    #expect(try Self.strings(none, "CommandLine").isContiguous)
    #expect(try table.topRows(5, by: [SortKey("n")]).isEmpty)
  }

  @Test func equalityComparesRowsNotStorage() throws {
    let strings = StringStorage(["b", "", "a", "é"])
    let selection = strings.gather([3, 2, 1, 0])

    #expect(!selection.isContiguous)
    #expect(selection == StringStorage(["é", "a", "", "b"]))
    #expect(selection != StringStorage(["é", "a", "b", ""]))
    #expect(selection != StringStorage(["é", "a", ""]))
  }
}
