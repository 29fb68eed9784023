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
    try Data("# a hunt\n.maxrows 5\nfrobnicate\n.width 100\n".utf8).write(to: script)

    // The unbound name is found by the check before running, so nothing runs.
    let result = try evs(["run", "hunt.evs"], in: folder)
    #expect(result.status == 1)
    #expect(result.output == "")
    #expect(result.error.hasPrefix("hunt.evs:3:1: error: "))

    let kept = try evs(["run", "hunt.evs", "--keep-going"], in: folder)
    #expect(kept.status == 1)
    #expect(kept.output == "maxrows: 5\nwidth: 100\n")
  }

  @Test func standardInputThatIsNotATerminalRunsAsAScript() throws {
    let result = try evs([], input: ".width 90\n.hepl\n")
    #expect(result.status == 1)
    #expect(result.output == "width: 90\n")
    #expect(result.error.hasPrefix("<stdin>:2:1: error: unknown command '.hepl'"))
  }
}
