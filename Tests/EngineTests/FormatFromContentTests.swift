import Engine
import Foundation
import Testing

/// With no format given and a name whose extension says nothing, the first character of
/// the text decides: `{` JSON lines, `[` a JSON array, anything else CSV.
@Suite struct FormatFromContentTests {
  private static let jsonLines = "\u{FEFF}\n  {\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":\"y\"}\n"
  private static let jsonArray = " [{\"a\":1,\"b\":\"x\"},{\"a\":2,\"b\":\"y\"}]"
  private static let csv = "a,b\n1,x\n2,y\n"

  /// Writes `text` (gzip-compressed when asked) to a fresh file called `name`.
  private static func file(_ name: String, _ text: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("evs-sniff-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test(arguments: [jsonLines, jsonArray, csv], ["events", "events.log", "stdin"])
  func unknownExtensionIsReadByItsFirstCharacter(text: String, name: String) throws {
    let path = try Self.file(name, text)
    defer {
      try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    let table = try TableReader.read(path: path).table
    let schema = try TableReader.readSchema(path: path)

    #expect(table.columnNames == ["a", "b"])
    #expect(table.row(1) == [.int(2), .string("y")])
    #expect(schema.columns.map(\.name) == ["a", "b"])
    #expect(schema.format == (text == Self.csv ? .csv : text == Self.jsonArray ? .json : .jsonl))
  }

  @Test func bytesWithoutAKnownNameAreReadByTheirFirstCharacter() throws {
    let table = try TableReader.read(bytes: Array(Self.jsonLines.utf8), name: "/dev/stdin").table

    #expect(table.columnNames == ["a", "b"])
    #expect(table.rowCount == 2)
  }

  @Test func extensionAndExplicitFormatStillWin() throws {
    let path = try Self.file("events.csv", Self.jsonLines)
    defer {
      try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    let byName = try TableReader.read(path: path).table
    let options = LoadOptions(format: .csv)

    #expect(byName.columnNames != ["a", "b"], "a .csv name is read as CSV")
    #expect(LoadOptions().settlingFormat(from: Array("{".utf8)[...], path: "x").format == .jsonl)
    #expect(options.settlingFormat(from: Array("{".utf8)[...], path: "x").format == .csv)
  }
}
