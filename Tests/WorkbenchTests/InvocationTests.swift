import Testing

@testable import Workbench

@Suite("Invocation")
struct InvocationTests {
  @Test(arguments: [
    ([], Invocation.interactive),
    (["--help"], .help),
    (["-h"], .help),
    (["--version"], .version),
    (["run", "hunt.evs"], .runFile("hunt.evs", ScriptOptions())),
    (
      ["run", "hunt.evs", "--keep-going", "--echo"],
      .runFile("hunt.evs", ScriptOptions(keepGoing: true, echo: true))
    ),
    (
      ["run", "h.evs", "--param", "host=WIN1", "--param=eps=0.5"],
      .runFile(
        "h.evs",
        ScriptOptions(parameters: [
          ScriptParameter(name: "host", value: "WIN1"), ScriptParameter(name: "eps", value: "0.5"),
        ]))
    ),
    (
      ["run", "--keep-going", "--param", "host=W", "h.evs"],
      .runFile(
        "h.evs",
        ScriptOptions(keepGoing: true, parameters: [ScriptParameter(name: "host", value: "W")]))
    ),
    (["check", "--update", "h.evs"], .checkFile("h.evs", ScriptOptions(update: true))),
    (["-c", "procs | count"], .command("procs | count", ScriptOptions())),
    (["--trace", "-c", "x"], .command("x", ScriptOptions(trace: true))),
    (["-c", "x", "--keep-going"], .command("x", ScriptOptions(keepGoing: true))),
  ])
  func readsValidCommandLines(_ arguments: [String], _ expected: Invocation) throws {
    #expect(try Invocation.parse(arguments) == expected)
  }

  @Test(arguments: [
    (["rnu", "x.evs"], UsageError.unknownCommand("rnu", suggestions: ["run"])),
    (["--hlep"], .unknownOption("--hlep", suggestions: ["--help"])),
    (["--frobnicate"], .unknownOption("--frobnicate", suggestions: [])),
    (["run"], .missingValue(after: "run", expected: "a script file (evs run FILE.evs)")),
    (["-c"], .missingValue(after: "-c", expected: "statements to run (evs -c \"...\")")),
    (
      ["run", "x.evs", "--kep-going"], .unknownOption("--kep-going", suggestions: ["--keep-going"])
    ),
    (["run", "x.evs", "--param", "novalue"], .invalidParameter("novalue")),
    (["run", "x.evs", "--param", "=v"], .invalidParameter("=v")),
    (["run", "x.evs", "--param"], .missingValue(after: "--param", expected: "NAME=VALUE")),
    (["run", "x.evs", "y.evs"], .unexpectedArgument("y.evs")),
    (["hunt.evs"], .scriptWithoutRun("hunt.evs")),
  ])
  func rejectsBadCommandLinesNamingTheArgument(_ arguments: [String], _ expected: UsageError) {
    #expect(throws: expected) { try Invocation.parse(arguments) }
  }

  @Test func usageErrorsSuggestTheClosestName() {
    let error = UsageError.unknownOption("--hlep", suggestions: ["--help"])
    #expect(error.description == "unknown option '--hlep'; did you mean --help?")
  }
}
