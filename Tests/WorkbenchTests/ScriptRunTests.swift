import Foundation
import Testing

/// `evs run` on scripts: parameters, the check before running, `.read` and `.save`.
@Suite("Running scripts", .enabled(if: TestPaths.evs != nil, "the evs executable is not built"))
struct ScriptRunTests {
  /// A temporary folder with files in it, removed afterwards.
  final class Folder {
    let url: URL

    init(_ files: [String: String]) throws {
      url = try TestPaths.temporaryFolder()
      for (name, text) in files {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(
          at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
      }
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func exists(_ name: String) -> Bool {
      FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path)
    }

    func evs(_ arguments: [String], input: String = "") throws -> ProcessResult {
      try runProcess(try #require(TestPaths.evs), arguments, input: input, in: url)
    }
  }

  /// This week's export: the process events without a `SubjectLogonId` column.
  static let exportWithoutLogonId = """
    TimeGenerated,NewProcessName,CommandLine
    2021-03-09 14:12:35,C:\\Windows\\System32\\whoami.exe,whoami /all
    2021-03-09 14:15:21,C:\\Windows\\System32\\nltest.exe,nltest /domain_trusts

    """

  static let hunt = """
    let procs = load "export.csv"
    procs | save "step1.csv"
    procs | count
    let recent = procs | where TimeGenerated > datetime("2021-03-09 14:00:00")
    recent | count
    # ... many statements later ...
    recent
      | where SubjectLogonId == "0x3e7"
      | select TimeGenerated, CommandLine

    """

  @Test func missingColumnAtALateLineStopsTheScriptBeforeAnythingRuns() throws {
    let folder = try Folder(["export.csv": Self.exportWithoutLogonId, "hunt.evs": Self.hunt])
    let result = try folder.evs(["run", "hunt.evs"])

    #expect(result.status == 1)
    #expect(result.output.isEmpty)
    #expect(result.error.hasPrefix("hunt.evs:8:11: error: unknown column 'SubjectLogonId'"))
    #expect(result.error.contains("\"export.csv\""))
    #expect(result.error.contains("nothing was run"))
    #expect(!folder.exists("step1.csv"))
  }

  @Test func featuresNeedingAMissingColumnAreCaughtBeforeRunning() throws {
    let script = "let procs = load \"export.csv\"\nprocs | count\nprocs | features process\n"
    let folder = try Folder(["export.csv": Self.exportWithoutLogonId, "f.evs": script])
    let result = try folder.evs(["run", "f.evs"])
    #expect(result.status == 1)
    #expect(result.output.isEmpty)
    #expect(result.error.hasPrefix("f.evs:3:"))
    #expect(result.error.contains("'SubjectLogonId'"))
  }

  @Test func keepGoingRunsWhatItCanAndStillFails() throws {
    let folder = try Folder(["export.csv": Self.exportWithoutLogonId, "hunt.evs": Self.hunt])
    let result = try folder.evs(["run", "hunt.evs", "--keep-going"])
    #expect(result.status == 1)
    #expect(folder.exists("step1.csv"))
    #expect(result.output.contains("│     2 │"))
    #expect(result.error.hasPrefix("note: saved 2 rows to step1.csv\n"))
    #expect(result.error.contains("hunt.evs:8:11: error: unknown column 'SubjectLogonId'"))
  }

  @Test func loadsOfMissingFilesAreLeftToRunTime() throws {
    let script = "1 + 1\nlet later = load \"not-yet.csv\"\nlater | where AnyColumn > 1\n"
    let folder = try Folder(["s.evs": script])
    let result = try folder.evs(["run", "s.evs"])
    #expect(result.status == 1)
    #expect(result.output == "2\n")
    #expect(result.error.hasPrefix("s.evs:2:"))
    #expect(result.error.contains("not-yet.csv: no such file"))
  }

  static let parameterised = """
    param host = "WS1"
    param limit = 2
    host
    limit + 1

    """

  @Test func parameterOverridesAreTypedLikeTheirDefaults() throws {
    let folder = try Folder(["p.evs": Self.parameterised])
    let plain = try folder.evs(["run", "p.evs"])
    #expect(plain.output == "WS1\n3\n")
    let overridden = try folder.evs(["run", "p.evs", "--param", "host=WS9", "--param=limit=40"])
    #expect(overridden.status == 0)
    #expect(overridden.output == "WS9\n41\n")
  }

  @Test func unknownParameterIsAnErrorNamingTheDeclaredOnes() throws {
    let folder = try Folder(["p.evs": Self.parameterised])
    let result = try folder.evs(["run", "p.evs", "--param", "hots=WS2"])
    #expect(result.status == 2)
    #expect(result.output.isEmpty)
    #expect(
      result.error
        == "evs: error: --param hots: the script declares no parameter 'hots' (did you mean "
        + "host?); it declares host = \"WS1\" (string), limit = 2 (int)\n")
  }

  @Test func illTypedParameterIsAnErrorBeforeAnythingRuns() throws {
    let folder = try Folder(["p.evs": Self.parameterised])
    let result = try folder.evs(["run", "p.evs", "--param", "limit=many"])
    #expect(result.status == 2)
    #expect(result.output.isEmpty)
    #expect(result.error.contains("--param limit=many: expected a whole number"))
    #expect(result.error.contains("it declares host = \"WS1\" (string), limit = 2 (int)"))
  }

  @Test func echoShowsEachStatementBeforeItsOutput() throws {
    let folder = try Folder(["p.evs": Self.parameterised])
    let result = try folder.evs(["run", "p.evs", "--echo"])
    #expect(
      result.output.hasPrefix("evs> param host = \"WS1\"\nevs> param limit = 2\nevs> host\nWS1\n"))
  }

  @Test func readRunsAScriptBesideTheReaderAndKeepsItsLineNumbers() throws {
    let folder = try Folder([
      "main.evs": ".read lib/setup.evs\nhosts | count\n.read lib/broken.evs\nhosts | count\n",
      "lib/setup.evs": "# shared setup\nlet hosts = load \"hosts.csv\"\n",
      "lib/hosts.csv": "Host\nWS1\nWS2\n",
      "lib/broken.evs": "hosts | count\n\nhosts | where Nope > 1\n",
    ])
    let result = try folder.evs(["run", "main.evs"])
    #expect(result.status == 1)
    #expect(result.error.hasPrefix("lib/broken.evs:3:15: error: unknown column 'Nope'"))
    #expect(result.output.isEmpty)

    let kept = try folder.evs(["run", "main.evs", "--keep-going"])
    #expect(kept.output.components(separatedBy: "│     2 │").count - 1 == 3)
    #expect(kept.error.hasPrefix("lib/broken.evs:3:15: error: unknown column 'Nope'"))
  }

  @Test func readOfItselfIsRefused() throws {
    let folder = try Folder(["loop.evs": "1\n.read loop.evs\n"])
    let result = try folder.evs(["run", "loop.evs"])
    #expect(result.status == 1)
    #expect(result.output == "1\n")
    #expect(
      result.error.hasPrefix(
        "loop.evs:2:1: error: 'loop.evs' is already being read; a script cannot .read itself"))
  }

  @Test func readingRoundACircleNamesTheScriptThatClosesItAndTheChain() throws {
    let folder = try Folder([
      "a.evs": ".read lib/b.evs\n", "lib/b.evs": "2\n.read c.evs\n",
      "lib/c.evs": ".read ../a.evs\n",
    ])
    let result = try folder.evs(["run", "a.evs"])

    #expect(result.status == 1)
    #expect(result.output == "2\n")
    #expect(
      result.error.hasPrefix(
        "lib/c.evs:1:1: error: 'lib/../a.evs' is already being read (a.evs reads lib/b.evs "
          + "reads lib/c.evs reads lib/../a.evs); a script cannot .read itself"))
  }

  @Test func savedSessionBecomesAScriptThatCheckUpdateFills() throws {
    let folder = try Folder(["data/hosts.csv": "Host,Logons\nWS1,3\nWS2,5\n", "out/.keep": ""])
    let session = """
      ## Busy hosts first
      let hosts = load "data/hosts.csv"
      frobnicate
      .width 70
      hosts | sort Logons desc | head 1
      .vars
      .save out/busy.evs

      """
    let saved = try folder.evs(["-c", session, "--keep-going"])
    #expect(saved.output.contains("saved 2 statements to out/busy.evs"))

    let script = try String(
      contentsOf: folder.url.appendingPathComponent("out/busy.evs"), encoding: .utf8)
    #expect(script.contains("## Busy hosts first\nlet hosts = load \"../data/hosts.csv\"\n"))
    #expect(script.contains("\n.width 70\n"))
    #expect(!script.contains("frobnicate"))
    #expect(!script.contains(".vars"))

    let update = try folder.evs(["check", "out/busy.evs", "--update"])
    #expect(update.status == 0)
    let check = try folder.evs(["check", "out/busy.evs"])
    #expect(check.status == 0)
    let filled = try String(
      contentsOf: folder.url.appendingPathComponent("out/busy.evs"), encoding: .utf8)
    #expect(filled.contains("#> │ WS2  │      5 │"))
  }
}
