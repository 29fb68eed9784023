import Foundation
import TestSupport
import Testing

@testable import Engine

@Suite("Inputs that are not UTF-8 text")
struct NonTextInputTests {
  private func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
    try TemporaryFile.write(bytes, suffix: "-nontext-\(name)")
  }

  private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    let mark: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    return mark
      + text.utf16.flatMap { unit in
        let high = UInt8(unit >> 8)
        let low = UInt8(unit & 0xFF)
        return bigEndian ? [high, low] : [low, high]
      }
  }

  /// How each way of reading a file is asked for: a whole load, or the schema read that runs
  /// before a script.
  enum Reading: CaseIterable {
    case load, schema

    func run(_ path: String, format: LoadOptions.Format) throws {
      let options = LoadOptions(format: format)
      switch self {
      case .load: _ = try TableReader.read(path: path, options: options)
      case .schema: _ = try TableReader.readSchema(path: path, options: options)
      }
    }
  }

  @Test(arguments: [false, true])
  func utf16WithAByteOrderMarkReadsLikeUTF8(bigEndian: Bool) throws {
    let text = "Computer,CommandLine\r\nhôst,\"cmd 😀\"\r\nb,\"x\ny\"\r\n"
    let path = try temporaryFile("wide.csv", utf16(text, bigEndian: bigEndian))
    defer { try? FileManager.default.removeItem(atPath: path) }

    let loaded = try TableReader.read(path: path)
    let expected = try loadCSV(text).table
    #expect(loaded.table == expected)
    #expect(loaded.table.columnNames == ["Computer", "CommandLine"])
    #expect(loaded.notices.contains { $0.contains("UTF-16") })
    let schema = try TableReader.readSchema(path: path)
    #expect(schema.columns.map(\.name) == ["Computer", "CommandLine"])
  }

  @Test func utf16JSONLinesAndCompressedUTF16AreRead() throws {
    let json = try temporaryFile("wide.jsonl", utf16("{\"a\": 1}\n{\"a\": 2}\n", bigEndian: false))
    let packed = try temporaryFile(
      "wide.csv.gz", try Gzip.compress(utf16("a,b\n1,2\n", bigEndian: true)))
    defer {
      try? FileManager.default.removeItem(atPath: json)
      try? FileManager.default.removeItem(atPath: packed)
    }

    #expect(try TableReader.read(path: json).table.cells("a") == [.int(1), .int(2)])
    #expect(try TableReader.read(path: packed).table.cells("b") == [.int(2)])
  }

  @Test(arguments: Reading.allCases, [LoadOptions.Format.csv, .jsonl])
  func zipArchiveIsRefusedWithAdviceToUnzip(reading: Reading, format: LoadOptions.Format) throws {
    let archive: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0] + Array("a,b".utf8)
    let path = try temporaryFile("events.csv", archive)
    defer { try? FileManager.default.removeItem(atPath: path) }

    #expect(throws: LoadError.zipArchive(path: path)) { try reading.run(path, format: format) }
    #expect(LoadError.zipArchive(path: path).description.contains("unzip it first"))
  }

  @Test(arguments: Reading.allCases, [LoadOptions.Format.csv, .json])
  func binaryDataIsRefusedAsNotText(reading: Reading, format: LoadOptions.Format) throws {
    let bytes: [UInt8] = Array("MZ".utf8) + [0x90, 0, 3, 0, 0, 0, 4, 0] + Array("\n,,\n".utf8)
    let path = try temporaryFile("events.bin", bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }

    #expect(throws: LoadError.notText(path: path, offset: 3)) {
      try reading.run(path, format: format)
    }
    #expect(
      LoadError.notText(path: path, offset: 3).description.contains("does not look like text"))
  }

  @Test func utf16WithoutAByteOrderMarkIsRefusedWithAdviceToConvert() {
    let bytes = Array(utf16("a,b\n1,2\n", bigEndian: false).dropFirst(2))

    #expect(throws: LoadError.notText(path: "w.csv", offset: 1)) {
      try TableReader.read(bytes: bytes, name: "w.csv")
    }
    #expect(LoadError.notText(path: "w.csv", offset: 1).description.contains("UTF-8"))
  }

  @Test func nulFarIntoTheTextIsData() throws {
    let text = "a,b\n" + String(repeating: "x,y\n", count: 2_000) + "p,q\u{0}r\n"

    #expect(try loadCSV(text).table.cells("b").last == .string("q\u{0}r"))
  }
}
