import Engine
import TestSupport
import Testing

/// One test per file in `../shared/data/bad`, with the behaviour its README asks for.
@Suite("CSV reader on the bad and awkward shared files")
struct CSVBadFilesTests {
  private static let commonColumns = [
    "TimeGenerated", "Computer", "SubjectLogonId", "NewProcessName", "CommandLine",
  ]

  private func path(_ name: String) -> String {
    SharedData.path("bad/" + name)
  }

  @Test(.enabled(if: SharedData.isAvailable, "../shared/data is absent"))
  func unterminatedQuoteFailsAtLineFour() {
    let file = path("unterminated-quote.csv")

    #expect(throws: LoadError.unterminatedQuote(path: file, line: 4)) {
      try TableReader.read(path: file)
    }
  }

  @Test(.enabled(if: SharedData.isAvailable, "../shared/data is absent"))
  func raggedRowFailsAtLineThree() {
    let file = path("ragged.csv")

    #expect(throws: LoadError.raggedRow(path: file, line: 3, fields: 6, expected: 5)) {
      try TableReader.read(path: file)
    }
    #expect(
      LoadError.raggedRow(path: file, line: 3, fields: 6, expected: 5).description
        == "\(file):3: 6 fields where the header has 5")
  }

  @Test(.enabled(if: SharedData.isAvailable, "../shared/data is absent"))
  func byteOrderMarkAndCRLFAreHandled() throws {
    let table = try TableReader.read(path: path("bom-crlf.csv")).table

    #expect(table.rowCount == 2)
    #expect(table.columnNames == Self.commonColumns)
    #expect(table.cells("CommandLine").first == .string("cmd.exe /c \"echo a\"\r\nsecond line"))
    #expect(table.cells("CommandLine").last == .string("whoami /all"))
  }

  @Test(.enabled(if: SharedData.isAvailable, "../shared/data is absent"))
  func emptyFileSaysSo() {
    let file = path("empty.csv")

    #expect(throws: LoadError.emptyFile(path: file)) {
      try TableReader.read(path: file)
    }
  }

  @Test(.enabled(if: SharedData.isAvailable, "../shared/data is absent"))
  func headerOnlyGivesFiveColumnsAndNoRows() throws {
    let loaded = try TableReader.read(path: path("header-only.csv"))

    #expect(loaded.table.columnNames == Self.commonColumns)
    #expect(loaded.table.rowCount == 0)
    #expect(loaded.notices.isEmpty)
  }

  @Test(.enabled(if: SharedData.isAvailable, "../shared/data is absent"))
  func duplicateColumnsAreKeptUnderUniqueNames() throws {
    let loaded = try TableReader.read(path: path("duplicate-columns.csv"))

    #expect(loaded.table.columnNames == ["Computer", "Computer_2", "CommandLine"])
    #expect(loaded.table.cells("Computer_2") == [.string("B"), .string("D")])
    #expect(loaded.notices == ["column 2 repeats the name Computer; it is called Computer_2"])
  }

  @Test(.enabled(if: SharedData.isAvailable, "../shared/data is absent"))
  func invalidUTF8IsReplacedWithANotice() throws {
    let loaded = try TableReader.read(path: path("invalid-utf8.csv"))

    #expect(loaded.table.rowCount == 2)
    #expect(loaded.table.cells("NewProcessName").first == .string("C:\\caf\u{FFFD}.exe"))
    #expect(loaded.table.cells("CommandLine").first == .string("caf\u{FFFD}.exe --x"))
    #expect(loaded.notices == ["replaced 2 invalid UTF-8 sequences with U+FFFD (\u{FFFD})"])
  }

  @Test(.enabled(if: SharedData.isAvailable, "../shared/data is absent"))
  func pidWithTextInTheLastRowIsText() throws {
    let table = try TableReader.read(path: path("mixed-types.csv")).table
    let pid = try table.column("Pid")

    #expect(table.rowCount == 2001)
    #expect(pid.type == .string)
    #expect(pid.nullCount == 0)
    #expect(pid[2000] == .string("n/a"))
  }

  @Test(.enabled(if: SharedData.isAvailable, "../shared/data is absent"))
  func missingValuesAreNullsAndRowsAreKept() throws {
    let table = try TableReader.read(path: path("missing-values.csv")).table

    #expect(table.rowCount == 4)
    #expect(try table.column("TimeGenerated").type == .timestamp)
    #expect(table.cells("TimeGenerated")[2] == .null)
    #expect(
      table.cells("SubjectLogonId") == [.string("0x3e7"), .null, .string("0x3e7"), .string("-1")])
    #expect(table.cells("CommandLine").prefix(2) == [.null, .null])
    #expect(table.cells("NewProcessName")[0] == .null)
  }
}
