import Foundation
import Testing

/// One script run four ways (`evs run`, `evs -c`, piped standard input and typed at the
/// REPL) must print the same results.
@Suite(
  "Same output everywhere",
  .enabled(if: TestPaths.evs != nil, "the evs executable is not built"))
struct ConsistencyTests {
  static let events = """
    TimeGenerated,Account,EventID,CommandLine
    2019-01-15 05:00:00,alice,4688,cmd.exe /c whoami
    2019-01-15 05:01:00,bob,4688,powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBi
    2019-01-15 05:02:00,alice,4624,
    2019-01-15 05:03:00,bob,4688,reg.exe query HKLM\\Software

    """

  /// Statements whose output covers a table cut to fit, a grouping, a chart and a value.
  static let script = """
    .width 80
    load "events.csv" | where EventID == 4688 | select TimeGenerated, Account, CommandLine
    load "events.csv" | summarize n = count() by Account | sort n desc
    load "events.csv" | plot bar Account
    load "events.csv" | count
    1 + 2
    """

  /// `text` with trailing spaces and trailing blank lines removed, which a terminal
  /// screen does not keep.
  static func normalised(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.reversed().drop(while: { $0 == " " }).reversed())
    }
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  @Test func scriptCommandStandardInputAndREPLPrintTheSame() throws {
    let evs = try #require(TestPaths.evs)
    let folder = try TestPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(Self.events.utf8).write(to: folder.appendingPathComponent("events.csv"))
    try Data(Self.script.utf8).write(to: folder.appendingPathComponent("hunt.evs"))

    let run = try runProcess(evs, ["run", "hunt.evs"], in: folder)
    let command = try runProcess(evs, ["-c", Self.script], in: folder)
    let piped = try runProcess(evs, [], input: Self.script, in: folder)
    for result in [run, command, piped] {
      #expect(result.status == 0)
      #expect(result.error.isEmpty)
    }
    #expect(run.output.contains("│ powershell.exe"))
    #expect(command.output == run.output)
    #expect(piped.output == run.output)

    let typed = try typedAtTheREPL(Self.script)
    #expect(Self.normalised(typed) == Self.normalised(run.output))
  }

  /// What the REPL shows for `script` typed a line at a time, without the banner, the
  /// prompts with what was typed, and the final prompt.
  private func typedAtTheREPL(_ script: String) throws -> String {
    guard let tmux = TestPaths.onPath("tmux") else {
      Issue.record("tmux is not installed (scripts/setup installs it)")
      return ""
    }
    let terminal = try TerminalSession(
      evs: try #require(TestPaths.evs), tmux: tmux, width: 100, height: 60,
      prepare: { folder in
        try Data(Self.events.utf8).write(to: folder.appendingPathComponent("events.csv"))
      })
    #expect(try terminal.waitForPrompt())
    for line in script.split(separator: "\n") {
      try terminal.typeLiterally(String(line))
      try terminal.type("Enter")
      #expect(try terminal.waitForPrompt())
    }
    let lines = try terminal.screen().split(separator: "\n", omittingEmptySubsequences: false)
    return lines.dropFirst().filter { !$0.hasPrefix("evs>") }.joined(separator: "\n")
  }
}
