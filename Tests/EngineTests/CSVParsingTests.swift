import Engine
import Testing

@Suite("CSV reader: records and fields")
struct CSVParsingTests {
  @Test func quotedFieldsKeepDelimitersQuotesAndLineBreaks() throws {
    let text = "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"line1\nline2\",\"\"\"\"\n"
    let table = try loadCSV(text).table

    #expect(table.cells("a") == [.string("x,y"), .string("line1\nline2")])
    #expect(table.cells("b") == [.string("say \"hi\""), .string("\"")])
  }

  @Test func crlfLineEndsAreRemovedButKeptInsideQuotes() throws {
    let text = "a,b\r\n1,\"two\r\nlines\"\r\n3,x\r\n"
    let table = try loadCSV(text).table

    #expect(table.cells("a") == [.int(1), .int(3)])
    #expect(table.cells("b") == [.string("two\r\nlines"), .string("x")])
  }

  @Test func byteOrderMarkIsDropped() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Name,N\nx,1\n".utf8)
    let table = try TableReader.read(bytes: bytes, name: "bom.csv").table

    #expect(table.columnNames == ["Name", "N"])
  }

  @Test func lastRecordNeedsNoLineBreak() throws {
    let table = try loadCSV("a,b\n1,2\n3,4").table

    #expect(table.cells("b") == [.int(2), .int(4)])
  }

  @Test func trailingDelimiterMakesAnEmptyLastField() throws {
    let table = try loadCSV("a,b,c\n1,2,\n").table

    #expect(table.cells("c") == [.null])
  }

  @Test func blankLinesAreSkippedWithANotice() throws {
    let loaded = try loadCSV("a,b\n\n1,2\r\n\r\n3,4\n")

    #expect(loaded.table.rowCount == 2)
    #expect(loaded.notices == ["skipped 2 blank lines"])
  }

  @Test func quoteInsideAnUnquotedFieldIsData() throws {
    let table = try loadCSV("a,b\nsay \"hi\",2\n").table

    #expect(table.cells("a") == [.string("say \"hi\"")])
  }

  @Test func textAfterAClosingQuoteIsKept() throws {
    let table = try loadCSV("a,b\n\"quoted\" tail,2\n").table

    #expect(table.cells("a") == [.string("quoted tail")])
  }

  @Test func namelessHeaderColumnIsCalledByPosition() throws {
    let loaded = try loadCSV(",Name,\n0,x,1\n")

    #expect(loaded.table.columnNames == ["Column1", "Name", "Column3"])
    #expect(
      loaded.notices == [
        "column 1 has no name in the header; it is called Column1",
        "column 3 has no name in the header; it is called Column3",
      ])
  }

  @Test func repeatedHeaderNamesGetNumberedSuffixes() throws {
    let loaded = try loadCSV("Computer,Computer,Computer_2,Computer\nA,B,C,D\n")

    #expect(loaded.table.columnNames == ["Computer", "Computer_3", "Computer_2", "Computer_4"])
    #expect(loaded.table.cells("Computer_3") == [.string("B")])
    #expect(loaded.notices.count == 2)
  }

  @Test func generatedNameAvoidsARealColumnOfThatName() throws {
    let table = try loadCSV(",Column1\n1,2\n").table

    #expect(table.columnNames == ["Column1_2", "Column1"])
  }

  @Test func invalidUTF8IsReplacedAndCounted() throws {
    let bytes =
      Array("a,b\ncaf".utf8) + [0xE9] + Array(",x\n".utf8) + [0xFF, 0xFE]
      + Array(",ok\n".utf8)
    let loaded = try TableReader.read(bytes: bytes, name: "latin1.csv")

    #expect(loaded.table.cells("a") == [.string("caf\u{FFFD}"), .string("\u{FFFD}\u{FFFD}")])
    #expect(loaded.notices == ["replaced 3 invalid UTF-8 sequences with U+FFFD (\u{FFFD})"])
  }

  @Test func strayBytesAnywhereInALargeInputAreAllReplaced() throws {
    var bytes = Array("text\n".utf8)
    let line = Array("caf\u{E9} na\u{EF}ve \u{1F600} plain ascii words\n".utf8)
    while bytes.count < 3 << 20 { bytes += line }
    // Every 64 KiB, and around the middle, where the validity check splits its work.
    let middle = (bytes.count + 1) / 2
    let candidates =
      Array(stride(from: 1000, to: bytes.count - 10, by: 65_537)) + [middle, middle + 2]
    let strays = candidates.filter { bytes[$0] < 0x80 && bytes[$0] != 10 }.sorted()
    for position in strays { bytes[position] = 0x80 }

    let loaded = try TableReader.read(bytes: bytes, name: "big.csv")

    let sequences = strays.count == 1 ? "sequence" : "sequences"
    #expect(
      loaded.notices == [
        "replaced \(strays.count) invalid UTF-8 \(sequences) with U+FFFD (\u{FFFD})"
      ])
    #expect(loaded.table.rowCount == (bytes.count - 5) / line.count)
  }

  @Test func truncatedMultibyteSequenceIsOneReplacement() throws {
    let bytes = Array("a\n".utf8) + [0xE2, 0x82] + Array("x\n".utf8)
    let loaded = try TableReader.read(bytes: bytes, name: "cut.csv")

    #expect(loaded.table.cells("a") == [.string("\u{FFFD}x")])
    #expect(loaded.notices.first?.hasPrefix("replaced 1 invalid UTF-8 sequence ") == true)
  }

  @Test func headerOnlyGivesColumnsWithoutRows() throws {
    let table = try loadCSV("a,b,c\n").table

    #expect(table.columnNames == ["a", "b", "c"])
    #expect(table.rowCount == 0)
    #expect(table.columns.allSatisfy { $0.count == 0 })
  }

  @Test func withoutHeaderTheFirstRecordIsData() throws {
    let table = try loadCSV("1,x\n2,y\n", options: LoadOptions(header: false)).table

    #expect(table.columnNames == ["Column1", "Column2"])
    #expect(table.cells("Column1") == [.int(1), .int(2)])
  }

  @Test func tsvExtensionSplitsOnTabs() throws {
    let table = try loadCSV("a\tb\n1,5\tx y\n", name: "events.tsv").table

    #expect(table.cells("a") == [.string("1,5")])
    #expect(table.cells("b") == [.string("x y")])
  }

  @Test func explicitDelimiterOverridesTheExtension() throws {
    let options = LoadOptions(format: .csv, delimiter: UInt8(ascii: ";"))
    let table = try loadCSV("a;b\n1;\"x;y\"\n", name: "data.txt", options: options).table

    #expect(table.cells("b") == [.string("x;y")])
  }

  @Test(arguments: [
    ("logs.csv", LoadOptions.Format.csv), ("logs.CSV.gz", .csv), ("logs.tsv", .tsv),
    ("logs.tab", .tsv), ("logs", .csv),
  ])
  func formatComesFromTheExtension(name: String, format: LoadOptions.Format) {
    #expect(LoadOptions().resolvedFormat(for: name) == format)
  }

  @Test func largeInputScannedInChunksMatchesItsRows() throws {
    var text = "id,text,value\n"
    var expectedText: [Value] = []
    for row in 0..<40_000 {
      let cell: String
      switch row % 4 {
      case 0: cell = "plain \(row)"
      case 1: cell = "with \"\"quotes\"\" and, comma \(row)"
      case 2: cell = "two\nlines \(row)"
      default: cell = "crlf\r\n\"\"\(row)\"\""
      }
      text += "\(row),\"\(cell)\",\(Double(row) / 4)\n"
      expectedText.append(.string(cell.replacingOccurrences(of: "\"\"", with: "\"")))
    }
    #expect(text.utf8.count > 1 << 20)

    let table = try loadCSV(text).table

    #expect(table.cells("id") == (0..<40_000).map { .int(Int64($0)) })
    #expect(table.cells("text") == expectedText)
    #expect(table.cells("value") == (0..<40_000).map { .float(Double($0) / 4) })
  }

  @Test func largeInputWithStrayQuotesStillParsesCorrectly() throws {
    var text = "a,b\n"
    for row in 0..<100_000 {
      text += row % 7 == 0 ? "x\"\(row),\"q\nq\"\n" : "\(row),plain text\n"
    }
    #expect(text.utf8.count > 1 << 20)

    let table = try loadCSV(text).table

    #expect(table.rowCount == 100_000)
    #expect(table.cells("a")[7] == .string("x\"7"))
    #expect(table.cells("b")[7] == .string("q\nq"))
    #expect(table.cells("b")[8] == .string("plain text"))
  }

  @Test func hugeQuotedFieldAtTheEndOfALargeInputLoads() throws {
    let big = String(repeating: "say \"\"hi\"\", ", count: 120_000)
    let text = "a,b\n1,\"x\"\"y\"\n2,\"\(big)\"\n"
    #expect(text.utf8.count > 1 << 20)

    let table = try loadCSV(text).table

    #expect(table.cells("a") == [.int(1), .int(2)])
    #expect(table.cells("b").first == .string("x\"y"))
    #expect(table.cells("b").last == .string(big.replacingOccurrences(of: "\"\"", with: "\"")))
  }
}
