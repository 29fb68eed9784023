import DSL
import Engine
import Testing

/// `features process` on a table that holds Windows 4688 rows and Sysmon event 1 rows
/// side by side: each row reads the path and session columns its own kind fills.
@Suite struct MixedProcessEventsTests {
  static let paths4688: [Value] = [
    .string(#"C:\Windows\System32\cmd.exe"#), .string(#"C:\Tools\psexec.exe"#), .null, .null,
  ]
  static let sysmonImages: [Value] = [
    .null, .null, .string(#"C:\Windows\System32\whoami.exe"#),
    .string(#"C:\Windows\explorer.exe"#),
  ]
  static let commandLines: [Value] = [
    .string("cmd.exe /c dir"), .string("psexec -s cmd"), .string("whoami /all"),
    .string("explorer.exe"),
  ]
  static let subjectLogonIds: [Value] = [.string("0x3e7"), .string("0x1f2"), .null, .null]
  static let sysmonLogonIds: [Value] = [.null, .null, .string("0x3e7"), .string("0x2a")]

  /// Two 4688 rows followed by two Sysmon rows, in one table with both kinds' columns.
  static let mixed = Table(
    columnNames: ["NewProcessName", "CommandLine", "SubjectLogonId", "Image", "LogonId"],
    columns: [
      Column(type: .string, cells: paths4688), Column(type: .string, cells: commandLines),
      Column(type: .string, cells: subjectLogonIds), Column(type: .string, cells: sysmonImages),
      Column(type: .string, cells: sysmonLogonIds),
    ])

  static func features(_ text: String) throws -> (table: Table, notices: [String]) {
    let session = Session(baseDirectory: ".")
    session.bind("mixed", table: mixed)
    let result = session.execute(text, at: SourceLocation(file: "t", line: 1, column: 1))
    guard case .table(let table) = try result.outcome.get() else {
      Issue.record("expected a table from \(text)")
      return (Table(), result.notices)
    }
    return (table, result.notices)
  }

  @Test func eachRowReadsThePathAndSessionColumnsItsOwnEventKindFills() throws {
    let (table, _) = try Self.features("mixed | features process")
    let alone4688 = try ProcessFeatures.add(to: Self.mixed.gather([0, 1]))
    let aloneSysmon = try ProcessFeatures.add(
      to: Self.mixed.gather([2, 3]), path: "Image", session: "LogonId")

    for name in ProcessFeatures.addedColumns {
      let column = try table.column(name)
      let expected = [try alone4688.column(name), try aloneSysmon.column(name)]
      #expect((0..<4).map { column[$0] } == expected.flatMap { c in (0..<2).map { c[$0] } })
    }
    #expect(try table.column("processName")[2] == .string("whoami.exe"))
    #expect(try table.column("isSystemSession")[2] == .bool(true))
  }

  @Test func theNoticeSaysWhichColumnIsReadWhereTheFirstIsEmpty() throws {
    let (_, notices) = try Self.features("mixed | features process")
    #expect(
      notices == [
        "features process read path=NewProcessName (or Image where it is empty) "
          + "cmdline=CommandLine session=SubjectLogonId (or LogonId where it is empty)"
      ])
  }

  @Test func aColumnOptionStillReadsOnlyThatColumn() throws {
    let (table, notices) = try Self.features("mixed | features process path=Image")
    #expect(try table.column("processName")[0] == .string(""))
    #expect(try table.column("processName")[2] == .string("whoami.exe"))
    #expect(notices.first?.hasPrefix("features process read path=Image cmdline=") == true)
  }
}
