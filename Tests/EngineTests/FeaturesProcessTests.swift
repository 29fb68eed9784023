import Engine
import Foundation
import Testing

@Suite struct FeaturesProcessTests {
  /// A process-event table from optional strings (nil is null).
  private func events(
    paths: [String?], commandLines: [String?]? = nil, sessions: Column? = nil
  ) -> Table {
    let lines = commandLines ?? paths.map { _ in "x" }
    let cells = { (values: [String?]) in values.map { $0.map(Value.string) ?? .null } }
    return Table(
      columnNames: ["NewProcessName", "CommandLine", "SubjectLogonId"],
      columns: [
        Column(type: .string, cells: cells(paths)),
        Column(type: .string, cells: cells(lines)),
        sessions ?? Column(type: .string, cells: paths.map { _ in .string("0x3e7") }),
      ])
  }

  @Test func featuresOfAWindowsProcessMatchMsticpy() throws {
    let table = events(
      paths: [#"C:\Windows\System32\cmd.exe"#], commandLines: [#"cmd.exe /c "echo hi" & dir"#])
    let result = try ProcessFeatures.add(to: table)

    #expect(
      result.row(0).dropFirst(3).map { $0 } == [
        .string("cmd.exe"), .int(2570), .float(log10(2570)), .int(2_866_286_114), .int(26),
        .float(log10(26)), .int(10), .int(2031), .int(2_657_589_584), .bool(true),
      ])
    #expect(Array(result.columnNames.dropFirst(3)) == ProcessFeatures.addedColumns)
  }

  @Test func nullStringsCountAsEmptyAndNullSessionsAreNotSystem() throws {
    let sessions = Column(type: .string, cells: [.null])
    let result = try ProcessFeatures.add(
      to: events(paths: [nil], commandLines: [nil], sessions: sessions))

    #expect(
      result.row(0).dropFirst(3).map { $0 } == [
        .string(""), .int(0), .float(0), .int(0), .int(0), .float(0), .int(0), .int(0), .int(0),
        .bool(false),
      ])
  }

  @Test(arguments: [(9, "ssh"), (10, "/usr/bin/ssh")])
  func slashSeparatesPathsOnlyWhenOneOfTheFirstTenPathsHasIt(row: Int, name: String) throws {
    var paths: [String?] = Array(repeating: #"C:\Windows\notepad.exe"#, count: 12)
    paths[row] = "/usr/bin/ssh"
    let result = try ProcessFeatures.add(to: events(paths: paths))

    #expect(try result.column("processName")[row] == .string(name))
  }

  @Test func givenSeparatorOverridesDetection() throws {
    let table = events(paths: ["/opt/app|bin|tool"])
    #expect(try ProcessFeatures.add(to: table).column("processName")[0] == .string("app|bin|tool"))
    #expect(
      try ProcessFeatures.add(to: table, separator: "|").column("processName")[0]
        == .string("tool"))
  }

  @Test func pathEndingInSeparatorHasEmptyProcessName() throws {
    let result = try ProcessFeatures.add(to: events(paths: [#"C:\Temp\"#]))
    #expect(try result.column("processName")[0] == .string(""))
  }

  @Test func repeatedStringsGetTheSameFeaturesAsSingleOnes() throws {
    let paths: [String?] = ["/bin/a", "/bin/b", "/bin/a", nil, "/bin/a", ""]
    let repeated = try ProcessFeatures.add(to: events(paths: paths, commandLines: paths))
    for (row, path) in paths.enumerated() {
      let alone = try ProcessFeatures.add(to: events(paths: [path ?? ""], commandLines: [path]))
      #expect(repeated.row(row).dropFirst(3).map { $0 } == alone.row(0).dropFirst(3).map { $0 })
    }
  }

  @Test func numericSessionsMinusOneAnd999AreSystemSessions() throws {
    let sessions = Column(type: .int, cells: [.int(-1), .int(999), .int(998), .null])
    let result = try ProcessFeatures.add(
      to: events(paths: ["a", "b", "c", "d"], sessions: sessions))
    #expect(try result.column("isSystemSession") == Column(.bool([true, true, false, false])))
  }

  @Test(arguments: [("0x3e7", true), ("-1", true), ("0x3E7", false), ("0x0", false)])
  func textSessionIsSystemOnlyForExactIds(id: String, expected: Bool) throws {
    let sessions = Column(type: .string, cells: [.string(id)])
    let result = try ProcessFeatures.add(to: events(paths: ["a"], sessions: sessions))
    #expect(try result.column("isSystemSession")[0] == .bool(expected))
  }

  @Test func unknownColumnSuggestsTheClosestName() {
    #expect(throws: ColumnError.unknown("CommandLin", suggestions: ["CommandLine"])) {
      try ProcessFeatures.add(to: events(paths: ["a"]), commandLine: "CommandLin")
    }
  }

  @Test func numericPathColumnIsRejected() {
    let table = Table(
      columnNames: ["NewProcessName", "CommandLine", "SubjectLogonId"],
      columns: [Column(.int([1])), Column(.string(StringStorage(["x"]))), Column(.int([0]))])
    #expect(
      throws: ColumnError.wrongType("NewProcessName", found: .int, expected: "a string column")
    ) {
      try ProcessFeatures.add(to: table)
    }
  }

  @Test func allNullColumnOfAnotherTypeCountsAsEmptyStrings() throws {
    let table = Table(
      columnNames: ["NewProcessName", "CommandLine", "SubjectLogonId"],
      columns: [
        Column(.string(StringStorage(["/x/y"]))), Column.nulls(.float, count: 1),
        Column(.int([0])),
      ])
    let result = try ProcessFeatures.add(to: table)
    #expect(try result.column("commandlineLen")[0] == .int(0))
  }

  @Test func addingTwiceReplacesTheFeatureColumns() throws {
    let once = try ProcessFeatures.add(to: events(paths: ["/a/b"]))
    let twice = try ProcessFeatures.add(to: once)
    #expect(twice == once)
  }
}
