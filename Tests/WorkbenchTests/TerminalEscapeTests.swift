import DSL
import Engine
import Foundation
import Testing

@testable import Workbench

/// Data that tries to command the terminal is shown escaped where a person reads it and
/// kept exact where a program does.
@Suite("Terminal escapes in data")
struct TerminalEscapeTests {
  /// Cells that clear the screen, ring the bell, start a C1 sequence and reverse the text.
  static let hostile = Table(
    columnNames: ["na\u{1B}[31mme", "n"],
    columns: [
      Column(
        type: .string,
        cells: [
          .string("\u{1B}[2Jwiped"), .string("bell\u{7}"), .string("c1\u{9B}31m"),
          .string("exe.\u{202E}txt"), .string("iso\u{2066}x\u{2069}"),
        ]),
      Column(type: .int, cells: [.int(1), .int(2), .int(3), .int(4), .int(5)]),
    ])

  private func shell(_ console: RecordingConsole, mode: String) -> Shell {
    let session = Session(baseDirectory: FileManager.default.temporaryDirectory.path)
    session.bind("hits", table: Self.hostile)
    let shell = Shell(
      session: session, console: console, interactive: false, terminal: { notATerminal })
    shell.runMeta(".mode \(mode)", at: location(1))
    return shell
  }

  private func location(_ line: Int) -> DSL.SourceLocation {
    DSL.SourceLocation(file: "t.evs", line: line, column: 1)
  }

  private func hasUnsafe(_ text: String) -> Bool {
    text.unicodeScalars.contains { VisibleText.isUnsafe($0) && $0 != "\n" }
  }

  @Test(arguments: ["table", "markdown", "line"])
  func readableModesShowControlsEscaped(mode: String) {
    let console = RecordingConsole()
    shell(console, mode: mode).runStatement("hits", at: location(2))

    #expect(!hasUnsafe(console.output))
    for shown in [#"\e[2Jwiped"#, #"bell\x07"#, #"c1\u{9B}31m"#, #"exe.\u{202E}txt"#] {
      #expect(console.output.contains(shown))
    }
    #expect(console.output.contains(#"na\e[31mme"#))
  }

  @Test(arguments: ["csv", "tsv"])
  func delimitedModesKeepTheDataExact(mode: String) {
    let console = RecordingConsole()
    shell(console, mode: mode).runStatement("hits", at: location(2))

    #expect(console.output.contains("\u{1B}[2Jwiped"))
    #expect(console.output.contains("exe.\u{202E}txt"))
  }

  @Test(arguments: ["json", "jsonl"])
  func jsonModesEscapeControlsAndDecodeToTheExactData(mode: String) throws {
    let console = RecordingConsole()
    shell(console, mode: mode).runStatement("hits", at: location(2))

    #expect(!hasUnsafe(console.output))
    let lines = console.output.split(separator: "\n").map(String.init)
    let text = mode == "json" ? lines.joined() : "[" + lines.joined(separator: ",") + "]"
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    let names = rows.compactMap { $0["na\u{1B}[31mme"] as? String }
    #expect(
      names == [
        "\u{1B}[2Jwiped", "bell\u{7}", "c1\u{9B}31m", "exe.\u{202E}txt", "iso\u{2066}x\u{2069}",
      ])
  }

  @Test func chartLabelsAreEscaped() {
    let console = RecordingConsole()
    let shell = shell(console, mode: "table")
    shell.session.bind(
      "labelled", table: Table(columnNames: ["label"], columns: [Self.hostile.columns[0]]))
    shell.runStatement("labelled | plot bar label", at: location(2))

    #expect(console.error.isEmpty)
    #expect(!hasUnsafe(console.output))
    #expect(console.output.contains(#"bell\x07"#))
  }

  @Test func schemaAndErrorsShowEscapes() {
    let console = RecordingConsole()
    let shell = shell(console, mode: "table")
    shell.runMeta(".schema hits", at: location(2))
    shell.runStatement("load \"gone\u{1B}[2J.csv\"", at: location(3))
    shell.runStatement("hits | where n == \"\u{1B}]0;title\u{7}\"", at: location(4))

    #expect(!hasUnsafe(console.output))
    #expect(console.output.contains(#"na\e[31mme"#))
    #expect(!hasUnsafe(console.error))
    #expect(console.error.contains(#"gone\e[2J.csv"#))
  }

  @Test func valuesAndNoticesAreEscaped() {
    let formatter = OutputFormatter(
      settings: DisplaySettings(), terminal: notATerminal, interactive: false)

    #expect(formatter.lines(for: .value(.string("\u{1B}[2J"))) == [#"\e[2J"#])
    #expect(formatter.lines(forNotice: "odd\u{1B}[2J") == [#"note: odd\e[2J"#])
  }
}
