import Testing

@testable import Engine

@Suite("plot timechart")
struct PlotTimechartTests {
  @Test(arguments: [Charset.ascii, .braille])
  func threeDaysWithAutomaticBinsMatchGolden(charset: Charset) throws {
    let spec = ChartSpec(
      kind: .timechart, columns: ["TimeGenerated"], options: ["title": .string("Events")])
    let lines = try PlotFixture.render(spec, PlotFixture.events(), charset)
    Golden.check(lines, "timechart-3-days-\(charset)")
    #expect(lines.contains { $0.contains("2019-01-14") && $0.contains("2019-01-16") })
  }

  @Test(arguments: [Charset.ascii, .braille])
  func hourlyBinsByProcessMatchGolden(charset: Charset) throws {
    let hour = Int64(3600) * Timestamp.nanosPerSecond
    let spec = ChartSpec(
      kind: .timechart, columns: ["TimeGenerated"],
      options: ["by": .string("processName"), "bin": .int(6 * hour), "height": .int(8)])
    let lines = try PlotFixture.render(spec, PlotFixture.events(), charset)
    Golden.check(lines, "timechart-by-process-\(charset)")
  }

  @Test func binsStartOnTheHourAndCountEveryEvent() throws {
    let hour = Int64(3600) * Timestamp.nanosPerSecond
    let table = PlotFixture.events()
    let chart = try Chart(
      spec: ChartSpec(kind: .timechart, columns: ["TimeGenerated"], options: ["bin": .int(hour)]),
      table: table)
    let body = try #require(chart.body as? TimeChart)
    let bins = TimeBins(
      first: body.times.min() ?? 0, last: body.times.max() ?? 0, requested: hour, columns: 500)
    #expect(bins.start == Timestamp.nanos(year: 2019, month: 1, day: 14, hour: 3))
    #expect(bins.count == 71)
    let counted = body.times.reduce(into: [Int](repeating: 0, count: bins.count)) {
      $0[bins.index(of: $1)] += 1
    }
    #expect(counted.reduce(0, +) == table.rowCount)
  }

  @Test func binTooNarrowForTheWidthIsWidenedAndSaid() throws {
    let minute = Int64(60) * Timestamp.nanosPerSecond
    let spec = ChartSpec(
      kind: .timechart, columns: ["TimeGenerated"], options: ["bin": .int(5 * minute)])
    let lines = try PlotFixture.render(spec, PlotFixture.events(), .ascii)
    #expect(lines.last == "bin=5m widened to 1h to fit 80 columns")
  }

  @Test func nullTimesAreSkippedAndCounted() throws {
    let table = PlotFixture.typed(
      "TimeGenerated", .timestamp,
      [PlotFixture.time(2019, 1, 15, 5), .null, PlotFixture.time(2019, 1, 15, 6), .null])
    let lines = try PlotFixture.render(
      ChartSpec(kind: .timechart, columns: ["TimeGenerated"]), table, .braille)
    #expect(lines.last == "2 rows with a null or non-finite TimeGenerated skipped")
  }

  @Test func numericColumnIsNotATime() {
    #expect(
      throws: PlotError.column(.wrongType("pathScore", found: .int, expected: "a timestamp column"))
    ) {
      try Chart(
        spec: ChartSpec(kind: .timechart, columns: ["pathScore"]), table: PlotFixture.events())
    }
  }
}
