import Foundation
import TestSupport
import Testing

@testable import Engine

@Suite("Reading a file's schema from its first bytes")
struct TableReaderSchemaTests {
  private func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
    try TemporaryFile.write(bytes, suffix: "-schema-\(name)")
  }

  /// A file of `rows` events whose `Late` column is empty at first, numbers later on.
  private func events(rows: Int) -> String {
    var text = "TimeGenerated,CommandLine,Count,Late\n"
    for row in 0..<rows {
      let late = row < rows / 2 ? "" : "\(row)"
      text +=
        "2019-01-15 05:24:\(10 + row % 50),\"cmd.exe /c \"\"job, \(row)\"\"\",\(row),\(late)\n"
    }
    return text
  }

  @Test func smallFileGivesTheTypesOfAFullLoad() throws {
    let path = try temporaryFile("small.csv", Array(events(rows: 10).utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }

    let schema = try TableReader.readSchema(path: path)
    let full = try TableReader.read(path: path).table
    #expect(schema.isWholeFile)
    #expect(schema.sampledRows == 10)
    #expect(schema.columns.map(\.name) == full.columnNames)
    #expect(schema.columns.map(\.type) == full.columns.map { Optional($0.type) })
  }

  @Test func largeFileIsSampledAndEmptyColumnsHaveNoType() throws {
    let text = events(rows: 20_000)
    let path = try temporaryFile("large.csv", Array(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }

    let schema = try TableReader.readSchema(path: path, sampleBytes: 4 << 10)
    #expect(!schema.isWholeFile)
    #expect(schema.sampledRows > 10)
    #expect(schema.sampledRows < 200)
    #expect(schema.columns.map(\.name) == ["TimeGenerated", "CommandLine", "Count", "Late"])
    #expect(schema.columns.map(\.type) == [.timestamp, .string, .int, nil])
  }

  @Test func pipeGivesItsSchemaAndThenItsRowsToTheLoad() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("evs-schema-\(UUID().uuidString).pipe").path
    #expect(mkfifo(path, 0o600) == 0)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let text = events(rows: 30)
    let writer = Thread {
      let descriptor = open(path, O_WRONLY)
      guard descriptor >= 0 else { return }
      _ = Array(text.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      close(descriptor)
    }
    writer.start()

    let schema = try TableReader.readSchema(path: path)
    let table = try TableReader.read(path: path).table
    #expect(schema.columns.map(\.name) == ["TimeGenerated", "CommandLine", "Count", "Late"])
    #expect(table.rowCount == 30)
    #expect(table.columns.map { Optional($0.type) } == schema.columns.map(\.type))
  }

  @Test func compressedFileIsInflatedOnlyAsFarAsTheSample() throws {
    let plain = Array(events(rows: 20_000).utf8)
    let path = try temporaryFile("large.csv.gz", try Gzip.compress(plain))
    defer { try? FileManager.default.removeItem(atPath: path) }

    let schema = try TableReader.readSchema(path: path, sampleBytes: 4 << 10)
    #expect(!schema.isWholeFile)
    #expect(schema.columns.map(\.name) == ["TimeGenerated", "CommandLine", "Count", "Late"])
    #expect(schema.columns[2].type == .int)
  }

  @Test func headerLongerThanTheSampleIsStillReadWhole() throws {
    let names = (0..<600).map { "Column_number_\($0)" }
    let text = names.joined(separator: ",") + "\n" + names.map { _ in "1" }.joined(separator: ",")
    let path = try temporaryFile("wide.csv", Array((text + "\n").utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }

    let schema = try TableReader.readSchema(path: path, sampleBytes: 1 << 10)
    #expect(schema.columns.map(\.name) == names)
  }

  @Test func missingFileIsNamed() {
    #expect(throws: LoadError.fileNotFound(path: "/no/such/events.csv")) {
      try TableReader.readSchema(path: "/no/such/events.csv")
    }
  }
}
