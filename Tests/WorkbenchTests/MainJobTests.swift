import Foundation
import TestSupport
import Testing

/// The main job end to end through the `evs` executable: scripts over real events.
@Suite(.enabled(if: TestPaths.evs != nil, "the evs executable is not built"))
struct MainJobTests {
  private func evs(_ arguments: [String], input: String = "") throws -> ProcessResult {
    try runProcess(try #require(TestPaths.evs), arguments, input: input)
  }

  private func script(_ text: String) throws -> (URL, URL) {
    let folder = try TestPaths.temporaryFolder()
    let file = folder.appendingPathComponent("hunt.evs")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return (folder, file)
  }

  @Test(.enabled(if: SharedData.isAvailable, "../shared/data is absent"))
  func runReports363InputRowsAnd62ClusteredRows() throws {
    let (folder, file) = try script(
      """
      let procs = load "\(SharedData.path("processes_on_host.csv"))"
      procs | count
      let clustered = procs
        | features process
        | cluster commandlineTokensFull, pathScore, isSystemSession eps=0.0001
      clustered | count
      """)
    defer { try? FileManager.default.removeItem(at: folder) }

    let result = try evs(["run", file.path])
    #expect(result.status == 0, "\(result.error)")
    let counts = result.output.split(separator: "\n").filter { $0.hasPrefix("│ ") }
      .map { $0.filter(\.isNumber) }.filter { !$0.isEmpty }
    #expect(counts == ["363", "62"])
  }

  @Test func theExampleInvestigationRunsOnTheProjectsOwnSamples() throws {
    let example = TestPaths.packageRoot.appendingPathComponent("examples/event-clustering.evs")
    let result = try evs(["run", example.path])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("Events per cluster, by process name"))
    #expect(result.output.contains("ClusterSize"))
  }

  @Test(arguments: [
    (
      "procs | where CommandLin contains \"x\"",
      "hunt.evs:2:15: error: unknown column 'CommandLin'; did you mean CommandLine?"
    ),
    (
      "procs | cluster CommandLine",
      "hunt.evs:2:17: error: cannot cluster on column 'CommandLine': it is string"
    ),
    ("procs | frobnicate", "hunt.evs:2:9: error: unknown verb 'frobnicate'"),
    ("let x = load \"missing.csv\"", "hunt.evs:2:14: error: "),
  ])
  func badStatementsStopTheScriptWithALocatedError(statement: String, expected: String)
    throws
  {
    let sample = TestPaths.packageRoot.appendingPathComponent("samples/processes.csv").path
    let (folder, file) = try script("let procs = load \"\(sample)\"\n\(statement)\nprocs | count\n")
    defer { try? FileManager.default.removeItem(at: folder) }

    let result = try evs(["run", file.path])
    #expect(result.status == 1)
    #expect(result.error.contains(expected), "\(result.error)")
    #expect(!result.output.contains("count"), "the script must stop at the error")
  }

  @Test(
    .enabled(if: SharedData.isAvailable, "../shared/data is absent"),
    arguments: [
      ("unterminated-quote.csv", 1, "unterminated-quote.csv:4: a quoted field starts here"),
      ("ragged.csv", 1, "ragged.csv:3: 6 fields where the header has 5"),
      ("empty.csv", 1, "empty"),
      ("header-only.csv", 0, "0 rows"),
      ("invalid-utf8.csv", 0, "U+FFFD"),
      ("duplicate-columns.csv", 0, "Computer_2"),
    ])
  func badFilesGiveTheBehaviourAnAnalystExpects(file: String, status: Int32, text: String)
    throws
  {
    let path = SharedData.path("bad/\(file)")
    let result = try evs(["-c", "load \"\(path)\" | count"])
    #expect(result.status == status, "\(result.error)")
    let all = result.output + result.error
    #expect(
      all.contains(text) || (text == "0 rows" && all.contains("│     0 │")), "\(all)")
  }
}
