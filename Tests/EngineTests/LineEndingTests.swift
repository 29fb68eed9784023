import Foundation
import Testing

@testable import Engine

@Suite("Reading text whose records end at lone CRs")
struct LineEndingTests {
  private func temporaryFile(_ name: String, _ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("evs-cr-\(UUID().uuidString)-\(name)").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  private let oldMacText =
    "Computer,CommandLine,Pid\rhost1,\"cmd.exe /c\rsecond line\",4\r\rhost2,whoami,8\r"

  @Test func loneCarriageReturnsEndRecordsAndQuotedOnesStayData() throws {
    let loaded = try loadCSV(oldMacText)

    #expect(loaded.table.columnNames == ["Computer", "CommandLine", "Pid"])
    #expect(loaded.table.cells("Computer") == [.string("host1"), .string("host2")])
    #expect(loaded.table.cells("CommandLine").first == .string("cmd.exe /c\rsecond line"))
    #expect(loaded.table.cells("Pid") == [.int(4), .int(8)])
    #expect(loaded.notices.contains { $0.contains("lone CR") })
  }

  @Test func fileWithLoneCarriageReturnsReadsLikeItsLineFeedTwin() throws {
    var text = "Computer,CommandLine,Count\r"
    for row in 0..<3_000 {
      text += "host\(row % 7),\"cmd.exe /c \"\"job\rpart \(row)\"\"\",\(row)\r"
    }
    let path = try temporaryFile("mac.csv", text)
    defer { try? FileManager.default.removeItem(atPath: path) }

    let loaded = try TableReader.read(
      path: path, options: LoadOptions(), progress: nil, segmentLength: 4096)
    #expect(loaded.table.rowCount == 3_000)
    #expect(loaded.table.cells("CommandLine").last == .string("cmd.exe /c \"job\rpart 2999\""))
    #expect(loaded.table.cells("Count").last == .int(2_999))
  }

  @Test(arguments: [false, true])
  func errorsNameThePhysicalLineOfALoneCarriageReturnFile(fromFile: Bool) throws {
    let text = "a,b\r1,\"x\ry\"\r2,3,4\r"
    let expected = LoadError.raggedRow(path: "ragged.csv", line: 4, fields: 3, expected: 2)
    guard fromFile else {
      #expect(throws: expected) { try loadCSV(text, name: "ragged.csv") }
      return
    }
    let path = try temporaryFile("ragged.csv", text)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(
      throws: LoadError.raggedRow(path: path, line: 4, fields: 3, expected: 2)
    ) { try TableReader.read(path: path) }
  }

  @Test func loneCarriageReturnInAQuotedFieldOfALineFeedFileCountsAsALine() throws {
    let text = "a,b\n1,\"x\ry\"\n2,3,4\n"

    #expect(
      loadError(text, name: "q.csv") == .raggedRow(path: "q.csv", line: 4, fields: 3, expected: 2))
    #expect(try loadCSV("a,b\n1,\"x\ry\"\n").table.cells("b") == [.string("x\ry")])
  }

  @Test func schemaOfALoneCarriageReturnFileHasItsColumns() throws {
    var text = "Computer,Count\r"
    for row in 0..<20_000 { text += "host\(row % 5),\(row)\r" }
    let path = try temporaryFile("mac-schema.csv", text)
    defer { try? FileManager.default.removeItem(atPath: path) }

    let schema = try TableReader.readSchema(path: path)
    #expect(schema.columns.map(\.name) == ["Computer", "Count"])
    #expect(schema.columns.map(\.type) == [.string, .int])
    #expect(!schema.isWholeFile)
  }

  @Test func jsonErrorOnALoneCarriageReturnLineHasItsLineAndColumn() {
    let text = "{\"a\": 1}\r{\"a\": 2}\r{\"a\" 3}\r"

    #expect(throws: LoadError.self) { try loadCSV(text, name: "x.jsonl") }
    #expect(loadError(text, name: "x.jsonl")?.description.hasPrefix("x.jsonl:3:6:") == true)
  }
}
