import Engine
import TestSupport
import Testing

/// The team's real exports (`../shared/corpus`) load with the right sizes and types.
/// Expected values were counted with Python's json and csv modules.
@Suite("Loading the real exports")
struct CorpusLoadingTests {
  /// What one Windows event log export (JSON lines, every channel mixed) must give.
  struct WindowsExport: Sendable, CustomStringConvertible {
    var file: String
    var rows: Int
    var keys: Int
    var firstKeys: [String]
    var timeColumns: [String]
    /// Sysmon process creations (`EventID == 1`).
    var processCreations: Int
    var rowsWithImage: Int
    /// The `Image` and `UtcTime` of the first process creation.
    var firstImage: String
    var firstUtcTime: String

    var description: String { file }
  }

  static let windowsExports = [
    WindowsExport(
      file: "otrf-cmd_seatbelt_group_user.jsonl.gz", rows: 451, keys: 115,
      firstKeys: ["Message", "EventID", "SourceName"],
      timeColumns: ["@timestamp", "TimeCreated", "UtcTime"], processCreations: 2,
      rowsWithImage: 184, firstImage: #"C:\Users\wardog\Desktop\Seatbelt.exe"#,
      firstUtcTime: "2020-11-02 21:39:11.671"),
    WindowsExport(
      file: "otrf-empire_launcher_sct_regsvr32.jsonl.gz", rows: 2_390, keys: 162,
      firstKeys: ["Task", "Direction", "Opcode"],
      timeColumns: ["@timestamp", "EventTime", "EventReceivedTime", "UtcTime"],
      processCreations: 7, rowsWithImage: 1_497,
      firstImage: #"C:\Windows\System32\regsvr32.exe"#, firstUtcTime: "2020-07-22 03:27:52.809"),
    WindowsExport(
      file: "otrf-empire_mimikatz_logonpasswords.jsonl.gz", rows: 6_026, keys: 156,
      firstKeys: ["tags", "TargetProcessGUID", "@version"],
      timeColumns: ["@timestamp", "EventTime", "UtcTime"], processCreations: 1,
      rowsWithImage: 407, firstImage: #"C:\Windows\System32\whoami.exe"#,
      firstUtcTime: "2020-08-07 14:32:45.881"),
    WindowsExport(
      file: "otrf-metasploit_logonpasswords_lsass_memory_dump.jsonl.gz", rows: 53_698,
      keys: 203, firstKeys: ["SourceName", "Level", "Keywords"],
      timeColumns: ["@timestamp", "TimeCreated", "UtcTime"], processCreations: 269,
      rowsWithImage: 17_491,
      firstImage: #"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe"#,
      firstUtcTime: "2023-08-16 04:53:48.446"),
    WindowsExport(
      file: "otrf-psh_lsass_memory_dump_comsvcs.jsonl.gz", rows: 184, keys: 88,
      firstKeys: ["SubjectUserName", "TimeCreated", "SubjectLogonId"],
      timeColumns: ["TimeCreated", "UtcTime"], processCreations: 1, rowsWithImage: 80,
      firstImage: #"C:\Windows\System32\rundll32.exe"#, firstUtcTime: "2020-10-18 23:50:05.910"),
  ]

  @Test(
    .enabled(if: SharedData.hasCorpusFile(windowsExports[0].file), "../shared/corpus is absent"),
    arguments: windowsExports)
  func windowsEventLogsLoadWithTypedColumns(export: WindowsExport) throws {
    let table = try TableReader.read(path: SharedData.corpusPath(export.file)).table

    #expect(table.rowCount == export.rows)
    #expect(table.columnCount == export.keys)
    #expect(Array(table.columnNames.prefix(3)) == export.firstKeys)
    #expect(try table.column("EventID").type == .int)
    for name in export.timeColumns {
      #expect(try table.column(name).type == .timestamp, "\(name)")
    }
    for name in ["Image", "CommandLine", "LogonId", "ProcessGuid"] {
      #expect(try table.column(name).type == .string, "\(name)")
    }

    let eventIDs = try table.column("EventID")
    let creations = (0..<table.rowCount).filter { eventIDs[$0] == .int(1) }
    #expect(creations.count == export.processCreations)
    let image = try table.column("Image")
    #expect(table.rowCount - image.nullCount == export.rowsWithImage)
    let first = try #require(creations.first)
    #expect(image[first] == .string(export.firstImage))
    let utcTime = try #require(Timestamp.parse(export.firstUtcTime))
    #expect(try table.column("UtcTime")[first] == .timestamp(utcTime))
  }

  @Test(.enabled(if: SharedData.hasCorpusFile(auditExport), "../shared/corpus is absent"))
  func linuxAuditEventsFromJSONKeepTheirRecordAsText() throws {
    let table = try TableReader.read(path: SharedData.corpusPath(Self.auditExport)).table

    #expect(table.rowCount == 50)
    #expect(table.columnCount == 16)
    #expect(try table.column("TimeGenerated").type == .timestamp)
    #expect(try table.column("EventTime").type == .timestamp)
    #expect(try table.column("EventData").type == .string)
    #expect(try table.column("EventData").nullCount == 0)
  }

  static let auditExport =
    "otrf-syslog_auoms_auditd_log4shell_cve2021_44228_jndi_reference.jsonl.gz"

  @Test(.enabled(if: SharedData.hasCorpusFile("mde_proc_cs1.csv"), "../shared/corpus is absent"))
  func defenderProcessEventsLoadWithTypedColumns() throws {
    let table = try TableReader.read(path: SharedData.corpusPath("mde_proc_cs1.csv")).table

    #expect(table.rowCount == 1_564)
    #expect(try table.column("CreatedProcessCreationTime").type == .timestamp)
    #expect(try table.column("CreatedProcessId").type == .int)
    #expect(try table.column("CreatedProcessIsElevated").type == .bool)
    #expect(try table.column("CreatedProcessFilePath").type == .string)
    #expect(try table.column("CreatedProcessCommandLine").type == .string)
    #expect(try table.column("CreatedProcessCommandLine").nullCount < table.rowCount)
  }

  @Test(.enabled(if: SharedData.hasCorpusFile("linux_events.csv"), "../shared/corpus is absent"))
  func linuxAuditEventsFromLogAnalyticsLoad() throws {
    let table = try TableReader.read(path: SharedData.corpusPath("linux_events.csv")).table

    #expect(table.rowCount == 100)
    #expect(
      table.columnNames.dropFirst() == [
        "TenantId", "TimeGenerated", "Computer", "mssg_id",
        "AuditdMessage",
      ])
    #expect(try table.column("TimeGenerated").type == .timestamp)
    #expect(try table.column("mssg_id").type == .string)
    #expect(try table.column("AuditdMessage").type == .string)
  }

  @Test(.enabled(if: SharedData.hasCorpusFile("syslog_data.csv"), "../shared/corpus is absent"))
  func syslogTimesWrittenMonthFirstAreTimestamps() throws {
    let table = try TableReader.read(path: SharedData.corpusPath("syslog_data.csv")).table

    #expect(table.rowCount == 100)
    #expect(try table.column("TimeGenerated").type == .timestamp)
    #expect(try table.column("EventTime").type == .timestamp)
    #expect(try table.column("SyslogMessage").type == .string)
    let first = Timestamp.nanos(
      year: 2019, month: 7, day: 8, hour: 16, minute: 8, second: 0, nanosecond: 0)
    #expect(try table.column("TimeGenerated")[0] == .timestamp(first))
  }
}
