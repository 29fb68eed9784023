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

/// What an analyst gets from the awkward files of ../shared/data/bad beyond `load`.
@Suite(.enabled(if: SharedData.isAvailable, "../shared/data is absent"))
struct BadFileAnalysisTests {
  static func table(_ s: Session, _ text: String) throws -> Table {
    guard case .table(let t) = try SharedDataScriptTests.run(s, text) else {
      Issue.record("expected a table from \(text)")
      return Table()
    }
    return t
  }

  @Test func aHeaderOnlyFileGivesEmptyResultsNotErrors() throws {
    let s = Session(baseDirectory: SharedData.path("bad"))
    _ = try SharedDataScriptTests.run(s, "let h = load \"header-only.csv\"")
    let clustered = try Self.table(
      s, "h | features process | cluster commandlineTokensFull, pathScore, isSystemSession")
    #expect(clustered.rowCount == 0)
    #expect(clustered.index(of: "ClusterSize") != nil)
    let grouped = try Self.table(s, "h | groupby NewProcessName")
    #expect(grouped.rowCount == 0)
    #expect(grouped.columnNames == ["NewProcessName", "count"])
  }

  @Test func missingValuesCountAsEmptyAndMinusOneIsASystemSession() throws {
    let s = Session(baseDirectory: SharedData.path("bad"))
    let t = try Self.table(
      s,
      "load \"missing-values.csv\" | features process"
        + " | select commandlineLen, pathScore, isSystemSession, TimeGenerated")
    #expect(t.rowCount == 4)
    #expect(t.columns[0][0] == .int(0))
    #expect(t.columns[1][0] == .int(0))
    #expect(t.columns[2] == Column(.bool([true, false, true, true])))
    #expect((0..<4).contains { t.columns[3].isNull($0) })
  }
}

/// The project's own samples tell the story the walkthroughs teach.
@Suite struct SampleStoryTests {
  @Test func everyIntrusionCommandInTheSampleStaysALoneEvent() throws {
    let samples = SharedData.packagePath("samples")
    let s = Session(baseDirectory: samples)
    let output = try SharedDataScriptTests.run(
      s,
      "load \"processes.csv\" | features process"
        + " | cluster commandlineTokensFull, pathScore, isSystemSession eps=0.0001 keep=all"
        + " | where TimeGenerated > datetime(\"2021-03-09 14:05\")"
        + " and TimeGenerated < datetime(\"2021-03-09 15:00\") and not isSystemSession"
        + " and ParentProcessName != \"C:\\\\Windows\\\\System32\\\\svchost.exe\""
        + " | groupby Clustered")
    guard case .table(let table) = output else {
      Issue.record("expected a table")
      return
    }
    let lone = (0..<table.rowCount).first { table.columns[0][$0] == .bool(false) }
    #expect(lone.map { table.columns[1][$0] } == .int(12))
  }
}
