import Foundation
import TestSupport
import Testing

@testable import Engine

/// Reading in segments (a stretch of the input at a time) gives the same table as reading
/// the input in one piece, whatever the segment length and wherever the records fall.
@Suite("CSV reader: segments")
struct CSVSegmentedReadingTests {
  /// Longer than any test input, so that it is read as one segment.
  static let whole = 1 << 30

  private func read(_ text: String, segment: Int) throws(LoadError) -> LoadedTable {
    try TableReader.read(
      bytes: Array(text.utf8), name: "test.csv", options: LoadOptions(), progress: nil,
      segmentLength: segment)
  }

  private func error(_ text: String, segment: Int) -> LoadError? {
    do {
      _ = try read(text, segment: segment)
      return nil
    } catch {
      return error
    }
  }

  /// Records of every awkward kind, drawn with a fixed seed: quoted fields with
  /// delimiters, doubled quotes and line breaks, CRLF ends, blank lines, empty fields,
  /// stray quotes inside unquoted fields.
  static func awkwardText(rows: Int) -> String {
    var generator = SeededGenerator(seed: 7)
    var text = "id,name,when,score,note\r\n"
    for row in 0..<rows {
      let name: String
      switch Int.random(in: 0..<6, using: &generator) {
      case 0: name = "\"quoted, with comma \(row)\""
      case 1: name = "\"two\nlines \(row)\""
      case 2: name = "\"say \"\"hi\"\" \(row)\""
      case 3: name = ""
      case 4: name = "stray\"quote\(row)"
      default: name = "plain\(row)"
      }
      let when = "2019-01-15 0\(row % 10):0\(row % 6):1\(row % 10).\(100 + row % 900)"
      let score = row % 13 == 0 ? "" : "\(Double(row) / 8)"
      let note = String(repeating: "n", count: Int.random(in: 0..<40, using: &generator))
      text += "\(row),\(name),\(when),\(score),\(note)"
      text += row % 3 == 0 ? "\r\n" : "\n"
      if row % 97 == 0 { text += "\n" }
    }
    return text
  }

  @Test(arguments: [64, 200, 1000, 4096, 65536])
  func segmentsGiveTheSameTableAsOnePiece(segment: Int) throws {
    let text = Self.awkwardText(rows: 3000)
    let expected = try read(text, segment: Self.whole)

    let segmented = try read(text, segment: segment)

    #expect(segmented.table.rowCount == 3000)
    #expect(segmented.table == expected.table)
    #expect(segmented.notices == expected.notices)
  }

  @Test func columnTypedEarlyAndTextLateKeepsTheEarlyFieldsAsWritten() throws {
    var text = "id,pid\n"
    for row in 0..<2000 { text += "\(row),00\(row)\n" }
    text += "2000,not a number\n"

    let table = try read(text, segment: 256).table

    let pids = table.cells("pid")
    #expect(try table.column("pid").type == .string)
    #expect(pids.first == .string("000"))
    #expect(pids[1999] == .string("001999"))
    #expect(pids.last == .string("not a number"))
    #expect(try table.column("id").type == .int)
  }

  @Test func columnOfBooleansThenNumbersInLaterSegmentsIsText() throws {
    var text = "flag\n"
    for _ in 0..<500 { text += "true\n" }
    for row in 0..<500 { text += "\(row)\n" }

    let table = try read(text, segment: 128).table

    #expect(try table.column("flag").type == .string)
    #expect(table.cells("flag").first == .string("true"))
    #expect(table.cells("flag").last == .string("499"))
  }

  @Test func columnWithoutValuesIsAllNulls() throws {
    var text = "a,empty\n"
    for row in 0..<1000 { text += "\(row),\n" }

    let table = try read(text, segment: 100).table

    let empty = try table.column("empty")
    #expect(empty.count == 1000)
    #expect(empty.nullCount == 1000)
  }

  @Test func recordLongerThanASegmentIsRead() throws {
    let long = String(repeating: "x,\"\n", count: 3000)
    let text = "a,b\n1,short\n2,\"\(long.replacingOccurrences(of: "\"", with: "\"\""))\"\n3,end\n"

    let table = try read(text, segment: 256).table

    #expect(table.cells("a") == [.int(1), .int(2), .int(3)])
    #expect(table.cells("b")[1] == .string(long))
  }

  @Test(arguments: [100, 1000, 10_000])
  func raggedRecordLateInTheInputIsReportedAtItsLine(segment: Int) {
    var text = "a,b\n"
    for row in 0..<5000 { text += "\(row),\"v\n\(row)\"\n" }
    text += "1,2,3\n"

    #expect(
      error(text, segment: segment)
        == .raggedRow(path: "test.csv", line: 10_002, fields: 3, expected: 2))
  }

  @Test(arguments: [100, 1000])
  func quoteOpenedNearTheEndIsReportedAtItsLine(segment: Int) {
    var text = "a,b\n"
    for row in 0..<3000 { text += "\(row),v\(row)\n" }
    text += "1,\"never closed\n2,x\n"

    #expect(
      error(text, segment: segment) == .unterminatedQuote(path: "test.csv", line: 3002))
  }

  @Test func fileReadInSegmentsMatchesItsBytesReadAtOnce() throws {
    let text = Self.awkwardText(rows: 2000)
    let path = try TemporaryFile.write(Array(text.utf8), suffix: ".csv")
    defer { TemporaryFile.remove(path) }

    let fromFile = try TableReader.read(
      path: path, options: LoadOptions(), progress: nil, segmentLength: 512)
    let fromBytes = try read(text, segment: Self.whole)

    #expect(fromFile.table == fromBytes.table)
  }

  @Test func invalidUTF8LateInAFileIsRepairedWithANotice() throws {
    var bytes = Array("a,b\n".utf8)
    for row in 0..<2000 { bytes += Array("\(row),text\(row)\n".utf8) }
    bytes += [UInt8(ascii: "9"), UInt8(ascii: ","), 0xFF, UInt8(ascii: "\n")]
    let path = try TemporaryFile.write(bytes, suffix: ".csv")
    defer { TemporaryFile.remove(path) }

    let loaded = try TableReader.read(
      path: path, options: LoadOptions(), progress: nil, segmentLength: 256)

    #expect(loaded.table.rowCount == 2001)
    #expect(loaded.table.cells("b").last == .string("\u{FFFD}"))
    #expect(loaded.notices.first?.hasPrefix("replaced 1 invalid UTF-8 sequence") == true)
  }

  @Test func progressRisesToTheWholeInputWithEveryRow() throws {
    let text = Self.awkwardText(rows: 2000)
    let reporter = RecordingReporter()

    _ = try TableReader.read(
      bytes: Array(text.utf8), name: "test.csv", options: LoadOptions(), progress: reporter,
      segmentLength: 1000)

    let reports = reporter.reports
    #expect(reports.count > 10)
    #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.fraction <= $1.fraction })
    #expect(reports.last?.fraction == 1)
    #expect(reports.last?.rows == 2000)
    #expect(reports.allSatisfy { $0.task == "load" })
  }
}

/// Keeps every progress report, for tests.
final class RecordingReporter: ProgressReporter, @unchecked Sendable {
  private let lock = NSLock()
  private var kept: [WorkProgress] = []

  var reports: [WorkProgress] {
    lock.withLock { kept }
  }

  func report(_ progress: WorkProgress) {
    lock.withLock { kept.append(progress) }
  }
}
