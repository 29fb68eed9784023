import Engine
import TestSupport
import Testing

@Suite("CSV reader: errors")
struct CSVErrorTests {
  @Test func raggedRowNamesItsLineAndFieldCounts() {
    let text = "a,b,c\n1,\"two\nlines\",3\n4,5,6,7\n"

    #expect(loadError(text) == .raggedRow(path: "test.csv", line: 4, fields: 4, expected: 3))
  }

  @Test func shortRowIsRaggedToo() {
    #expect(
      loadError("a,b\n1,2\n3\n") == .raggedRow(path: "test.csv", line: 3, fields: 1, expected: 2))
  }

  @Test func unterminatedQuoteNamesTheLineWhereItOpens() {
    let text = "a,b\n1,2\n3,\"open\n4,5\n6,7\n"

    #expect(loadError(text) == .unterminatedQuote(path: "test.csv", line: 3))
  }

  @Test func unterminatedQuoteInTheHeaderIsLineOne() {
    #expect(loadError("\"a,b\n1,2\n") == .unterminatedQuote(path: "test.csv", line: 1))
  }

  @Test(arguments: ["", "\n", "\r\n\r\n"])
  func emptyInputHasNoHeader(text: String) {
    #expect(loadError(text) == .emptyFile(path: "test.csv"))
  }

  @Test func errorInALargeInputIsFoundWithItsLine() {
    var text = "a,b\n"
    for row in 0..<100_000 { text += "\(row),\"v\(row)\"\n" }
    text += "1,2,3\n"

    #expect(
      loadError(text) == .raggedRow(path: "test.csv", line: 100_002, fields: 3, expected: 2))
  }

  @Test func missingFileIsNotFound() {
    #expect(throws: LoadError.fileNotFound(path: "no/such/file.csv")) {
      try TableReader.read(path: "no/such/file.csv")
    }
  }

  @Test func folderIsUnreadable() {
    #expect(throws: LoadError.unreadable(path: SharedData.packageRoot, reason: "it is a folder")) {
      try TableReader.read(path: SharedData.packageRoot)
    }
  }

  @Test(arguments: ["x.evtx", "x.XLSX", "x.parquet.gz"])
  func binaryExportsAreRefusedByExtension(name: String) {
    let format = name.lowercased().split(separator: ".")[1]

    #expect(
      loadError("a,b\n1,2\n", name: name) == .unsupportedFormat(path: name, format: String(format)))
  }

  @Test func quoteCannotBeTheDelimiter() {
    let options = LoadOptions(delimiter: UInt8(ascii: "\""))

    #expect(throws: LoadError.unusableDelimiter(path: "x.csv", delimiter: UInt8(ascii: "\""))) {
      try TableReader.read(bytes: [], name: "x.csv", options: options)
    }
  }

  @Test(arguments: [
    (
      LoadError.raggedRow(path: "x.csv", line: 3, fields: 6, expected: 5),
      "x.csv:3: 6 fields where the header has 5"
    ),
    (
      .unterminatedQuote(path: "x.csv", line: 4),
      "x.csv:4: a quoted field starts here and is never closed; add the closing \" "
        + "(a quote inside a quoted field is written twice: \"\")"
    ),
    (
      .emptyFile(path: "e.csv"),
      "e.csv: the file is empty; there are no rows or column names to read"
    ),
    (
      .fileNotFound(path: "f.csv"),
      "f.csv: no such file; check the spelling and that the path is relative to the current "
        + "directory"
    ),
    (
      .unusableDelimiter(path: "d.csv", delimiter: 10),
      "d.csv: \"\\n\" cannot separate fields, since CSV uses it for quoting and line breaks; "
        + "choose another delimiter"
    ),
  ])
  func messagesSayWhereAndWhat(error: LoadError, message: String) {
    #expect(error.description == message)
  }
}
