import Foundation
import Testing

@testable import Engine

@Suite("Reading gzip-compressed files")
struct GzipReadingTests {
  private func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("evs-gzip-\(UUID().uuidString)-\(name)").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func compressedFileReadsLikeThePlainOne() throws {
    var text = "TimeGenerated,CommandLine\n"
    for row in 0..<5_000 {
      text += "2019-01-15 05:24:\(row % 60),\"cmd.exe /c \"\"job \(row)\"\"\"\n"
    }
    let plain = Array(text.utf8)
    let path = try temporaryFile("events.csv.gz", try Gzip.compress(plain))
    defer { try? FileManager.default.removeItem(atPath: path) }

    let loaded = try TableReader.read(path: path)
    let expected = try TableReader.read(bytes: plain, name: "events.csv")

    #expect(loaded.table == expected.table)
    #expect(loaded.table.rowCount == 5_000)
  }

  @Test func severalGzipMembersFollowOneAnother() throws {
    let first = try Gzip.compress(Array("a,b\n1,2\n".utf8))
    let second = try Gzip.compress(Array("3,4\n".utf8))
    let path = try temporaryFile("joined.csv.gz", first + second)
    defer { try? FileManager.default.removeItem(atPath: path) }

    #expect(try TableReader.read(path: path).table.cells("b") == [.int(2), .int(4)])
  }

  @Test func cutShortDataIsReportedAsDamaged() throws {
    let whole = try Gzip.compress(Array(String(repeating: "a,b\n1,2\n", count: 500).utf8))
    let path = try temporaryFile("cut.csv.gz", Array(whole.prefix(whole.count / 2)))
    defer { try? FileManager.default.removeItem(atPath: path) }

    #expect(throws: LoadError.corruptCompression(path: path, reason: "the data ends early")) {
      try TableReader.read(path: path)
    }
  }

  @Test func garbageAfterTheMagicNumberIsReportedAsDamaged() throws {
    let path = try temporaryFile("bad.csv.gz", [0x1F, 0x8B, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    defer { try? FileManager.default.removeItem(atPath: path) }

    #expect(throws: LoadError.self) {
      try TableReader.read(path: path)
    }
  }
}
