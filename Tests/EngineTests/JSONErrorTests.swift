import Testing

@testable import Engine

@Suite("JSON reader: errors")
struct JSONErrorTests {
  /// The load error `text` gives as JSON lines, or `nil` when it loads.
  private func loadError(_ text: String, name: String = "e.jsonl") -> LoadError? {
    do {
      _ = try loadJSON(text, name: name)
      return nil
    } catch {
      return error
    }
  }

  @Test(arguments: [
    (#"{"a": 1,}"#, 1, 9, "a key in double quotes", "'}'"),
    (#"{"a" 1}"#, 1, 6, "':' after the key", "'1'"),
    (#"{"a": 1 "b": 2}"#, 1, 9, "',' or '}' after the value", "'\"'"),
    (#"{"a": tru}"#, 1, 7, "true, false or null", "'t'"),
    (#"{"a": nul"#, 1, 7, "true, false or null", "'n'"),
    (#"{"a": "x"#, 1, 9, "a closing '\"' before the end of the line", "the end of the file"),
    ("{\"a\": \"x\n\"}", 1, 9, "a closing '\"' before the end of the line", "the end of the line"),
    (
      #"{"a": "\x"}"#, 1, 9, "an escape such as \\n, \\\", \\\\ or \\u00e9 after the backslash",
      "'x'"
    ),
    (#"{"a": "\u12G4"}"#, 1, 12, "four hex digits after \\u", "'G'"),
    (#"{"a": -}"#, 1, 8, "a digit", "'}'"),
    (#"{"a": 1.}"#, 1, 9, "a digit", "'}'"),
    (#"{"a": 1e+}"#, 1, 10, "a digit", "'}'"),
    (#"{"a": 01}"#, 1, 8, "',' or '}' after the value", "'1'"),
    (#"{"a": [1, 2}"#, 1, 12, "',' or ']' after the value", "'}'"),
    (
      #"{"a": {"b": @}}"#, 1, 13, "a value (a string, number, object, array, true, false or null)",
      "'@'"
    ),
    ("{\"a\": 1}\n{\"b\": 2}}", 2, 9, "a JSON object starting with '{'", "'}'"),
    (#"[{"a": 1} {"a": 2}]"#, 1, 11, "',' or ']' after the value", "'{'"),
    (#"[{"a": 1}] x"#, 1, 12, "nothing after the closing ']'", "'x'"),
    (#"[{"a": 1},"#, 1, 11, "a JSON object starting with '{'", "the end of the file"),
    ("{\"é\": \"ü\" x}", 1, 11, "',' or '}' after the value", "'x'"),
    (
      "{\"a\": \"\u{1}\" \u{7}}", 1, 11, "',' or '}' after the value",
      "a control character (U+0007)"
    ),
  ])
  func malformedJSONNamesLineColumnAndWhatWasExpected(
    text: String, line: Int, column: Int, expected: String, found: String
  ) {
    #expect(
      loadError(text)
        == .malformedJSON(
          path: "e.jsonl", line: line, column: column, expected: expected, found: found))
  }

  @Test(arguments: [
    ("{\"a\": 1}\n[1, 2]\n", 2, "an array"),
    ("\"text\"\n", 1, "a string"),
    ("{\"a\": 1}\n\n42\n", 3, "a number"),
    ("true", 1, "a boolean"),
    ("[null]", 1, "null"),
  ])
  func aRecordThatIsNotAnObjectIsNamed(text: String, line: Int, found: String) {
    #expect(loadError(text) == .notAnObject(path: "e.jsonl", line: line, found: found))
  }

  @Test func nestingDeeperThanTheLimitIsRefused() {
    let depth = 300
    let text =
      "{\"a\": " + String(repeating: "[", count: depth)
      + String(repeating: "]", count: depth) + "}"

    guard case .malformedJSON(_, _, _, let expected, _) = loadError(text) else {
      Issue.record("expected malformed JSON")
      return
    }
    #expect(expected.contains("at most 256"))
  }

  @Test func recordsKeyedByValuesAreRefusedPastTheKeyLimit() {
    let limit = JSONScanner.maximumKeys
    let text = (0...limit).map { "{\"id\(String($0, radix: 16))\": \($0)}" }
      .joined(separator: "\n")

    #expect(loadError(text) == .tooManyKeys(path: "e.jsonl", line: limit + 1, limit: limit))
  }

  @Test(arguments: ["", "\n", " \r\n\t "])
  func anEmptyFileIsTheSameErrorAsForCSV(text: String) {
    #expect(loadError(text) == .emptyFile(path: "e.jsonl"))
    #expect(loadError(text, name: "e.json") == .emptyFile(path: "e.json"))
  }

  @Test func aDelimiterIsIgnoredForJSON() throws {
    let options = LoadOptions(delimiter: UInt8(ascii: "\""))

    #expect(try loadJSON("{\"a\": 1}", options: options).table.rowCount == 1)
  }

  @Test(arguments: [
    (
      LoadError.malformedJSON(
        path: "x.jsonl", line: 3, column: 17, expected: "',' or '}' after the value",
        found: "'x'"),
      "x.jsonl:3:17: malformed JSON: expected ',' or '}' after the value, found 'x'"
    ),
    (
      .notAnObject(path: "x.jsonl", line: 2, found: "an array"),
      "x.jsonl:2: each record must be a JSON object like {\"key\": value}, but this one is "
        + "an array"
    ),
    (
      .emptyFile(path: "x.json"),
      "x.json: the file is empty; there are no rows or column names to read"
    ),
  ])
  func messagesSayWhereAndWhat(error: LoadError, message: String) {
    #expect(error.description == message)
  }
}
