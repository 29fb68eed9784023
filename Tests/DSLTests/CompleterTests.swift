import DSL
import Engine
import Foundation
import Testing

/// A session to complete in: two bound tables, a parameter, a last result, and a folder
/// with a CSV file, a subfolder and a hidden file.
enum CompletionFixture {
  static let folder: String = {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("evs-complete-\(UUID().uuidString.prefix(8))")
    let files = [
      "events.csv": "TimeGenerated,Computer,CommandLine\n2019-01-15 05:00:00,host1,cmd.exe\n",
      "data/more.csv": "a,b\n1,2\n",
      ".hidden": "",
    ]
    for (name, text) in files {
      let url = folder.appendingPathComponent(name)
      try? FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? Data(text.utf8).write(to: url)
    }
    return folder.path
  }()

  static let commands = [
    CompletableCommand(".help", .words(["cluster", "where"])),
    CompletableCommand(".mode", .words(["table", "csv", "tsv", "json"])),
    CompletableCommand(".schema", .boundName),
    CompletableCommand(".output", .path),
    CompletableCommand(".timer", .words(["on", "off"])),
    CompletableCommand(".tables"),
  ]

  static func session() -> Session {
    let session = Session(baseDirectory: folder)
    let procs = Table(
      columnNames: [
        "TimeGenerated", "Account", "CommandLine", "NewProcessName", "SubjectLogonId", "EventID",
        "Odd Name",
      ],
      columns: [
        Column(type: .timestamp, cells: [.timestamp(0)]),
        Column(type: .string, cells: [.string("alice")]),
        Column(type: .string, cells: [.string("cmd.exe /c dir")]),
        Column(type: .string, cells: [.string(#"C:\Windows\cmd.exe"#)]),
        Column(type: .string, cells: [.string("0x3e7")]),
        Column(.int([4688])),
        Column(type: .string, cells: [.string("x")]),
      ])
    session.bind("procs", table: procs)
    session.bind(
      "logons",
      table: Table(
        columnNames: ["Account", "LogonType"],
        columns: [Column(type: .string, cells: [.string("alice")]), Column(.int([3]))]))
    let start = SourceLocation(file: "t.evs", line: 1, column: 1)
    _ = session.execute(#"param host = "h1""#, at: start)
    _ = session.execute("procs | select Account, EventID", at: start)
    return session
  }

  static func completer() -> Completer {
    Completer(session: session(), commands: commands)
  }
}

/// One completion case: the line with `‸` at the cursor (the end when absent).
struct CompletionCase: CustomTestStringConvertible, Sendable {
  var line: String
  var cursor: Int?
  var expected: [String]
  var testDescription: String { line }

  init(_ marked: String, _ expected: [String]) {
    let characters = Array(marked)
    cursor = characters.firstIndex(of: "‸")
    line = marked.replacingOccurrences(of: "‸", with: "")
    self.expected = expected
  }
}

@Suite("Completer")
struct CompleterTests {
  static let pipelineCases: [CompletionCase] = [
    CompletionCase("procs | wh", ["where"]),
    CompletionCase("procs | s", ["save", "schema", "select", "sort", "summarize"]),
    CompletionCase("procs | project-a", ["project-away"]),
    CompletionCase("procs | wh‸ere Account", ["where"]),
    CompletionCase("procs | where Comm", ["CommandLine"]),
    CompletionCase("procs | where comm", ["CommandLine"]),
    CompletionCase("procs | where not Ac", ["Account"]),
    CompletionCase("procs | where CommandLine con", ["contains"]),
    CompletionCase(#"procs | where Account == "x" a"#, ["and"]),
    CompletionCase("procs | where le", ["len"]),
    CompletionCase("procs | where lo", ["log10", "lower"]),
    CompletionCase("procs | where ho", ["host", "hour", "hourofday"]),
    CompletionCase("procs | where Odd", ["`Odd Name`"]),
    CompletionCase("procs | where `Od", ["`Odd Name`"]),
    CompletionCase("procs | extend n = len(Comm", ["CommandLine"]),
    CompletionCase("procs | select Acc", ["Account"]),
    CompletionCase("procs | extend cmdLen = len(CommandLine) | where cmd", ["cmdLen"]),
    CompletionCase("procs | select Account, EventID | where Comm", []),
    CompletionCase("procs | features process | sort proc", ["processName"]),
    CompletionCase("procs | summarize n = count() by Account | sort ", ["Account", "n"]),
    CompletionCase("procs | groupby Account agg d", ["dcount"]),
    CompletionCase("procs | groupby Account ", ["agg"]),
    CompletionCase("procs | summarize m", ["max", "mean", "median", "min"]),
    CompletionCase("procs | summarize count() ", ["by"]),
    CompletionCase("procs | summarize count() by Ac", ["Account"]),
    CompletionCase("procs | summarize dcount(Comm", ["CommandLine"]),
    CompletionCase("procs | sort EventID ", ["asc", "desc"]),
    CompletionCase("procs | order ", ["by"]),
    CompletionCase("procs | top 5 ", ["by"]),
    CompletionCase("procs | top 5 by Ev", ["EventID"]),
    CompletionCase("procs | drop Time", ["TimeGenerated"]),
    CompletionCase("procs | head 1", []),
    CompletionCase("procs # a comment | wh", []),
    CompletionCase(#"procs | where CommandLine contains "wh"#, []),
  ]

  static let verbArgumentCases: [CompletionCase] = [
    CompletionCase("procs | join ", ["procs", "logons"]),
    CompletionCase("procs | join lo", ["logons"]),
    CompletionCase("procs | join logons ", ["on"]),
    CompletionCase("procs | join logons on Acc", ["Account"]),
    CompletionCase("procs | join logons on Account = Lo", ["LogonType"]),
    CompletionCase("procs | join logons on Account ", ["kind="]),
    CompletionCase("procs | join logons on Account kind=", ["inner", "left"]),
    CompletionCase("procs | plot ", ChartKind.allCases.map(\.rawValue)),
    CompletionCase("procs | plot bar Acc", ["Account"]),
    CompletionCase("procs | plot bar Account ti", ["title="]),
    CompletionCase("procs | plot timechart TimeGenerated by=Acc", ["Account"]),
    CompletionCase("procs | cluster Ev", ["EventID"]),
    CompletionCase("procs | cluster A", []),
    CompletionCase("procs | cluster EventID e", ["eps="]),
    CompletionCase("procs | cluster EventID keep=", ["exemplars", "all"]),
    CompletionCase("procs | cluster EventID time=Ti", ["TimeGenerated"]),
    CompletionCase("procs | features ", ["process"]),
    CompletionCase("procs | features process cm", ["cmdline="]),
    CompletionCase("procs | features process path=New", ["NewProcessName"]),
  ]

  static let statementCases: [CompletionCase] = [
    CompletionCase("", ["let", "param", "load", "procs", "logons", "host", "_"]),
    CompletionCase("pro", ["procs"]),
    CompletionCase("let x = lo", ["logons", "load"]),
    CompletionCase("let x = procs | wh", ["where"]),
    CompletionCase("let ", []),
    CompletionCase("param host = ", []),
    CompletionCase("| where Acc", ["Account"]),
    CompletionCase("| where Comm", []),
    CompletionCase(#"load "ev"#, ["events.csv"]),
    CompletionCase(#"load "da"#, ["data/"]),
    CompletionCase(#"load "data/"#, ["data/more.csv"]),
    CompletionCase(#"load "."#, [".hidden"]),
    CompletionCase(#"load "events.csv" | where Comp"#, ["Computer"]),
    CompletionCase(#"load "events.csv" f"#, ["format="]),
    CompletionCase(#"load "events.csv" format="#, ["csv", "tsv", "jsonl", "json"]),
    CompletionCase(#"procs | save "ev"#, ["events.csv"]),
    CompletionCase(".ti", [".timer"]),
    CompletionCase(".t", [".timer", ".tables"]),
    CompletionCase(".mode c", ["csv"]),
    CompletionCase(".schema lo", ["logons"]),
    CompletionCase(".output da", ["data/"]),
    CompletionCase(".tables x", []),
  ]

  @Test(arguments: pipelineCases)
  func completesInsidePipelines(_ row: CompletionCase) {
    let found = CompletionFixture.completer().candidates(for: row.line, cursor: row.cursor)
    #expect(found == row.expected)
  }

  @Test(arguments: verbArgumentCases)
  func completesVerbArguments(_ row: CompletionCase) {
    let found = CompletionFixture.completer().candidates(for: row.line, cursor: row.cursor)
    #expect(found == row.expected)
  }

  @Test(arguments: statementCases)
  func completesStatementsFilesAndDotCommands(_ row: CompletionCase) {
    let found = CompletionFixture.completer().candidates(for: row.line, cursor: row.cursor)
    #expect(found == row.expected)
  }

  @Test(arguments: [
    ("procs | wh", 8),
    ("procs | project-a", 8),
    (#"load "data/m"#, 6),
    ("procs | where `Od", 14),
    ("  .mo", 2),
    (".mode c", 6),
  ])
  func theReplacedWordStartsWhereItWasTyped(_ line: String, _ start: Int) {
    #expect(CompletionFixture.completer().completion(for: line).start == start)
  }

  @Test func aContinuationLineCompletesWithTheStatementAboveIt() {
    let completer = CompletionFixture.completer()
    let completion = completer.completion(
      for: "  | where Comm", preceding: "procs\n  | extend n = 1")
    #expect(completion.candidates.map(\.text) == ["CommandLine"])
    #expect(completion.start == 10)
    #expect(completer.candidates(for: "| sort n", preceding: "procs | extend n = 1") == ["n"])
  }

  @Test func terminatorsSuitWhatWasCompleted() {
    let completer = CompletionFixture.completer()
    let terminator = { (line: String) in
      completer.completion(for: line).candidates.first?.terminator
    }
    #expect(terminator("procs | wh") == " ")
    #expect(terminator("procs | where lo") == "(")
    #expect(terminator(#"load "ev"#) == "\"")
    #expect(terminator(#"load "da"#) == "")
    #expect(terminator("procs | cluster EventID e") == "")
    #expect(terminator("let x = loa") == " \"")
  }

  @Test func commonPrefixIsWhatEveryCandidateStartsWith() {
    let completion = CompletionFixture.completer().completion(for: "procs | summarize m")
    #expect(completion.commonPrefix(typed: "m") == "m")
    let single = CompletionFixture.completer().completion(for: "procs | where Comm")
    #expect(single.commonPrefix(typed: "Comm") == "CommandLine")
  }

  @Test func completingChangesNothingInTheSession() {
    let session = CompletionFixture.session()
    let before = session.bindingNames
    _ = Completer(session: session).candidates(for: #"let x = load "events.csv" | where "#)
    #expect(session.bindingNames == before)
  }
}
