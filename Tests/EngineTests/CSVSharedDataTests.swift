import Engine
import TestSupport
import Testing

@Suite("CSV reader on the shared event data")
struct CSVSharedDataTests {
  @Test(.enabled(if: SharedData.isAvailable, "../shared/data is absent"))
  func processesOnHostLoadsWithTypedColumns() throws {
    let loaded = try TableReader.read(path: SharedData.path("processes_on_host.csv"))
    let table = loaded.table

    #expect(table.rowCount == 363)
    #expect(table.columnCount == 19)
    #expect(table.columnNames.first == "Column1")
    #expect(try table.column("TimeGenerated").type == .timestamp)
    #expect(try table.column("EventID").type == .int)
    #expect(try table.column("SubjectLogonId").type == .string)
    #expect(try table.column("Column1").type == .int)
    #expect(loaded.notices.count == 1)

    let first = try table.column("TimeGenerated")[0]
    #expect(
      first
        == .timestamp(
          Timestamp.nanos(
            year: 2019, month: 1, day: 15, hour: 5, minute: 24, second: 24, nanosecond: 10_000_000))
    )
    let commandLine = try table.column("CommandLine")[0]
    guard case .string(let text) = commandLine else {
      Issue.record("CommandLine is not text: \(commandLine)")
      return
    }
    #expect(text.hasPrefix("\"C:\\Program Files\\Microsoft Monitoring Agent\\"))
    #expect(text.hasSuffix("\\work\\ServiceState\""))
  }

  @Test(.enabled(if: SharedData.isAvailable, "../shared/data is absent"))
  func tenThousandProcessesLoad() throws {
    let table = try TableReader.read(path: SharedData.path("processes_10k.csv")).table

    #expect(table.rowCount == 10_000)
    #expect(try table.column("TimeGenerated").type == .timestamp)
    #expect(try table.column("CommandLine").type == .string)
  }

  @Test(.enabled(if: SharedData.isAvailable, "../shared/data is absent"))
  func hostLogonsKeepTrailingSpaces() throws {
    let table = try TableReader.read(path: SharedData.path("host_logons.csv")).table

    #expect(table.rowCount == 14)
    #expect(try table.column("LogonType").type == .int)
    #expect(try table.column("LogonProcessName")[0] == .string("Advapi  "))
  }
}
