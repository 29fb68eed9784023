import Engine
import TestSupport
import Testing

@Suite("The package's own sample data")
struct SampleDataTests {
  @Test func processSampleLoadsAsWindowsProcessEvents() throws {
    let loaded = try TableReader.read(path: SharedData.packagePath("samples/processes.csv"))
    let table = loaded.table

    #expect(loaded.notices.isEmpty)
    #expect((1_500...3_000).contains(table.rowCount))
    #expect(table.columnCount == 18)
    #expect(try table.column("TimeGenerated").type == .timestamp)
    #expect(try table.column("TimeGenerated").nullCount == 0)
    #expect(try table.column("TimeCreatedUtc").type == .timestamp)
    #expect(try table.column("TimeCreatedUtc").nullCount > 0)
    #expect(table.cells("EventID").allSatisfy { $0 == .int(4688) })
    #expect(try table.column("SubjectLogonId").type == .string)
  }

  @Test func processSampleMixesSystemWorkAndAFewOddCommands() throws {
    let table = try TableReader.read(path: SharedData.packagePath("samples/processes.csv")).table
    let sessions = table.cells("SubjectLogonId")
    let commandLines = table.cells("CommandLine").compactMap { cell -> String? in
      if case .string(let text) = cell { return text }
      return nil
    }

    #expect(sessions.filter { $0 == .string("0x3e7") }.count > table.rowCount / 2)
    #expect(commandLines.count == table.rowCount)
    #expect(commandLines.contains { $0.hasPrefix("\"") && $0.contains("\" ") })
    let odd = ["certutil.exe -urlcache", "-Enc ", "CurrentVersion\\Run", "/add"]
    for marker in odd {
      let hits = commandLines.filter { $0.contains(marker) }.count
      #expect((1...2).contains(hits), "\(marker) appears \(hits) times")
    }
    let distinct = Set(commandLines).count
    #expect(distinct < table.rowCount, "repetitive command lines should repeat")
  }

  @Test func logonSampleLoadsWithAFewDominantAccounts() throws {
    let table = try TableReader.read(path: SharedData.packagePath("samples/logons.csv")).table

    #expect((40...100).contains(table.rowCount))
    #expect(try table.column("TimeGenerated").type == .timestamp)
    #expect(try table.column("LogonType").type == .int)

    var counts: [Value: Int] = [:]
    for account in table.cells("Account") { counts[account, default: 0] += 1 }
    let ranked = counts.values.sorted(by: >)
    #expect(ranked.count >= 4)
    #expect(ranked.prefix(2).reduce(0, +) > table.rowCount * 3 / 4)
    #expect(ranked.last == 1)
  }
}
