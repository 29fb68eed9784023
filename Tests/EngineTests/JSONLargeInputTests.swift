import Foundation
import Testing

@testable import Engine

/// Inputs past the size where JSON lines are scanned in parallel chunks, and seeded random
/// records written by Foundation's own encoder.
@Suite("JSON reader: large and random input")
struct JSONLargeInputTests {
  /// `count` records over a changing set of keys, as one line each.
  private static func records(_ count: Int) -> [String] {
    (0..<count).map { row in
      var fields = ["\"id\": \(row)", "\"name\": \"proc \(row % 17)\\\\x.exe\""]
      if row % 3 == 0 { fields.append("\"EventData\": {\"Pid\": \(row * 2), \"Tag\": \"t\"}") }
      if row % 1_000 == 999 { fields.append("\"late\": \(Double(row) / 4)") }
      return "{" + fields.joined(separator: ", ") + "}"
    }
  }

  @Test func linesScannedInParallelGiveTheTableAnArrayGivesInOrder() throws {
    let records = Self.records(40_000)
    let lines = records.joined(separator: "\n")
    #expect(lines.utf8.count > JSONParser.parallelThreshold)

    let fromLines = try loadJSON(lines).table
    let fromArray = try loadJSON("[" + records.joined(separator: ",\n") + "]", name: "a.json")
      .table

    #expect(fromLines == fromArray)
    #expect(fromLines.rowCount == 40_000)
    #expect(fromLines.columnNames == ["id", "name", "EventData.Pid", "EventData.Tag", "late"])
    #expect(try fromLines.column("late").type == .float)
    #expect(try fromLines.column("late").nullCount == 40_000 - 40)
    #expect(fromLines.cells("id").last == .int(39_999))
  }

  @Test func prettyPrintedRecordsInALargeInputAreReadWhole() throws {
    let records = Self.records(30_000)
    let pretty = records.map { $0.replacingOccurrences(of: ", ", with: ",\n  ") }
      .joined(separator: "\n")
    #expect(pretty.utf8.count > JSONParser.parallelThreshold)

    let table = try loadJSON(pretty).table

    #expect(table == (try loadJSON(records.joined(separator: "\n")).table))
  }

  @Test func anErrorLateInALargeInputNamesItsLine() {
    var records = Self.records(50_000)
    records[49_000] = "{\"id\": 1, \"name\" \"x\"}"

    #expect(
      throws: LoadError.malformedJSON(
        path: "test.jsonl", line: 49_001, column: 18, expected: "':' after the key",
        found: "'\"'")
    ) {
      try loadJSON(records.joined(separator: "\n"))
    }
  }

  /// A string that starts with a letter (so the column stays text) and holds the
  /// characters JSON must escape, and some it may.
  private func randomText(_ random: inout SeededGenerator) -> String {
    let pieces = [
      "x", "yz", "\"", "\\", "/", "\n", "\r", "\t", "\u{1}", "\u{1F}", " ", "é", "€", "😀",
      "\u{FEFF}", "{", "}", "[", ",", ":",
    ]
    var text = ["a", "b", "c"].randomElement(using: &random) ?? "a"
    for _ in 0..<Int.random(in: 0..<10, using: &random) {
      text += pieces.randomElement(using: &random) ?? ""
    }
    return text
  }

  @Test(arguments: [1 as UInt64, 2, 3])
  func randomRecordsWrittenByFoundationReadBackEqual(seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    let keys = ["k0", "k1", "k2", "k3", "k4", "k5"]
    var expected: [[String: String]] = []
    var lines: [String] = []
    for _ in 0..<300 {
      var record: [String: String] = [:]
      for key in keys where Bool.random(using: &random) {
        record[key] = randomText(&random)
      }
      expected.append(record)
      let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
      lines.append(String(decoding: data, as: UTF8.self))
    }

    let table = try loadJSON(lines.joined(separator: "\n")).table

    #expect(table.rowCount == 300)
    for key in table.columnNames {
      let cells = table.cells(key)
      for (row, record) in expected.enumerated() {
        #expect(cells[row] == (record[key].map { Value.string($0) } ?? .null), "\(key) \(row)")
      }
    }
  }
}
