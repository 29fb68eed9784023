import DSL
import Engine
import TestSupport
import Testing

/// The notebook's investigation as statements, on the team's reference data.
@Suite(.enabled(if: SharedData.isAvailable, "../shared/data is absent"))
struct SharedDataScriptTests {
  static func run(_ session: Session, _ text: String) throws -> Output {
    try session.execute(text, at: SourceLocation(file: "t.evs", line: 1, column: 1)).outcome.get()
  }

  static func count(_ session: Session, _ text: String) throws -> Value? {
    guard case .table(let table) = try run(session, text) else { return nil }
    return table.columns.first?[0]
  }

  @Test func processClusteringReports363InputAnd62ClusteredRows() throws {
    let s = Session(baseDirectory: SharedData.directory)
    _ = try Self.run(s, "let procs = load \"processes_on_host.csv\"")
    #expect(try Self.count(s, "procs | count") == .int(363))
    _ = try Self.run(
      s,
      "let c = procs | features process\n"
        + "  | cluster commandlineTokensFull, pathScore, isSystemSession eps=0.0001")
    #expect(try Self.count(s, "c | count") == .int(62))
    #expect(try Self.count(s, "c | where Clustered | count") == .int(29))
  }

  @Test func logonClusteringGivesSizes1And2And11() throws {
    let s = Session(baseDirectory: SharedData.directory)
    let output = try Self.run(
      s,
      "load \"host_logons.csv\" | extend AccountNum = ord_score(Account)"
        + " | cluster AccountNum, LogonType eps=0.0001 | select ClusterSize")
    guard case .table(let table) = output else {
      Issue.record("expected a table")
      return
    }
    #expect(table.columns[0] == Column(.int([1, 2, 11])))
  }

  @Test func aMissingFileNamesThePath() {
    let s = Session(baseDirectory: SharedData.directory)
    let result = s.execute("load \"nope.csv\"", at: SourceLocation(file: "t", line: 1, column: 1))
    guard case .failure(let d) = result.outcome else {
      Issue.record("expected an error")
      return
    }
    #expect(d.message.contains("nope.csv"))
  }

  @Test func clusterOnATextColumnSaysWhichColumnAndType() throws {
    let s = Session(baseDirectory: SharedData.directory)
    _ = try Self.run(s, "let procs = load \"processes_on_host.csv\"")
    let result = s.execute(
      "procs | cluster CommandLine", at: SourceLocation(file: "t", line: 1, column: 1))
    guard case .failure(let d) = result.outcome else {
      Issue.record("expected an error")
      return
    }
    #expect(d.message.contains("CommandLine"))
    #expect(d.message.contains("string"))
    #expect(d.location.column == 17)
  }
}
