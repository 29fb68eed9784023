import DSL
import Testing

@testable import Workbench

@Suite("MetaCommand")
struct MetaCommandTests {
  @Test(arguments: [
    (".help", MetaCommand.help(topic: nil)),
    (".help cluster", .help(topic: "cluster")),
    (".vars", .vars),
    (".schema procs", .schema(name: "procs")),
    (".schema", .schema(name: nil)),
    (".width 100", .width(100)),
    (".width  auto", .width(0)),
    (".width", .width(nil)),
    (".maxrows 0", .maxRows(0)),
    (".maxrows\t50", .maxRows(50)),
    (".maxwidth 12", .maxColumnWidth(12)),
    (".charset ascii", .charset(.ascii)),
    (".mode csv", .mode(.csv)),
    (".mode", .mode(nil)),
    (".timer on", .timer(true)),
    (".bail off", .bail(false)),
    (".echo on", .echo(true)),
    (".output hits.csv", .output("hits.csv")),
    (#".output "my hits.csv" "#, .output("my hits.csv")),
    (".output", .output(nil)),
    (".last", .last),
    (".history", .history),
    (".quit", .quit),
    (".exit", .quit),
  ])
  func readsDotCommands(_ text: String, _ expected: MetaCommand) throws {
    #expect(try MetaCommand.parse(text) == expected)
  }

  @Test(arguments: [
    (".hepl", MetaCommandError.unknown(".hepl", suggestions: [".help"])),
    (".wdith 3", .unknown(".wdith", suggestions: [".width"])),
    (".mode xml", .invalidArgument(".mode", "xml", expected: modeExpectation)),
    (".timer yes", .invalidArgument(".timer", "yes", expected: "on or off")),
    (".last now", .unexpectedArguments(".last", ["now"])),
    (".vars x", .unexpectedArguments(".vars", ["x"])),
    (".width 5", .invalidArgument(".width", "5", expected: widthExpectation)),
    (".width wide", .invalidArgument(".width", "wide", expected: widthExpectation)),
    (
      ".width 9223372036854775807",
      .invalidArgument(".width", "9223372036854775807", expected: widthExpectation)
    ),
    (".maxrows -1", .invalidArgument(".maxrows", "-1", expected: "a whole number of at least 0")),
    (
      ".charset fancy",
      .invalidArgument(".charset", "fancy", expected: "auto, braille, block, ascii")
    ),
  ])
  func rejectsBadDotCommands(_ text: String, _ expected: MetaCommandError) {
    #expect(throws: expected) { try MetaCommand.parse(text) }
  }

  static let widthExpectation = "a number of columns from 20 to 1000, or auto"
  static let modeExpectation = "one of table, csv, tsv, json, jsonl, markdown, line"
}

@Suite("Shell and ScriptRunner")
struct ShellTests {
  private func shell(_ console: RecordingConsole, interactive: Bool = false) -> Shell {
    Shell(
      session: Session(baseDirectory: "/"), console: console, interactive: interactive,
      terminal: { notATerminal })
  }

  @Test func dotCommandsChangeAndReportSettings() {
    let console = RecordingConsole()
    let shell = shell(console)
    #expect(shell.runMeta(".width", at: location(1)) == .proceed)
    #expect(shell.runMeta(".width 120", at: location(2)) == .proceed)
    #expect(shell.runMeta(".maxrows 0", at: location(3)) == .proceed)
    #expect(shell.settings.width == 120)
    #expect(shell.settings.maxRows == 0)
    #expect(console.output == "width: 80 (auto)\n")
    shell.runMeta(".width", at: location(4))
    shell.runMeta(".maxrows", at: location(5))
    #expect(console.output.hasSuffix("width: 120\nmaxrows: 0 (all rows)\n"))
  }

  @Test func unknownDotCommandIsALocatedErrorWithASuggestion() {
    let console = RecordingConsole()
    #expect(shell(console).runMeta(".hepl", at: location(4)) == .failed)
    #expect(
      console.error.hasPrefix("t.evs:4:1: error: unknown command '.hepl'; did you mean .help?"))
    #expect(console.error.contains("\n  .hepl\n  ^~~~~\n"))
  }

  @Test func helpListsVerbsWithExamplesAndDotCommands() {
    let console = RecordingConsole()
    shell(console).runMeta(".help", at: location(1))
    for word in ["load", "cluster", "plot", ".vars", ".schema", ".maxrows", ".quit"] {
      #expect(console.output.contains(word))
    }
  }

  @Test func helpFitsEightyColumns() {
    #expect(HelpText.overview.allSatisfy { TextWidth.columns(of: $0) <= 80 })
    #expect(HelpText.usage.split(separator: "\n").allSatisfy { $0.count <= 80 })
  }

  @Test func helpOnAVerbShowsItsExampleAndSuggestsForTypos() throws {
    #expect(try HelpText.topic("cluster").joined().contains("feats | cluster"))
    #expect(throws: MetaCommandError.unknownTopic("clster", suggestions: ["cluster"])) {
      try HelpText.topic("clster")
    }
  }

  @Test func schemaOfAnUnboundNameIsAnError() {
    let console = RecordingConsole()
    #expect(shell(console).runMeta(".schema procs", at: location(1)) == .failed)
    #expect(console.error.contains("nothing is bound to 'procs'"))
  }

  @Test func scriptStopsAtTheFirstError() {
    let console = RecordingConsole()
    let status = ScriptRunner(shell: shell(console), options: ScriptOptions())
      .run("frobnicate\n.width 100\n", file: "t.evs")
    #expect(status == 1)
    #expect(console.error.hasPrefix("t.evs:1:1: error: "))
    #expect(console.output.isEmpty)
  }

  @Test func keepGoingRunsTheRestButStillFails() {
    let console = RecordingConsole()
    let status = ScriptRunner(shell: shell(console), options: ScriptOptions(keepGoing: true))
      .run("frobnicate\n.width 100\n.width\n", file: "t.evs")
    #expect(status == 1)
    #expect(console.output == "width: 100\n")
  }

  @Test func quitEndsAScriptWithoutRunningTheRest() {
    let console = RecordingConsole()
    let status = ScriptRunner(shell: shell(console), options: ScriptOptions(echo: true))
      .run("## intro\n.maxrows 5\n.maxrows\n.quit\nfrobnicate\n", file: "t.evs")
    #expect(status == 0)
    #expect(console.output == "evs> .maxrows 5\nevs> .maxrows\nmaxrows: 5\nevs> .quit\n")
    #expect(console.error.isEmpty)
  }

  @Test func interactiveErrorsLeaveOutTheLocationPrefix() {
    let console = RecordingConsole()
    shell(console, interactive: true).runStatement("frobnicate", at: location(1))
    #expect(console.error.hasPrefix("error: "))
    #expect(console.error.contains("\n  frobnicate\n  ^"))
  }

  @Test func scriptsResolvePathsAgainstTheirFolder() {
    #expect(ScriptRunner.baseDirectory(of: "/tmp/hunts/a.evs") == "/tmp/hunts")
  }

  private func location(_ line: Int) -> DSL.SourceLocation {
    DSL.SourceLocation(file: "t.evs", line: line, column: 1)
  }
}

@Suite struct HelpMatchesTheLanguageTests {
  /// Every verb `.help` lists must parse, so help never offers what evs cannot do.
  @Test func everyVerbInHelpIsKnownToTheParser() {
    let session = DSL.Session(baseDirectory: ".")
    for line in HelpText.overview where line.hasPrefix("  ") && !line.hasPrefix("  .") {
      let verb = line.split(separator: " ").first.map(String.init) ?? ""
      guard !verb.isEmpty, verb != "load" else { continue }
      let result = session.execute(
        "x | \(verb)", at: SourceLocation(file: "t", line: 1, column: 1))
      guard case .failure(let diagnostic) = result.outcome else { continue }
      #expect(!diagnostic.message.hasPrefix("unknown verb"), "\(verb)")
    }
  }
}
