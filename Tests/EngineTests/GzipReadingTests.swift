import Foundation
import TestSupport
import Testing

@testable import Engine

@Suite("Reading gzip-compressed files")
struct GzipReadingTests {
  private func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
    try TemporaryFile.write(bytes, suffix: "-gzip-\(name)")
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

@Suite("Inputs that would inflate past the memory available")
struct InflateLimitTests {
  private func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
    try TemporaryFile.write(bytes, suffix: "-bomb-\(name)")
  }

  /// A small gzip file of a header and `rows` identical rows.
  private func bomb(rows: Int) throws -> [UInt8] {
    try Gzip.compress(Array(("a,b\n" + String(repeating: "1,2\n", count: rows)).utf8))
  }

  @Test(arguments: [LoadOptions.Format.csv, .jsonl])
  func gzipBombStopsAtTheLimitWithAMessageSayingWhatToDo(format: LoadOptions.Format) throws {
    let compressed = try bomb(rows: 1 << 20)
    #expect(compressed.count < 64 << 10)
    let path = try temporaryFile("bomb.csv.gz", compressed)
    defer { try? FileManager.default.removeItem(atPath: path) }

    let expected = LoadError.tooLargeForMemory(path: path, limit: 1 << 20, compressed: true)
    #expect(throws: expected) {
      try TableReader.read(
        path: path, options: LoadOptions(format: format), progress: nil, segmentLength: nil,
        inflateLimit: 1 << 20)
    }
    #expect(expected.description.contains("more than 1.0 MiB"))
    #expect(expected.description.contains("unpack it by hand"))
  }

  @Test func textOfExactlyTheLimitStillInflates() throws {
    let text = Array(("a,b\n" + String(repeating: "1,2\n", count: 1000)).utf8)
    let compressed = try Gzip.compress(text)

    #expect(try Gzip.decompress(compressed, limit: text.count) == text)
    #expect(throws: Gzip.Failure.tooLarge(limit: text.count - 1)) {
      try Gzip.decompress(compressed, limit: text.count - 1)
    }
  }

  @Test func endlessDeviceStopsAtTheLimit() throws {
    let descriptor = open("/dev/zero", O_RDONLY)
    try #require(descriptor >= 0)
    defer { close(descriptor) }

    #expect(
      throws: LoadError.tooLargeForMemory(path: "/dev/zero", limit: 4 << 20, compressed: false)
    ) {
      try FileContents.readStream(descriptor, path: "/dev/zero", limit: 4 << 20)
    }
  }

  @Test func memoryBudgetIsAtLeastSixtyFourMebibytes() {
    #expect(MemoryBudget.textLimit >= 64 << 20)
  }
}
