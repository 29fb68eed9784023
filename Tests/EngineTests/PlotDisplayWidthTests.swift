import Testing

@testable import Engine

@Suite("DisplayWidth")
struct PlotDisplayWidthTests {
  @Test(arguments: [
    ("cmd.exe", 7),
    ("", 0),
    ("管理者", 6),
    ("ｆｕｌｌ", 8),
    ("e\u{301}lodie", 6),
    ("한국어", 6),
    ("🔥 alert", 8),
    ("❤\u{FE0F}", 2),
    ("👩\u{200D}💻", 2),
    ("a\u{200B}b", 2),
    ("\u{1B}[36m●\u{1B}[0m x", 3),
    ("tab\there", 7),
  ])
  func measuresTerminalColumns(text: String, columns: Int) {
    #expect(DisplayWidth.of(text) == columns)
  }

  @Test func cutsPathsInTheMiddleKeepingMoreOfTheEnd() {
    let path = "C:\\Windows\\System32\\cmd.exe"
    #expect(DisplayWidth.truncated(path, to: 15, at: .middle) == "C:\\Win…\\cmd.exe")
    #expect(
      DisplayWidth.truncated(path, to: 15, at: .middle, ellipsis: "...") == "C:\\Wi...cmd.exe")
    #expect(DisplayWidth.truncated(path, to: 40, at: .middle) == path)
  }

  @Test func neverSplitsAWideCharacterAcrossTheLimit() {
    let cut = DisplayWidth.truncated("管理者アカウント", to: 6, at: .end)
    #expect(cut == "管理…")
    #expect(DisplayWidth.of(cut) == 5)
    #expect(DisplayWidth.truncated("管理者", to: 1) == "…")
    #expect(DisplayWidth.truncated("anything", to: 0).isEmpty)
  }

  @Test func keepsCombiningMarksWithTheirLetter() {
    let cut = DisplayWidth.truncated("e\u{301}e\u{301}e\u{301}e\u{301}", to: 3, at: .end)
    #expect(cut == "e\u{301}e\u{301}…")
  }

  @Test func padsByColumnsNotCharacters() {
    #expect(DisplayWidth.padded("管理", to: 6) == "管理  ")
    #expect(DisplayWidth.padded("42", to: 5, rightAligned: true) == "   42")
    #expect(DisplayWidth.padded("toolong", to: 3) == "toolong")
  }
}

@Suite("plot text from data")
struct PlotPrintableTextTests {
  @Test func controlCharactersAreShownEscaped() {
    #expect(DisplayWidth.printable("cmd /c\techo\r\nhi") == #"cmd /c\techo\r\nhi"#)
    #expect(DisplayWidth.printable("\u{1B}[2Jwiped") == #"\e[2Jwiped"#)
    #expect(DisplayWidth.printable("plain") == "plain")
  }

  @Test(arguments: [Charset.ascii, .braille])
  func labelsWithLineBreaksAndEscapesCannotBreakTheChart(charset: Charset) throws {
    let table = PlotFixture.table([
      "cmd": ["powershell -enc\nAAAA", "\u{1B}]0;owned\u{7}", "ok"].map(Value.string),
      "t": [PlotFixture.time(2019, 1, 15, 5), PlotFixture.time(2019, 1, 15, 6), .null],
    ])
    let specs = [
      ChartSpec(kind: .bar, columns: ["cmd"]),
      ChartSpec(
        kind: .timeline, columns: ["t"],
        options: ["by": .string("cmd"), "label": .string("cmd"), "title": .string("a\nb")]),
    ]
    for spec in specs {
      let lines = try PlotFixture.render(spec, table, charset)
      #expect(lines.allSatisfy { !$0.contains("\n") && !$0.contains("\u{1B}") })
      #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    }
  }
}
