import Foundation
import Testing

@testable import Workbench

/// `evs play`: narration, then each statement on a key press.
@Suite("evs play", .enabled(if: TestPaths.evs != nil, "the evs executable is not built"))
struct PlayTests {
  static let walkthrough = """
    ## # Busy hosts
    ## Which hosts see **many** logons? The `Logons` column counts them:
    ## - one row per host
    ## - *busy* means more than 4
    let hosts = load "hosts.csv"
    hosts | count
    #> recorded lines are not shown when playing

    ## ## The busy ones
    hosts | where Logons > 4 | select Host
    hosts | select Host, Logons

    """

  private func folder() throws -> URL {
    let folder = try TestPaths.temporaryFolder()
    try Data("Host,Logons\nWS1,3\nWS2,5\nWS3,7\n".utf8)
      .write(to: folder.appendingPathComponent("hosts.csv"))
    try Data(Self.walkthrough.utf8).write(to: folder.appendingPathComponent("tour.evs"))
    return folder
  }

  @Test func throughAPipeItPlaysStraightThrough() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runProcess(try #require(TestPaths.evs), ["play", "tour.evs"], in: folder)

    #expect(result.status == 0)
    #expect(result.error.isEmpty)
    let expectedStart = """
      Busy hosts
      ==========

      Which hosts see many logons? The `Logons` column counts them:
        • one row per host
        • busy means more than 4

      evs> let hosts = load "hosts.csv"

      evs> hosts | count
      ┌───────┐
      """
    #expect(result.output.hasPrefix(expectedStart))
    #expect(result.output.contains("The busy ones\n-------------\n\nevs> hosts | where"))
    #expect(result.output.contains("│ WS3  │\n└──────┘\n2 rows × 1 column\n"))
    #expect(!result.output.contains("recorded lines"))
    #expect(!result.output.contains("\u{1B}["))
  }

  /// `evs play tour.evs` started in `folder` inside a tmux terminal.
  private func playing(in folder: URL) throws -> TerminalSession {
    try TerminalSession(
      evs: try #require(TestPaths.evs), tmux: try #require(TestPaths.onPath("tmux")),
      arguments: ["play", "tour.evs"], in: folder)
  }

  @Test(.enabled(if: TestPaths.onPath("tmux") != nil, "tmux is not installed"))
  func onATerminalEachStatementWaitsForAKey() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let terminal = try playing(in: folder)

    #expect(try terminal.wait { try terminal.screen().contains("[Enter] run") })
    #expect(try terminal.screen().contains("evs> let hosts = load \"hosts.csv\""))
    #expect(try !terminal.screen().contains("evs> hosts | count"))

    try terminal.type("Enter")
    #expect(try terminal.wait { try terminal.screen().contains("evs> hosts | count") })
    try terminal.type("Enter")
    #expect(try terminal.wait { try terminal.screen().contains("│     3 │") })

    #expect(try terminal.wait { try terminal.screen().contains("evs> hosts | where") })
    try terminal.type("s")
    #expect(try terminal.wait { try terminal.screen().contains("(skipped)") })
    #expect(try !terminal.screen().contains("│ WS2  │"))

    #expect(
      try terminal.wait { try terminal.screen().contains("evs> hosts | select Host, Logons") })
    try terminal.type("q")
    #expect(try terminal.wait { try !terminal.isRunning() })
  }

  @Test(.enabled(if: TestPaths.onPath("tmux") != nil, "tmux is not installed"))
  func editChangesTheStatementButNotTheFile() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let terminal = try playing(in: folder)

    #expect(try terminal.wait { try terminal.screen().contains("[Enter] run") })
    try terminal.type("Enter")
    #expect(try terminal.wait { try terminal.screen().contains("evs> hosts | count") })
    try terminal.type("e")
    #expect(try terminal.wait { try terminal.screen().contains("edit> hosts | count") })
    try terminal.type("BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "head 1", "Enter")
    #expect(try terminal.wait { try terminal.screen().contains("│ WS1  │      3 │") })

    try terminal.type("r")
    #expect(try terminal.wait { try terminal.screen().contains("Ctrl-D returns") })
    try terminal.type(".vars", "Enter")
    #expect(try terminal.wait { try terminal.screen().contains("hosts  3 rows") })
    try terminal.type("C-d")
    #expect(try terminal.wait { try terminal.screen().contains("evs> hosts | where") })
    try terminal.type("q")
    #expect(try terminal.wait { try !terminal.isRunning() })

    let file = try String(
      contentsOf: folder.appendingPathComponent("tour.evs"), encoding: .utf8)
    #expect(file == Self.walkthrough)
  }

  @Test(.enabled(if: TestPaths.onPath("tmux") != nil, "tmux is not installed"))
  func quittingLeavesTheShellPromptOnALineOfItsOwnBelowABlankLine() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let evs = try #require(TestPaths.evs).path
    // What the shell prints after evs ends stands in for its prompt.
    let terminal = try TerminalSession(
      evs: URL(fileURLWithPath: "/bin/sh"), tmux: try #require(TestPaths.onPath("tmux")),
      arguments: ["-c", "\(evs) play tour.evs; printf SHELL; sleep 30"], in: folder)

    #expect(try terminal.wait { try terminal.screen().contains("[Enter] run") })
    try terminal.type("q")
    #expect(try terminal.wait { try terminal.screen().contains("SHELL") })

    let lines = try terminal.screen().split(separator: "\n", omittingEmptySubsequences: false)
    let shellLine = try #require(lines.firstIndex { $0.contains("SHELL") })
    #expect(lines[shellLine] == "SHELL")
    #expect(shellLine > 0 && lines[shellLine - 1].isEmpty)
  }

  @Test func narrationIsStyledOnlyWhenAsked() {
    let markdown = "# Title\nSome **bold**, *emphasis* and `code`.\n\n1. first"
    let plain = NarrationRenderer(width: 80, styled: false, unicode: true).render(markdown)
    #expect(plain == ["Title", "=====", "", "Some bold, emphasis and `code`.", "", "  1. first"])

    let styled = NarrationRenderer(width: 80, styled: true, unicode: true).render(markdown)
    #expect(styled[0] == "\u{1B}[1m\u{1B}[4mTitle\u{1B}[0m")
    #expect(styled[2].contains("\u{1B}[1mbold\u{1B}[0m"))
    #expect(styled[2].contains("\u{1B}[4memphasis\u{1B}[0m"))
  }

  @Test func narrationWrapsToTheWidth() {
    let renderer = NarrationRenderer(width: 20, styled: false, unicode: false)
    let lines = renderer.render("- a list item that is longer than twenty columns")
    #expect(lines == ["  - a list item that", "    is longer than", "    twenty columns"])
  }

  @Test(arguments: [false, true])
  func controlCharactersInNarrationAreShownNotActedOn(styled: Bool) {
    let markdown = "Look \u{1B}]2;owned\u{07} here\r\n```\ncode\u{1B}[2J\n```"
    let lines = NarrationRenderer(width: 80, styled: styled, unicode: true).render(markdown)
    let text = lines.joined(separator: "\n")
    let written = styled ? text.replacingOccurrences(of: "\u{1B}[", with: "") : text

    #expect(!written.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\r" })
    #expect(text.contains("Look \\e]2;owned\\x07 here\\r"))
    #expect(text.contains("code\\e[2J"))
  }
}
