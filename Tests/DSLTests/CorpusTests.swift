import DSL
import Engine
import TestSupport
import Testing

/// The notebook's process clustering, run as statements on the team's real exports of
/// each kind: Sysmon in mixed Windows event logs, Defender process events, Linux audit.
@Suite("Process clustering on the real exports")
struct CorpusTests {
  static let sysmonExport = "otrf-empire_launcher_sct_regsvr32.jsonl.gz"
  static let auditJSONExport =
    "otrf-syslog_auoms_auditd_log4shell_cve2021_44228_jndi_reference.jsonl.gz"
  static let clustering =
    "features process | cluster commandlineTokensFull, pathScore, isSystemSession eps=0.0001"

  /// Runs `text` in a session over the corpus folder.
  static func run(_ text: String) throws -> StatementResult {
    let session = Session(baseDirectory: SharedData.corpusDirectory)
    return session.execute(text, at: SourceLocation(file: "t.evs", line: 1, column: 1))
  }

  /// The single number a `count` pipeline gives.
  static func count(_ text: String) throws -> Int64 {
    guard case .table(let table) = try run(text).outcome.get(),
      case .int(let count) = table.columns.first?[0]
    else {
      Issue.record("expected a count from \(text)")
      return -1
    }
    return count
  }

  @Test(.enabled(if: SharedData.hasCorpusFile(sysmonExport), "../shared/corpus is absent"))
  func sysmonProcessCreationsClusterIntoFewerRows() throws {
    let source = "load \"\(Self.sysmonExport)\" | where EventID == 1"
    let creations = try Self.count(source + " | count")
    let clustered = try Self.count(source + " | \(Self.clustering) | count")

    #expect(creations == 7)
    #expect(clustered > 0 && clustered < creations)
  }

  @Test(.enabled(if: SharedData.hasCorpusFile(sysmonExport), "../shared/corpus is absent"))
  func sysmonFeaturesReadTheSysmonColumnsThoughSecurityNamesExistToo() throws {
    let result = try Self.run(
      "load \"\(Self.sysmonExport)\" | where EventID == 1 | features process"
        + " | where pathScore > 0 | count")

    #expect(
      result.notices.contains(
        "features process read path=Image cmdline=CommandLine "
          + "session=LogonId"))
    guard case .table(let table) = try result.outcome.get() else {
      Issue.record("expected a table")
      return
    }
    #expect(table.columns.first?[0] == .int(7))
  }

  @Test(.enabled(if: SharedData.hasCorpusFile("mde_proc_cs1.csv"), "../shared/corpus is absent"))
  func defenderProcessEventsClusterIntoFewerRows() throws {
    let result = try Self.run("load \"mde_proc_cs1.csv\" | \(Self.clustering) | count")
    guard case .table(let table) = try result.outcome.get(),
      case .int(let clustered) = table.columns.first?[0]
    else {
      Issue.record("expected a count")
      return
    }

    #expect(
      result.notices.contains(
        "features process read path=CreatedProcessFilePath cmdline=CreatedProcessCommandLine "
          + "session=LogonId"))
    #expect(clustered > 0 && clustered < 1_564)
  }

  @Test(.enabled(if: SharedData.hasCorpusFile("linux_events.csv"), "../shared/corpus is absent"))
  func auditRecordsFromLogAnalyticsClusterAfterKvExtraction() throws {
    let source = """
      load "linux_events.csv"
        | extend exe = kv(AuditdMessage, "exe"), cmdline = kv(AuditdMessage, "proctitle"),
            ses = kv(AuditdMessage, "ses")
        | where isnotnull(exe)
      """.replacingOccurrences(of: "\n", with: " ")
    let withExe = try Self.count(source + " | count")
    let clustered = try Self.count(source + " | \(Self.clustering) | count")

    #expect(withExe > 0 && withExe <= 100)
    #expect(clustered > 0 && clustered < withExe)
  }

  @Test(.enabled(if: SharedData.hasCorpusFile(auditJSONExport), "../shared/corpus is absent"))
  func auditRecordsFromJSONClusterAfterKvExtraction() throws {
    let source =
      "load \"\(Self.auditJSONExport)\" | extend exe = kv(EventData, \"exe\"),"
      + " cmdline = kv(EventData, \"cmdline\"), ses = kv(EventData, \"ses\")"
      + " | where isnotnull(cmdline)"
    let launched = try Self.count(source + " | count")
    let clustered = try Self.count(source + " | \(Self.clustering) | count")

    #expect(launched > 0 && launched < 50)
    #expect(clustered > 0 && clustered <= launched)
  }
}
