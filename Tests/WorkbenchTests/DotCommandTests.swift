import DSL
import Engine
import Foundation
import Testing

@testable import Workbench

/// The dot commands that change how results are shown and where they go.
@Suite("Dot commands")
struct DotCommandTests {
  /// Two rows with a comma, quotes, a null in each column and a boolean.
  static let hits = Table(
    columnNames: ["name", "n", "x", "ok"],
    columns: [
      Column(type: .string, cells: [.string(#"a,"b""#), .null]),
      Column(type: .int, cells: [.int(1), .null]),
      Column(type: .float, cells: [.float(1.5), .null]),
      Column(type: .bool, cells: [.bool(true), .bool(false)]),
    ])

  private func shell(_ console: RecordingConsole, folder: String = "/") -> Shell {
    let session = Session(baseDirectory: folder)
    session.bind("hits", table: Self.hits)
    return Shell(session: session, console: console, interactive: false, terminal: { notATerminal })
  }

  private func location(_ line: Int) -> DSL.SourceLocation {
    DSL.SourceLocation(file: "t.evs", line: line, column: 1)
  }

  @Test(arguments: [
    ("csv", "name,n,x,ok\n\"a,\"\"b\"\"\",1,1.5,true\n,,,false\n"),
    ("tsv", "name\tn\tx\tok\n\"a,\"\"b\"\"\"\t1\t1.5\ttrue\n\t\t\tfalse\n"),
    (
      "json",
      #"[{"name":"a,\"b\"","n":1,"x":1.5,"ok":true},"# + "\n"
        + #"{"name":null,"n":null,"x":null,"ok":false}]"# + "\n"
    ),
    (
      "jsonl",
      #"{"name":"a,\"b\"","n":1,"x":1.5,"ok":true}"# + "\n"
        + #"{"name":null,"n":null,"x":null,"ok":false}"# + "\n"
    ),
    (
      "markdown",
      "| name | n | x | ok |\n| --- | ---: | ---: | --- |\n| a,\"b\" | 1 | 1.5 | true |\n"
        + "|  |  |  | false |\n"
    ),
    (
      "line",
      "name = a,\"b\"\n   n = 1\n   x = 1.5\n  ok = true\n\nname = \n   n = \n   x = \n"
        + "  ok = false\n"
    ),
  ])
  func modeWritesEveryRowInItsFormat(_ mode: String, _ expected: String) {
    let console = RecordingConsole()
    let shell = shell(console)
    #expect(shell.runMeta(".mode \(mode)", at: location(1)) == .proceed)
    #expect(shell.runStatement("hits", at: location(2)))
    #expect(console.output == expected)
  }

  @Test func textModesKeepEveryRowThatTablesWouldHide() {
    let console = RecordingConsole()
    let shell = shell(console)
    shell.runMeta(".mode jsonl", at: location(1))
    shell.runMeta(".maxrows 1", at: location(2))
    shell.runStatement("hits | extend n = 1", at: location(3))
    #expect(console.output.split(separator: "\n").count == 2)
  }

  @Test func settingsChangeQuietlyAndShowWhenAsked() {
    let console = RecordingConsole()
    let shell = shell(console)
    for command in [".mode csv", ".timer on", ".bail off", ".echo on"] {
      #expect(shell.runMeta(command, at: location(1)) == .proceed)
    }
    #expect(console.output.isEmpty)
    for command in [".mode", ".timer", ".bail", ".echo"] {
      shell.runMeta(command, at: location(2))
    }
    #expect(console.output == "mode: csv\ntimer: on\nbail: off\necho: on\n")
  }

  @Test func timerShowsTheTotalAndEveryStageOnStandardError() throws {
    let console = RecordingConsole()
    let shell = shell(console)
    shell.runMeta(".timer on", at: location(1))
    shell.runStatement("hits | where ok | select name", at: location(2))
    let lines = console.error.split(separator: "\n").map(String.init)
    try #require(lines.count == 4)
    #expect(lines[0].hasPrefix("time: ") && lines[0].hasSuffix(" s"))
    #expect(lines[1].hasPrefix("  hits    2 rows  "))
    #expect(lines[2].hasPrefix("  where   2 → 1   "))
    #expect(lines[3].hasPrefix("  select  1 → 1   "))
    #expect(!console.output.contains("time"))
  }

  @Test(arguments: [(0.0, "0.000 s"), (0.0304, "0.030 s"), (12.3456, "12.346 s")])
  func timesHaveThreeDecimals(_ seconds: Double, _ text: String) {
    #expect(TimingReport.format(seconds) == text)
  }

  @Test func outputFileAppearsWhenClosedAndHoldsOnlyResults() throws {
    let folder = try TestPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let console = RecordingConsole()
    let shell = shell(console, folder: folder.path)
    let target = folder.appendingPathComponent("hits.csv")

    shell.runMeta(".mode csv", at: location(1))
    shell.runMeta(".output hits.csv", at: location(2))
    shell.runStatement("hits | where ok", at: location(3))
    shell.runStatement("frobnicate", at: location(4))
    #expect(!FileManager.default.fileExists(atPath: target.path))
    shell.runStatement("hits | where not ok | select name", at: location(5))
    shell.runMeta(".output", at: location(6))

    let written = try String(contentsOf: target, encoding: .utf8)
    #expect(written == "name,n,x,ok\n\"a,\"\"b\"\"\",1,1.5,true\nname\n\"\"\n")
    #expect(console.output.isEmpty)
    #expect(console.error.contains("frobnicate"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(leftovers == ["hits.csv"])
  }

  @Test func outputIsLaidOutAsForAFileWhateverTheTerminal() throws {
    let folder = try TestPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let session = Session(baseDirectory: folder.path)
    session.bind("hits", table: Self.hits)
    let wide = TerminalInfo(isTerminal: true, reportedColumns: 200, environment: ["TERM": "xterm"])
    let shell = Shell(
      session: session, console: RecordingConsole(), interactive: true, terminal: { wide })
    shell.runMeta(".output t.txt", at: location(1))
    shell.runStatement("hits", at: location(2))
    shell.finish()
    let written = try String(
      contentsOf: folder.appendingPathComponent("t.txt"), encoding: .utf8)
    #expect(!written.contains("\u{1B}["))
    #expect(written.hasPrefix("┌"))
  }

  @Test func outputToAFolderThatIsMissingIsAnError() {
    let console = RecordingConsole()
    let shell = shell(console, folder: "/nonexistent-evs-folder")
    #expect(shell.runMeta(".output x.csv", at: location(1)) == .failed)
    #expect(console.error.contains("cannot write '/nonexistent-evs-folder/x.csv'"))
  }

  @Test func lastShowsEveryRowOfTheLastResult() {
    let console = RecordingConsole()
    let shell = shell(console)
    shell.session.bind(
      "long", table: Table(columnNames: ["i"], columns: [Column(.int(Array(0..<30)))]))
    shell.runMeta(".maxrows 4", at: location(1))
    shell.runStatement("long | where i >= 0", at: location(2))
    #expect(console.output.hasSuffix("30 rows × 1 column (26 rows hidden)\n"))
    #expect(shell.runMeta(".last", at: location(3)) == .proceed)
    #expect(console.output.hasSuffix("│ 29 │\n└────┘\n30 rows × 1 column\n"))
    #expect(console.output.contains("│ 14 │"))
  }

  @Test func lastBeforeAnyResultIsAnError() {
    let console = RecordingConsole()
    #expect(shell(console).runMeta(".last", at: location(1)) == .failed)
    #expect(console.error.contains("there is no last result yet"))
  }

  @Test func historyIsKeptAtTheREPLOnly() {
    let console = RecordingConsole()
    let shell = shell(console)
    shell.runMeta(".history", at: location(1))
    #expect(console.output == "history is kept at the REPL only\n")
    shell.history = { ["hits |\n  head 1", ".mode csv"] }
    shell.runMeta(".history", at: location(2))
    #expect(console.output.hasSuffix("1  hits |\n     head 1\n2  .mode csv\n"))
  }

  @Test func bailOffLetsAScriptRunOnButItStillFails() {
    let console = RecordingConsole()
    let status = ScriptRunner(shell: shell(console), options: ScriptOptions())
      .run(".bail off\nfrobnicate\nhits | count\n", file: "t.evs")
    #expect(status == 1)
    #expect(console.output.contains("│     2 │"))
  }

  @Test func scriptParametersMustBeDeclared() {
    let console = RecordingConsole()
    let options = ScriptOptions(parameters: [ScriptParameter(name: "hots", value: "h2")])
    let script = "param host = \"h1\"\nparam since = 2\nhost\n"
    let status = ScriptRunner(shell: shell(console), options: options).run(script, file: "t.evs")
    #expect(status == 2)
    #expect(
      console.error
        == "evs: error: --param hots: the script declares no parameter 'hots' (did you mean"
        + " host?); it declares host = \"h1\" (string), since = 2 (int)\n")
    #expect(console.output.isEmpty)
  }

  @Test func scriptParametersOverrideTheirDefaults() {
    let console = RecordingConsole()
    let options = ScriptOptions(parameters: [ScriptParameter(name: "since", value: "5")])
    let script = "param host = \"h1\"\nparam since = 2\nsince + 1\n"
    let status = ScriptRunner(shell: shell(console), options: options).run(script, file: "t.evs")
    #expect(status == 0)
    #expect(console.output == "6\n")
  }

  @Test(arguments: [
    ("sort", ["form:    sort COL [asc|desc], ...", "aliases: sort by, order by"]),
    ("project", ["select: keep, rename, compute"]),
    (".mode", [".mode [MODE]: table, csv, tsv, json, jsonl, markdown or line"]),
    ("timer", [".timer [on|off]: "]),
    ("keys", ["Tab      complete", "Ctrl-C   clear the line; while a statement runs, cancel it"]),
    ("functions", ["coalesce", "datetime"]),
    ("aggregates", ["dcount()", "avg() (= mean)"]),
  ])
  func helpTopicsShowFormsCommandsAndLists(_ topic: String, _ fragments: [String]) throws {
    let text = try HelpText.topic(topic).joined(separator: "\n")
    for fragment in fragments { #expect(text.contains(fragment)) }
    #expect(try HelpText.topic(topic).allSatisfy { TextWidth.columns(of: $0) <= 80 })
  }

  @Test func everyVerbAndAliasHasHelpWithAnExample() throws {
    let verbs = Completer(session: Session(baseDirectory: "/")).candidates(for: "x | ")
    #expect(verbs.count > 20)
    for verb in verbs + ["load"] {
      #expect(try HelpText.topic(verb).contains { $0.hasPrefix("  example: ") })
    }
  }
}
