import Engine
import Foundation
import Testing

@testable import Workbench

/// One rendering to compare with its golden file: a table and the style to draw it in.
struct RenderCase: CustomTestStringConvertible, Sendable {
  var golden: String
  var table: Table
  var style: TableStyle

  var testDescription: String { golden }

  init(_ golden: String, _ table: Table, _ style: TableStyle = TableStyle()) {
    self.golden = golden
    self.table = table
    self.style = style
  }
}

/// Tables shaped like the event data the workbench shows.
enum SampleTables {
  static func column(_ type: ColumnType, _ cells: [Value]) -> Column {
    Column(type: type, cells: cells)
  }

  static let time = Timestamp.nanos(year: 2019, month: 1, day: 15, hour: 5, minute: 15, second: 9)

  static let small = Table(
    columnNames: ["Account", "Count", "Score", "Active", "FirstSeen"],
    columns: [
      column(.string, [.string(#"MSTICAlertsWin1\MSTICAdmin"#), .string(#"NT AUTHORITY\SYSTEM"#)]),
      column(.int, [.int(12), .int(340)]),
      column(.float, [.float(0.5), .float(-3.25)]),
      column(.bool, [.bool(true), .bool(false)]),
      column(.timestamp, [.timestamp(time), .timestamp(time + 60 * Timestamp.nanosPerSecond)]),
    ])

  static let withNulls = Table(
    columnNames: ["name", "n", "x", "ok", "when"],
    columns: [
      column(.string, [.string("cmd.exe"), .null, .string("")]),
      column(.int, [.null, .int(7), .int(-1)]),
      column(.float, [.float(1.5), .null, .null]),
      column(.bool, [.null, .bool(true), .null]),
      column(.timestamp, [.timestamp(time), .null, .null]),
    ])

  static let eventNames = [
    "TenantId", "Account", "EventID", "TimeGenerated", "Computer", "SubjectUserSid",
    "SubjectUserName", "SubjectDomainName", "SubjectLogonId", "NewProcessId", "NewProcessName",
    "TokenElevationType", "ProcessId", "CommandLine", "ParentProcessName", "TargetLogonId",
    "SourceComputerId", "TimeCreatedUtc",
  ]

  static let wide = Table(
    columnNames: eventNames,
    columns: eventNames.enumerated().map { index, name in
      column(.string, [.string("\(name.lowercased())-a"), .string("v\(index)")])
    })

  static let long = Table(
    columnNames: ["row", "process"],
    columns: [
      column(.int, (0..<50).map { .int(Int64($0 * 37)) }),
      column(.string, (0..<50).map { .string("proc-\($0).exe") }),
    ])

  static let wideCharacters = Table(
    columnNames: ["名前", "note"],
    columns: [
      column(.string, [.string("東京"), .string("abc"), .string("日本語のとても長いコマンドライン")]),
      column(.string, [.string("🔥 hot"), .string("e\u{301}t\u{E9}"), .string("x")]),
    ])

  static let longCell = Table(
    columnNames: ["CommandLine"],
    columns: [
      column(
        .string,
        [
          .string(
            #"C:\Windows\system32\cmd.exe /c "powershell -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBi""#),
          .string("line one\nline two\tend"),
        ])
    ])

  /// Process events as analysts read them: a time, short names, long paths and commands.
  static let commandLines = Table(
    columnNames: [
      "TimeGenerated", "processName", "CommandLine", "ProcessId", "NewProcessName", "Account",
    ],
    columns: [
      column(.timestamp, [.timestamp(time), .timestamp(time + Timestamp.nanosPerSecond)]),
      column(.string, [.string("powershell.exe"), .string("reg.exe")]),
      column(
        .string,
        [
          .string(#"powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA"#),
          .string(#"reg.exe add HKLM\Software\Microsoft\Windows\CurrentVersion\Run /v x /f"#),
        ]),
      column(.int, [.int(4), .int(0x1f40)]),
      column(
        .string,
        [
          .string(#"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe"#),
          .string(#"C:\Windows\System32\reg.exe"#),
        ]),
      column(.string, [.string(#"MSTICAlertsWin1\MSTICAdmin"#), .string("NT AUTHORITY\\SYSTEM")]),
    ])

  static let empty = Table(
    columnNames: ["a", "b"], columns: [column(.int, []), column(.string, [])])
}

@Suite("TableRenderer")
struct TableRendererTests {
  static let cases: [RenderCase] = [
    RenderCase("small", SampleTables.small),
    RenderCase("small-ascii", SampleTables.small, TableStyle(box: .ascii)),
    RenderCase("nulls", SampleTables.withNulls),
    RenderCase("wide-hides-columns", SampleTables.wide),
    RenderCase("long-hides-rows", SampleTables.long),
    RenderCase("long-maxrows-5", SampleTables.long, TableStyle(maxRows: 5)),
    RenderCase("wide-characters", SampleTables.wideCharacters, TableStyle(maxColumnWidth: 12)),
    RenderCase("long-cell-truncated", SampleTables.longCell, TableStyle(maxColumnWidth: 30)),
    RenderCase("narrow-first-column", SampleTables.longCell, TableStyle(width: 24)),
    RenderCase("empty", SampleTables.empty),
    RenderCase("wide-narrows-text-first", SampleTables.commandLines),
    RenderCase("wide-narrows-text-ascii", SampleTables.commandLines, TableStyle(box: .ascii)),
  ]

  @Test(arguments: cases)
  func renderingMatchesGoldenFile(_ row: RenderCase) throws {
    let rendered = TableRenderer(style: row.style).render(row.table).joined(separator: "\n") + "\n"
    let file = TestPaths.goldenFolder.appendingPathComponent(row.golden + ".txt")
    if ProcessInfo.processInfo.environment["EVS_UPDATE_GOLDEN"] != nil {
      try Data(rendered.utf8).write(to: file)
    }
    let golden = try String(contentsOf: file, encoding: .utf8)
    #expect(rendered == golden)
  }

  @Test(arguments: cases)
  func everyLineFitsTheWidthAndFrameLinesLineUp(_ row: RenderCase) {
    let lines = TableRenderer(style: row.style).render(row.table)
    #expect(lines.allSatisfy { TextWidth.columns(of: $0) <= row.style.width })
    let frameWidths = Set(lines.dropLast().map { TextWidth.columns(of: $0) })
    #expect(frameWidths.count <= 1)
  }

  @Test func footerCountsRowsAndColumnsWhenNothingIsHidden() {
    let lines = TableRenderer(style: TableStyle()).render(SampleTables.small)
    #expect(lines.last == "2 rows × 5 columns")
    #expect(lines.count == 7)
  }

  @Test func hiddenRowsAreCountedAndTheLastRowsShown() {
    let lines = TableRenderer(style: TableStyle(maxRows: 4)).render(SampleTables.long)
    #expect(lines.last == "50 rows × 2 columns (46 rows hidden)")
    #expect(lines.contains { $0.contains("proc-49.exe") })
    #expect(lines.contains { $0.contains("proc-1.exe") })
    #expect(!lines.contains { $0.contains("proc-2.exe") })
  }

  @Test func maxRowsZeroShowsEveryRow() {
    let lines = TableRenderer(style: TableStyle(maxRows: 0)).render(SampleTables.long)
    #expect(lines.count == 50 + 5)
    #expect(lines.last == "50 rows × 2 columns")
  }

  @Test func hiddenColumnsAreNamedInTheFooter() throws {
    let lines = TableRenderer(style: TableStyle()).render(SampleTables.wide)
    let footer = try #require(lines.last)
    #expect(footer.hasPrefix("2 rows × 18 columns ("))
    #expect(footer.contains("columns hidden: "))
    #expect(footer.hasSuffix("…)"))
    #expect(!lines[1].contains("TimeCreatedUtc"))
  }

  @Test func timeProcessAndCommandLineAllFitInEightyColumns() throws {
    let table = try Table(
      columnNames: ["TimeGenerated", "processName", "CommandLine"],
      columns: ["TimeGenerated", "processName", "CommandLine"].map {
        try SampleTables.commandLines.column($0)
      })
    let lines = TableRenderer(style: TableStyle()).render(table)
    #expect(lines[1].contains("TimeGenerated") && lines[1].contains("CommandLine"))
    #expect(lines.last == "2 rows × 3 columns")
    #expect(lines[3].contains("│ powershell.exe -no…"))
    #expect(lines.dropLast().allSatisfy { TextWidth.columns(of: $0) == 80 })
  }

  @Test func textColumnsNarrowBeforeAnyColumnIsHidden() {
    let lines = TableRenderer(style: TableStyle(width: 100)).render(SampleTables.commandLines)
    #expect(lines.last == "2 rows × 6 columns")
    #expect(lines[1].contains("Account"))
    let narrow = TableRenderer(style: TableStyle(width: 60)).render(SampleTables.commandLines)
    #expect(narrow.last?.hasPrefix("2 rows × 6 columns (") == true)
    #expect(narrow[3].contains("…"))
  }

  @Test func numbersAreRightAlignedAndNullsEmpty() {
    let lines = TableRenderer(style: TableStyle()).render(SampleTables.withNulls)
    #expect(lines[1] == "│ name    │  n │   x │ ok   │ when                │")
    #expect(lines[3] == "│ cmd.exe │    │ 1.5 │      │ 2019-01-15 05:15:09 │")
    #expect(lines[4] == "│         │  7 │     │ true │                     │")
  }

  @Test func colourIsOnlyAddedWhenAsked() {
    let plain = TableRenderer(style: TableStyle()).render(SampleTables.small)
    let coloured = TableRenderer(style: TableStyle(color: true)).render(SampleTables.small)
    #expect(!plain.joined().contains("\u{1B}["))
    #expect(coloured[1].contains("\u{1B}[1m"))
  }

  @Test(arguments: [
    (Value.string("a\nb"), #"a\nb"#),
    (.string("tab\there"), #"tab\there"#),
    (.string("bell\u{7}"), #"bell\x07"#),
    (.null, ""),
    (.float(2), "2.0"),
  ])
  func cellsAreOneLineOfPlainText(_ value: Value, _ expected: String) {
    #expect(TableRenderer.cellText(value) == expected)
  }
}
