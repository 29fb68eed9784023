import DSL
import Engine
import Testing

@Suite struct InterpreterTests {
  /// A session with `procs` bound to a small process table.
  static func session() -> Session {
    let session = Session(baseDirectory: ".")
    let table = Table(
      columnNames: ["Proc", "Account", "Pid", "Score"],
      columns: [
        Column(
          type: .string,
          cells: ["cmd.exe", "svchost.exe", "cmd.exe", "reg.exe", "svchost.exe"].map { .string($0) }
        ),
        Column(
          type: .string,
          cells: [.string("alice"), .string("SYSTEM"), .string("bob"), .string("alice"), .null]),
        Column(.int([10, 20, 30, 40, 50])),
        Column(type: .float, cells: [.float(1.5), .null, .float(0.5), .float(2.5), .float(4)]),
      ])
    session.bind("procs", table: table)
    return session
  }

  static func run(_ session: Session, _ text: String) -> Result<Output, Diagnostic> {
    session.execute(text, at: SourceLocation(file: "t.evs", line: 1, column: 1)).outcome
  }

  static func table(_ session: Session, _ text: String) throws -> Table {
    let output = try run(session, text).get()
    guard case .table(let table) = output else {
      Issue.record("expected a table from \(text)")
      return Table()
    }
    return table
  }

  @Test func whereKeepsMatchingRowsAndNullCountsAsFalse() throws {
    let s = Self.session()
    let t = try Self.table(s, "procs | where Score > 1 and Proc != \"reg.exe\"")
    #expect(t.columns[2] == Column(.int([10, 50])))
  }

  @Test func containsIsCaseInsensitiveLikeKQL() throws {
    let t = try Self.table(Self.session(), "procs | where Proc contains \"CMD\"")
    #expect(t.rowCount == 2)
  }

  @Test func groupbyCountsInFirstSeenOrder() throws {
    let t = try Self.table(Self.session(), "procs | groupby Proc agg n = count(), s = sum(Pid)")
    #expect(t.columnNames == ["Proc", "n", "s"])
    #expect(t.columns[0][0] == .string("cmd.exe"))
    #expect(t.columns[1] == Column(.int([2, 2, 1])))
    #expect(t.columns[2] == Column(.int([40, 70, 40])))
  }

  @Test func computedGroupKeysAreNamedAfterTheirColumnAndAggregatesSeeTheOriginal() throws {
    let t = try Self.table(
      Self.session(), "procs | summarize n = count(), low = min(Pid) by bin(Pid, 25), upper(Proc)")
    #expect(t.columnNames == ["Pid", "Column1", "n", "low"])
    #expect(t.columns[0] == Column(.int([0, 0, 25, 25, 50])))
    #expect(t.columns[1][0] == .string("CMD.EXE"))
    #expect(t.columns[2] == Column(.int([1, 1, 1, 1, 1])))
    #expect(t.columns[3] == Column(.int([10, 20, 30, 40, 50])))

    let named = try Self.table(Self.session(), "procs | groupby Big = Pid > 25 agg Pid = sum(Pid)")
    #expect(named.columnNames == ["Big", "Pid"])
    #expect(named.columns[1] == Column(.int([30, 120])))
  }

  @Test func aggregatesReadExpressionsAndCountifCountsTrueRows() throws {
    let t = try Self.table(
      Self.session(),
      "procs | summarize big = countif(Pid > 15), sum(len(Proc)), n = dcount(upper(Proc)) by Proc")
    #expect(t.columnNames == ["Proc", "big", "sum_Proc", "n"])
    #expect(t.columns[1] == Column(.int([1, 2, 1])))
    #expect(t.columns[2] == Column(.int([14, 22, 7])))
    #expect(t.columns[3] == Column(.int([1, 1, 1])))

    let nulls = try Self.table(Self.session(), "procs | summarize countif(Score > 1)")
    #expect(nulls.columns[0] == Column(.int([3])))

    let present = try Self.table(Self.session(), "procs | summarize count(Account), count()")
    #expect(present.columnNames == ["count_Account", "count"])
    #expect(present.columns[0] == Column(.int([4])))
  }

  @Test(arguments: [
    ("procs | where Account !~ \"ALICE\"", 2), ("procs | where Proc in~ (\"CMD.EXE\")", 2),
    ("procs | where Proc !in~ (\"CMD.EXE\")", 3), ("procs | where Pid between (20 .. 40)", 3),
    ("procs | where Pid !between (20 .. 40)", 2), ("procs | where Proc !startswith \"svc\"", 3),
    ("procs | where Proc !endswith \".EXE\"", 0), ("procs | where Proc !has \"reg\"", 4),
  ])
  func kqlOperatorsKeepTheExpectedRows(statement: String, rows: Int) throws {
    #expect(try Self.table(Self.session(), statement).rowCount == rows, "\(statement)")
  }

  @Test func topAndOrderByWithoutADirectionSayOnceThatTheySortAscending() {
    let session = Self.session()
    let location = SourceLocation(file: "t.evs", line: 1, column: 1)
    let first = session.execute("procs | top 2 by Pid", at: location)
    #expect(first.notices.count == 1)
    #expect(first.notices.first?.hasPrefix("top sorts ascending unless desc is written") == true)
    #expect(session.execute("procs | top 2 by Pid", at: location).notices.isEmpty)
    #expect(session.execute("procs | order by Pid desc", at: location).notices.isEmpty)
    #expect(session.execute("procs | sort Pid", at: location).notices.isEmpty)
    let order = session.execute("procs | order by Pid asc, Proc", at: location)
    #expect(order.notices.first?.hasPrefix("order by sorts ascending") == true)
  }

  @Test func sortIsStableWithNullsLast() throws {
    let t = try Self.table(Self.session(), "procs | sort Score desc")
    #expect(t.columns[2] == Column(.int([50, 40, 10, 30, 20])))
  }

  @Test func extendComputesColumnsWithFunctions() throws {
    let t = try Self.table(
      Self.session(), "procs\n  | extend n = len(Proc), big = Pid * 2 + 1\n  | select Proc, n, big")
    #expect(t.columns[1] == Column(.int([7, 11, 7, 7, 11])))
    #expect(t.columns[2] == Column(.int([21, 41, 61, 81, 101])))
  }

  @Test func letBindsAndUnderscoreIsTheLastResult() throws {
    let s = Self.session()
    _ = try Self.run(s, "let few = procs | head 2").get()
    _ = try Self.table(s, "few | count")
    let t = try Self.table(s, "_")
    #expect(t.columns[0] == Column(.int([2])))
  }

  @Test func scalarBindingsAreUsableInExpressions() throws {
    let s = Self.session()
    _ = try Self.run(s, "let limit = 25").get()
    let t = try Self.table(s, "procs | where Pid > limit")
    #expect(t.rowCount == 3)
  }

  @Test(arguments: [
    ("procs | where Scroe > 1", "t.evs:1:15: error: unknown column 'Scroe'; did you mean Score?"),
    ("procs | frobnicate", "t.evs:1:9: error: unknown verb 'frobnicate'"),
    ("procz | count", "t.evs:1:1: error: unknown name 'procz'; did you mean procs?"),
    (
      "procs | where Proc == cmd",
      "t.evs:1:23: error: unknown column 'cmd'; if you meant the text, quote it: \"cmd\""
    ),
    (
      "procs | groupby Proc agg mean(Proc)",
      "t.evs:1:31: error: mean() needs a numeric column, but 'Proc' is string"
    ),
    (
      "procs\n  | where Pid > \"x\"",
      "t.evs:2:11: error: '>' cannot compare Pid (int) with \"x\" (string); compare like with like,"
        + " or convert one side with toint(), todouble(), tostring() or datetime()"
    ),
    (
      "procs | extend n = len(Pid + 1)",
      "t.evs:1:24: error: argument 1 of len() (Pid + 1) is int, but string is expected"
    ),
    (
      "procs | where Proc contains Pid",
      "t.evs:1:29: error: the right side of 'contains' (Pid) is int, but string is expected"
    ),
    (
      "procs | where round(Proc) > 1",
      "t.evs:1:21: error: argument 1 of round() (Proc) is string, but int, float or bool is"
        + " expected"
    ),
    (
      "procs | where Pid",
      "t.evs:1:15: error: the condition of 'where' (Pid) is int, but bool is expected"
    ),
  ])
  func errorsSayWhatAndWhere(text: String, expected: String) {
    guard case .failure(let diagnostic) = Self.run(Self.session(), text) else {
      Issue.record("expected an error from \(text)")
      return
    }
    #expect(diagnostic.rendered.hasPrefix(expected), "\(diagnostic.rendered)")
  }

  @Test func aFailedStatementLeavesBindingsAlone() throws {
    let s = Self.session()
    _ = Self.run(s, "let procs = procs | where Nope > 1")
    let t = try Self.table(s, "procs | count")
    #expect(t.columns[0] == Column(.int([5])))
  }
}

@Suite struct PipelineCheckTests {
  @Test func aMisspeltColumnLaterInThePipelineFailsBeforeAnyStageRuns() {
    let s = InterpreterTests.session()
    let text = "procs | extend n = len(Proc) | where n > 3 | sort Scroe | frobnicate"
    let result = InterpreterTests.run(s, text)
    guard case .failure(let d) = result else {
      Issue.record("expected an error")
      return
    }
    #expect(d.message.hasPrefix("unknown verb"))

    guard
      case .failure(let d2) = InterpreterTests.run(
        s, "procs | extend n = len(Proc) | where n > 3 | sort Scroe")
    else {
      Issue.record("expected an error")
      return
    }
    #expect(d2.message == "unknown column 'Scroe'; did you mean Score?")
    #expect(d2.location.column == 51)
  }

  @Test func columnsAddedByExtendAreKnownToLaterStages() throws {
    let t = try InterpreterTests.table(
      InterpreterTests.session(), "procs | extend n = len(Proc) | groupby n | sort n")
    #expect(t.columnNames == ["n", "count"])
  }

  @Test func aTypeMismatchIsReportedWithTheExpectedType() {
    let result = InterpreterTests.run(InterpreterTests.session(), "procs | where len(Pid) > 3")
    guard case .failure(let d) = result else {
      Issue.record("expected an error")
      return
    }
    #expect(d.message == "argument 1 of len() (Pid) is int, but string is expected")
    #expect(d.location.column == 19)
  }
}

@Suite struct JoinTests {
  static func session() throws -> Session {
    let s = InterpreterTests.session()
    let owners = Table(
      columnNames: ["Account", "Team", "Pid"],
      columns: [
        Column(type: .string, cells: [.string("alice"), .string("bob"), .string("alice")]),
        Column(type: .string, cells: [.string("red"), .string("blue"), .string("green")]),
        Column(.int([1, 2, 3])),
      ])
    s.bind("owners", table: owners)
    return s
  }

  @Test func innerJoinKeepsMatchesInLeftOrderAndRenamesClashes() throws {
    let t = try InterpreterTests.table(try Self.session(), "procs | join owners on Account")
    #expect(t.columnNames == ["Proc", "Account", "Pid", "Score", "Team", "Pid1"])
    #expect(t.columns[0][0] == .string("cmd.exe"))
    #expect(
      t.columns[4]
        == Column(
          type: .string, cells: ["red", "green", "blue", "red", "green"].map { .string($0) }))
  }

  @Test func leftJoinKeepsUnmatchedRowsWithNulls() throws {
    let t = try InterpreterTests.table(
      try Self.session(), "procs | join owners on Account kind=left | where isnull(Team)")
    #expect(t.rowCount == 2)
  }

  @Test func joinOnAMissingKeyPointsAtIt() throws {
    let r = InterpreterTests.run(try Self.session(), "procs | join owners on Acount")
    guard case .failure(let d) = r else {
      Issue.record("expected an error")
      return
    }
    #expect(d.message == "unknown column 'Acount'; did you mean Account?")
    #expect(d.location.column == 24)
  }
}

@Suite struct TraceTests {
  @Test func eachStageReportsItsRowsInAndOut() {
    let s = InterpreterTests.session()
    let result = s.execute(
      "procs | where Pid > 15 | head 2", at: SourceLocation(file: "t", line: 1, column: 1))
    #expect(result.trace.map(\.verb) == ["procs", "where", "head"])
    #expect(result.trace.map(\.rowsIn) == [nil, 5, 4])
    #expect(result.trace.map(\.rowsOut) == [5, 4, 2])
  }
}

@Suite struct FeaturePresetTests {
  @Test func sysmonColumnsAreFoundWithoutOptionsAndTheNoticeSaysWhich() throws {
    let s = Session(baseDirectory: ".")
    let strings = { (cells: [String]) in Column(type: .string, cells: cells.map { .string($0) }) }
    s.bind(
      "sysmon",
      table: Table(
        columnNames: ["Image", "CommandLine", "LogonId", "UtcTime"],
        columns: [
          strings(["C:\\Windows\\System32\\cmd.exe", "C:\\Windows\\System32\\cmd.exe"]),
          strings(["cmd.exe /c whoami", "cmd.exe /c whoami"]), strings(["0x3e7", "0x1f2"]),
          Column(.timestamp([1_000_000_000, 2_000_000_000])),
        ]))
    let result = s.execute(
      "sysmon | features process | cluster commandlineTokensFull, pathScore",
      at: SourceLocation(file: "t", line: 1, column: 1))
    guard case .table(let table) = try result.outcome.get() else {
      Issue.record("expected a table")
      return
    }
    #expect(
      result.notices == ["features process read path=Image cmdline=CommandLine session=LogonId"])
    #expect(try table.column("processName")[0] == .string("cmd.exe"))
    #expect(try table.column("ClusterSize")[0] == .int(2))
    #expect(try table.column("LastEventTime")[0] == .timestamp(2_000_000_000))
  }
}
