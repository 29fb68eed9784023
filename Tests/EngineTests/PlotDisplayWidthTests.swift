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
