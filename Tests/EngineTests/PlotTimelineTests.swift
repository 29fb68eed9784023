import Testing

@testable import Engine

@Suite("plot timeline")
struct PlotTimelineTests {
  /// A 90-second intrusion: logons, discovery, a service install, on a few hosts.
  static func intrusion() -> Table {
    let start = Timestamp.nanos(year: 2019, month: 1, day: 15, hour: 5, minute: 24, second: 10)
    let steps: [(Int64, String, String)] = [
      (0, "WS-07", "4624 logon"), (3, "WS-07", "whoami /all"), (9, "WS-07", "net group"),
      (21, "DC-01", "4624 logon"), (24, "DC-01", "ntdsutil"), (30, "DC-01", "4769 ticket"),
      (44, "FS-02", "4624 logon"), (47, "FS-02", "7045 service"), (51, "FS-02", "rar a x.rar"),
      (60, "WS-07", "curl upload"), (83, "DC-01", "1102 log cleared"), (88, "ファイル鯖", "4624"),
    ]
    return PlotFixture.table([
      "TimeGenerated": steps.map { .timestamp(start + $0.0 * Timestamp.nanosPerSecond) },
      "Computer": steps.map { .string($0.1) },
      "Activity": steps.map { .string($0.2) },
    ])
  }

  @Test(arguments: [Charset.ascii, .braille])
  func ninetySecondIntrusionMatchesGolden(charset: Charset) throws {
    let spec = ChartSpec(
      kind: .timeline, columns: ["TimeGenerated"],
      options: ["by": .string("Computer"), "label": .string("Activity")])
    let lines = try PlotFixture.render(spec, Self.intrusion(), charset)
    Golden.check(lines, "timeline-intrusion-\(charset)")
  }

  @Test(arguments: [Charset.ascii, .braille])
  func lanesBeyondTopAreFoldedIntoOne(charset: Charset) throws {
    let spec = ChartSpec(
      kind: .timeline, columns: ["TimeGenerated"],
      options: ["by": .string("processName"), "top": .int(5)])
    let lines = try PlotFixture.render(spec, PlotFixture.events(), charset)
    Golden.check(lines, "timeline-more-lanes-\(charset)")
    #expect(lines.contains { $0.hasPrefix("+6 more") })
  }

  @Test func lanesAreOrderedByFirstEvent() throws {
    let chart = try Chart(
      spec: ChartSpec(
        kind: .timeline, columns: ["TimeGenerated"], options: ["by": .string("Computer")]),
      table: Self.intrusion())
    let lanes = try #require(chart.body as? Timeline).lanes
    #expect(lanes.map(\.name) == ["WS-07", "DC-01", "FS-02", "ファイル鯖"])
    #expect(lanes.map(\.events.count) == [4, 4, 3, 1])
  }

  @Test func emptyTableSaysSo() throws {
    let table = PlotFixture.typed("TimeGenerated", .timestamp, [])
    let lines = try PlotFixture.render(
      ChartSpec(kind: .timeline, columns: ["TimeGenerated"]), table, .ascii)
    #expect(lines == ["no rows to plot"])
  }
}
