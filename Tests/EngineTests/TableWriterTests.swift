import Engine
import Foundation
import Testing

@Suite("CSV writer")
struct TableWriterTests {
  /// A fresh empty folder for one test.
  private func scratchFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("evs-writer-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  private func sampleTable() -> Table {
    Table(
      columnNames: ["Name", "Count", "Ratio", "Seen", "When"],
      columns: [
        Column(.string(StringStorage(["plain", "a,b", "say \"hi\"", "two\nlines", ""]))),
        Column(type: .int, cells: [.int(1), .int(-2), .null, .int(4), .int(5)]),
        Column(type: .float, cells: [.float(0.5), .float(1), .float(-3.25), .null, .float(1e20)]),
        Column(type: .bool, cells: [.bool(true), .bool(false), .null, .bool(true), .bool(false)]),
        Column(
          type: .timestamp,
          cells: [
            .timestamp(
              Timestamp.nanos(year: 2019, month: 1, day: 15, hour: 5, nanosecond: 10_000_000)),
            .null, .null, .null, .timestamp(0),
          ]),
      ])
  }

  @Test func fieldsAreQuotedOnlyWhenNeeded() {
    let text = String(decoding: TableWriter.csvBytes(sampleTable()), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)

    #expect(lines[0] == "Name,Count,Ratio,Seen,When")
    #expect(lines[1] == "plain,1,0.5,true,2019-01-15 05:00:00.010")
    #expect(lines[2] == "\"a,b\",-2,1.0,false,")
    #expect(lines[3] == "\"say \"\"hi\"\"\",,-3.25,,")
    #expect(lines[4] == "\"two")
    #expect(text.hasSuffix(",5,1e+20,false,1970-01-01 00:00:00.000\n"), "one precision per column")
  }

  @Test func writtenFileReadsBackToTheSameTable() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/out.csv"
    let original = sampleTable()

    try TableWriter.writeCSV(original, to: path)
    let reread = try TableReader.read(path: path).table

    #expect(reread.columnNames == original.columnNames)
    #expect(reread.schema.map(\.type) == original.schema.map(\.type))
    for row in 0..<original.rowCount {
      var expected = original.row(row)
      if expected[0] == .string("") { expected[0] = .null }
      #expect(reread.row(row) == expected, "row \(row)")
    }
  }

  @Test func nullsInAOneColumnTableSurviveTheRoundTrip() throws {
    let table = Table(
      columnNames: ["Only"], columns: [Column(type: .string, cells: [.string("a"), .null])])

    let text = String(decoding: TableWriter.csvBytes(table), as: UTF8.self)
    let reread = try loadCSV(text).table

    #expect(text == "Only\na\n\"\"\n")
    #expect(reread.cells("Only") == [.string("a"), .null])
  }

  @Test func existingFileIsReplacedAndNoTemporaryFileRemains() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/out.csv"
    try Data("old contents\n".utf8).write(to: URL(fileURLWithPath: path))

    try TableWriter.writeCSV(sampleTable(), to: path)

    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
    #expect(try TableReader.read(path: path).table.rowCount == 5)
  }

  @Test func missingFolderIsReportedAndNothingIsCreated() {
    let path = "no-such-folder-\(UUID().uuidString)/out.csv"

    #expect(throws: WriteError.cannotCreate(path: path, reason: "no such file or directory")) {
      try TableWriter.writeCSV(sampleTable(), to: path)
    }
  }

  @Test func folderInTheWayLeavesNoTemporaryFile() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/taken"
    try FileManager.default.createDirectory(
      atPath: path + "/inner", withIntermediateDirectories: true)

    #expect(throws: WriteError.self) {
      try TableWriter.writeCSV(sampleTable(), to: path)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["taken"])
  }

  @Test func tabDelimiterWritesTSV() {
    let table = Table(
      columnNames: ["a", "b"],
      columns: [
        Column(.string(StringStorage(["x\ty", "z"]))),
        Column(type: .int, cells: [.int(1), .int(2)]),
      ])

    let text = String(decoding: TableWriter.csvBytes(table, delimiter: 9), as: UTF8.self)

    #expect(text == "a\tb\n\"x\ty\"\t1\nz\t2\n")
  }
}
