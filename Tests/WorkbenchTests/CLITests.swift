import Foundation
import Testing

/// Runs the built `evs` executable as a user would.
@Suite("evs command line", .enabled(if: TestPaths.evs != nil, "the evs executable is not built"))
struct CLITests {
  private func evs(
    _ arguments: [String], input: String = "", in folder: URL? = nil
  ) throws -> ProcessResult {
    try runProcess(try #require(TestPaths.evs), arguments, input: input, in: folder)
  }

  @Test func helpDescribesTheSubcommandsAndExitsZero() throws {
    let result = try evs(["--help"])
    #expect(result.status == 0)
    for word in ["evs run FILE.evs", "evs -c", "--keep-going", "--param NAME=VALUE"] {
      #expect(result.output.contains(word))
    }
    #expect(result.error.isEmpty)
  }

  @Test func jsonLinesFromAPipeAreReadAsJSON() throws {
    let result = try evs(
      ["-c", "load \"/dev/stdin\" | summarize total = sum(a)"],
      input: "{\"a\":1}\n{\"a\":2}\n")

    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("│     3 │"))
  }

  @Test func versionPrintsOneLine() throws {
    let result = try evs(["--version"])
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("evs "))
    #expect(result.output.split(separator: "\n").count == 1)
  }

  @Test func unknownFlagIsAUsageErrorWithASuggestion() throws {
    let result = try evs(["--verison"])
    #expect(result.status == 2)
    #expect(result.error.contains("unknown option '--verison'; did you mean --version?"))
    #expect(result.output.isEmpty)
  }

  @Test func unknownSubcommandIsAUsageError() throws {
    let result = try evs(["rnu", "hunt.evs"])
    #expect(result.status == 2)
    #expect(result.error.contains("unknown command 'rnu'; did you mean run?"))
  }

  @Test func runningAMissingScriptNamesItsPath() throws {
    let folder = try TestPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("no-such-hunt.evs").path
    let result = try evs(["run", path])
    #expect(result.status == 1)
    #expect(result.error.contains(path))
  }

  @Test func commandStatementErrorIsLocatedAndExitsOne() throws {
    let result = try evs(["-c", "frobnicate"])
    #expect(result.status == 1)
    #expect(result.error.hasPrefix("<command>:1:1: error: "))
    #expect(result.error.contains("\n  frobnicate\n  ^"))
  }

  @Test func scriptErrorNamesTheFileAndLine() throws {
    let folder = try TestPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("hunt.evs")
    try Data("# a hunt\n.maxrows\nfrobnicate\n.width 100\n.width\n".utf8).write(to: script)

    // The unbound name is found by the check before running, so nothing runs.
    let result = try evs(["run", "hunt.evs"], in: folder)
    #expect(result.status == 1)
    #expect(result.output == "")
    #expect(result.error.hasPrefix("hunt.evs:3:1: error: "))

    let kept = try evs(["run", "hunt.evs", "--keep-going"], in: folder)
    #expect(kept.status == 1)
    #expect(kept.output == "maxrows: 20\nwidth: 100\n")
  }

  @Test func standardInputThatIsNotATerminalRunsAsAScript() throws {
    let result = try evs([], input: ".width 90\n.width\n.hepl\n")
    #expect(result.status == 1)
    #expect(result.output == "width: 90\n")
    #expect(result.error.hasPrefix("<stdin>:3:1: error: unknown command '.hepl'"))
  }

  @Test func traceShowsEveryStageWithRowsOnStandardError() throws {
    let folder = try TestPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("n\n1\n2\n3\n".utf8).write(to: folder.appendingPathComponent("n.csv"))

    let result = try evs(["-c", #"load "n.csv" | where n > 1 | count"#, "--trace"], in: folder)
    #expect(result.status == 0)
    let lines = result.error.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(lines.first?.hasPrefix("trace <command>:1: ") == true)
    #expect(
      lines.dropFirst().map { $0.prefix(16) } == [
        "  load   3 rows ", "  where  3 → 2  ", "  count  2 → 1  ",
      ])
    #expect(!result.output.contains("trace"))
  }

  @Test func parametersAreSetFromTheCommandLineAndUnknownOnesRefused() throws {
    let folder = try TestPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("hunt.evs")
    try Data("param host = \"h1\"\nhost\n".utf8).write(to: script)

    let set = try evs(["run", "hunt.evs", "--param", "host=h2"], in: folder)
    #expect(set.status == 0)
    #expect(set.output == "h2\n")

    let unknown = try evs(["run", "hunt.evs", "--param", "hots=h2"], in: folder)
    #expect(unknown.status == 2)
    #expect(
      unknown.error
        == "evs: error: --param hots: the script declares no parameter 'hots' (did you mean"
        + " host?); it declares host = \"h1\" (string)\n")
    #expect(unknown.output.isEmpty)
  }
}
