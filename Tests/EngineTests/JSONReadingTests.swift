import Foundation
import Testing

@testable import Engine

/// Reads JSON text given as a Swift string, for tests.
func loadJSON(
  _ text: String, name: String = "test.jsonl", options: LoadOptions = .init()
) throws(LoadError) -> LoadedTable {
  try TableReader.read(bytes: Array(text.utf8), name: name, options: options)
}

@Suite("JSON reader: records, keys and types")
struct JSONReadingTests {
  @Test func keysBecomeColumnsInFirstSeenOrderAndAbsentKeysAreNull() throws {
    let text = """
      {"a": 1, "b": "x"}
      {"c": true, "a": 2}
      {"b": "y"}
      """
    let table = try loadJSON(text).table

    #expect(table.columnNames == ["a", "b", "c"])
    #expect(table.cells("a") == [.int(1), .int(2), .null])
    #expect(table.cells("b") == [.string("x"), .null, .string("y")])
    #expect(table.cells("c") == [.null, .bool(true), .null])
  }

  @Test(arguments: [
    (["1", "-2", "0"], ColumnType.int),
    (["1", "2.5"], .float),
    (["1e3", "2"], .float),
    (["9223372036854775808"], .float),
    (["-9214364837600034816"], .int),
    (["NaN", "Infinity", "-Infinity", "1"], .float),
  ])
  func numbersAreIntegersWhenWholeAndInRangeElseFloats(numbers: [String], type: ColumnType)
    throws
  {
    let text = numbers.map { "{\"n\": \($0)}" }.joined(separator: "\n")

    #expect(try loadJSON(text).table.column("n").type == type)
  }

  @Test func floatsKeepTheirValues() throws {
    let table = try loadJSON("{\"n\": 0.1}\n{\"n\": -2.5e-3}\n{\"n\": 7}").table

    #expect(table.cells("n") == [.float(0.1), .float(-0.0025), .float(7)])
  }

  @Test func stringsAreTypedLikeCSVFields() throws {
    let text = """
      {"iso": "2020-11-02T04:39:08.640Z", "spaced": "2020-11-02 04:39:11.158", \
      "logon": "0x3e7", "count": "12", "flag": "true"}
      """
    let table = try loadJSON(text).table

    #expect(try table.column("iso").type == .timestamp)
    #expect(try table.column("spaced").type == .timestamp)
    #expect(table.cells("logon") == [.string("0x3e7")])
    #expect(table.cells("count") == [.int(12)])
    #expect(table.cells("flag") == [.bool(true)])
    let expected = Timestamp.nanos(
      year: 2020, month: 11, day: 2, hour: 4, minute: 39, second: 8, nanosecond: 640_000_000)
    #expect(table.cells("iso") == [.timestamp(expected)])
  }

  @Test func aKeyMixingNumbersAndTextIsTextHoldingTheNumbersAsWritten() throws {
    let table = try loadJSON("{\"v\": 5}\n{\"v\": \"abc\"}\n{\"v\": 1.50}\n{\"v\": false}").table

    #expect(table.cells("v") == [.string("5"), .string("abc"), .string("1.50"), .string("false")])
  }

  @Test(arguments: [
    (#"\""#, "\""), (#"\\"#, "\\"), (#"\/"#, "/"), (#"\b"#, "\u{8}"), (#"\f"#, "\u{C}"),
    (#"\n"#, "\n"), (#"\r"#, "\r"), (#"\t"#, "\t"), (#"\u00e9"#, "é"), (#"\u20AC"#, "€"),
    (#"\ud83d\ude00"#, "😀"), (#"\u0000"#, "\u{0}"), (#"a\"b\\c\u0041"#, "a\"b\\cA"),
  ])
  func escapesAreDecoded(escaped: String, text: String) throws {
    let table = try loadJSON("{\"s\": \"x\(escaped)y\"}").table

    #expect(table.cells("s") == [.string("x\(text)y")])
  }

  @Test func escapedKeysAreDecoded() throws {
    let table = try loadJSON(#"{"caf\u00e9": 1, "a\"b": 2, "o\u0041": {"x\/y": 3, "z": 4}}"#)
      .table

    #expect(table.columnNames == ["café", "a\"b", "oA.x/y", "oA.z"])
    #expect(table.cells("oA.x/y") == [.int(3)])
  }

  @Test func aLoneSurrogateBecomesTheReplacementCharacterWithANotice() throws {
    let loaded = try loadJSON(#"{"s": "a\ud800b"}"#)

    #expect(loaded.table.cells("s") == [.string("a\u{FFFD}b")])
    #expect(loaded.notices.count == 1)
    #expect(loaded.notices.first?.contains("1 \\u escape of a lone surrogate") == true)
  }

  @Test func nestedObjectsSpreadOneLevelIntoDottedNames() throws {
    let text = """
      {"EventData": {"Image": "c.exe", "Pid": 4, "Deep": {"k": [1, {"z" : null}]}}, \
      "tags": ["a", "b"]}
      {"EventData": {"Pid": 8}, "tags": []}
      """
    let table = try loadJSON(text).table

    #expect(table.columnNames == ["EventData.Image", "EventData.Pid", "EventData.Deep", "tags"])
    #expect(table.cells("EventData.Pid") == [.int(4), .int(8)])
    #expect(table.cells("EventData.Deep") == [.string(#"{"k":[1,{"z":null}]}"#), .null])
    #expect(table.cells("tags") == [.string(#"["a","b"]"#), .string("[]")])
  }

  @Test func stringsInsideJSONTextKeepTheirEscapes() throws {
    let table = try loadJSON(#"{"a": ["x\"y", "\u00e9", "tab\there"]}"#).table

    #expect(table.cells("a") == [.string(#"["x\"y","\u00e9","tab\there"]"#)])
  }

  @Test func nullsAndEmptyStringsAreNullAndAnAllNullKeyIsText() throws {
    let table = try loadJSON("{\"a\": null, \"b\": \"\"}\n{\"a\": null, \"b\": 3}").table

    #expect(try table.column("a").type == .string)
    #expect(table.cells("a") == [.null, .null])
    #expect(table.cells("b") == [.null, .int(3)])
  }

  @Test func aRepeatedKeyKeepsItsLastValue() throws {
    #expect(try loadJSON(#"{"a": 1, "a": 2}"#).table.cells("a") == [.int(2)])
  }

  @Test func anEmptyKeyIsNamedByPositionWithANotice() throws {
    let loaded = try loadJSON(#"{"x": 1, "": 2}"#)

    #expect(loaded.table.columnNames == ["x", "Column2"])
    #expect(loaded.notices.count == 1)
  }

  @Test func anArrayOfObjectsReadsLikeJSONLines() throws {
    let array = """
      [
        {"a": 1, "b": {"c": "x"}},
        {"a": 2},
        {"b": {"c": "y"}, "d": [1, 2]}
      ]
      """
    let lines = """
      {"a": 1, "b": {"c": "x"}}
      {"a": 2}
      {"b": {"c": "y"}, "d": [1, 2]}
      """

    let fromArray = try loadJSON(array, name: "events.json").table
    #expect(fromArray == (try loadJSON(lines).table))
    #expect(fromArray.rowCount == 3)
  }

  @Test func prettyPrintedObjectsOneAfterAnotherAreRead() throws {
    let text = "{\n  \"a\": 1,\n  \"b\": \"x\"\n}\n{\n  \"a\": 2\n}\n"

    #expect(try loadJSON(text, name: "events.json").table.cells("a") == [.int(1), .int(2)])
  }

  @Test func anEmptyArrayGivesAnEmptyTable() throws {
    let table = try loadJSON(" [ ] \n", name: "none.json").table

    #expect(table.rowCount == 0)
    #expect(table.columnCount == 0)
  }

  @Test func byteOrderMarkCRLFAndBlankLinesAreSkipped() throws {
    let text = "\u{FEFF}{\"a\": 1}\r\n\r\n  \n{\"a\": 2}\r\n"

    #expect(try loadJSON(text).table.cells("a") == [.int(1), .int(2)])
  }

  @Test func objectsWithoutKeysAreRowsOfNulls() throws {
    let table = try loadJSON("{\"a\": 1}\n{}\n{\"a\": 3}").table

    #expect(table.cells("a") == [.int(1), .null, .int(3)])
  }

  @Test(arguments: [
    ("x.jsonl", LoadOptions.Format.jsonl), ("x.ndjson", .jsonl), ("x.JSON", .json),
    ("x.jsonl.gz", .jsonl), ("x.json.gz", .json), ("x.csv", .csv),
  ])
  func extensionsNameTheFormat(path: String, format: LoadOptions.Format) {
    #expect(LoadOptions.Format(path: path) == format)
  }

  @Test func theFormatOptionOverridesTheExtension() throws {
    let options = LoadOptions(format: .jsonl)
    let table = try loadJSON("{\"a\": 1}", name: "events.txt", options: options).table

    #expect(table.cells("a") == [.int(1)])
  }

  @Test func gzipJSONLinesReadLikeThePlainFile() throws {
    let text = (0..<2_000).map { "{\"n\": \($0), \"s\": \"row \($0)\"}" }.joined(separator: "\n")
    let plain = Array(text.utf8)
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("evs-json-\(UUID().uuidString).jsonl.gz").path
    try Data(try Gzip.compress(plain)).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }

    let loaded = try TableReader.read(path: path).table
    #expect(loaded == (try loadJSON(text).table))
    #expect(loaded.rowCount == 2_000)
  }
}
