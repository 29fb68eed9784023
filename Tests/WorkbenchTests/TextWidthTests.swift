import Testing

@testable import Workbench

@Suite("TextWidth")
struct TextWidthTests {
  @Test(arguments: [
    ("cmd.exe", 7),
    ("", 0),
    ("東京", 4),
    ("ｱ", 1),
    ("ＡＢ", 4),
    ("🔥", 2),
    ("e\u{301}", 1),
    ("a\u{200B}b", 2),
    ("한국어", 6),
  ])
  func countsTerminalColumns(_ text: String, _ columns: Int) {
    #expect(TextWidth.columns(of: text) == columns)
  }

  @Test(arguments: [
    ("abcdefghij", 10, "abcdefghij"),
    ("abcdefghij", 9, "abcd…ghij"),
    ("abcdefghij", 6, "abc…ij"),
    ("日本語のテキスト", 9, "日本…スト"),
    ("abc", 1, "…"),
  ])
  func truncatesInTheMiddleWithinTheLimit(_ text: String, _ limit: Int, _ expected: String) {
    let cut = TextWidth.truncated(text, toColumns: limit)
    #expect(cut == expected)
    #expect(TextWidth.columns(of: cut) <= limit)
  }

  @Test func padsByColumnsNotCharacters() {
    #expect(TextWidth.padded("東京", toColumns: 6) == "東京  ")
    #expect(TextWidth.padded("42", toColumns: 5, alignRight: true) == "   42")
  }
}
