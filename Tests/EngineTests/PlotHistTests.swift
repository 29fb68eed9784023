import Testing

@testable import Engine

@Suite("plot hist")
struct PlotHistTests {
  @Test(arguments: [Charset.ascii, .braille])
  func defaultBinsMatchGolden(charset: Charset) throws {
    let spec = ChartSpec(
      kind: .hist, columns: ["commandlineLen"], options: ["title": .string("Command lines")])
    let lines = try PlotFixture.render(spec, PlotFixture.events(), charset)
    Golden.check(lines, "hist-default-\(charset)")
  }

  @Test(arguments: [Charset.ascii, .braille])
  func givenBinCountAndNullsMatchGolden(charset: Charset) throws {
    let cells = (0..<60).map { i in i % 7 == 0 ? Value.null : .float(Double(i * i) / 100) }
    let table = PlotFixture.table(["score": cells])
    let spec = ChartSpec(kind: .hist, columns: ["score"], options: ["bins": .int(6)])
    let lines = try PlotFixture.render(spec, table, charset)
    Golden.check(lines, "hist-bins-nulls-\(charset)")
    #expect(lines.last == "9 rows with a null or non-finite score skipped")
  }

  @Test func everyValueLandsInExactlyOneBin() throws {
    let table = PlotFixture.events(count: 997, seed: 9)
    for bins in [nil, 1, 7, 50] as [Int?] {
      let options: [String: Value] = bins.map { ["bins": .int(Int64($0))] } ?? [:]
      let chart = try Chart(
        spec: ChartSpec(kind: .hist, columns: ["pathScore"], options: options), table: table)
      let histogram = try #require(chart.body as? Histogram)
      #expect(histogram.counts.reduce(0, +) == 997)
      if let bins { #expect(histogram.counts.count == bins) }
    }
  }

  @Test func defaultBinWidthIsRound() throws {
    let chart = try Chart(
      spec: ChartSpec(kind: .hist, columns: ["pathScore"]), table: PlotFixture.events())
    let width = try #require(chart.body as? Histogram).binWidth
    let mantissa = width / Histogram.niceWidth(width)
    #expect(abs(mantissa - 1) < 1e-9)
    #expect(width >= 1)
  }

  @Test func tooManyBinsForTheWidthAreMergedAndSaid() throws {
    let table = PlotFixture.table(["v": (0..<500).map { Value.int(Int64($0)) }])
    let spec = ChartSpec(kind: .hist, columns: ["v"], options: ["bins": .int(500)])
    let lines = try PlotFixture.render(spec, table, .ascii)
    #expect(lines.last == "500 bins merged into 72 to fit 80 columns")
  }

  @Test func timestampColumnIsRejected() {
    #expect(
      throws: PlotError.column(
        .wrongType("TimeGenerated", found: .timestamp, expected: "a numeric column"))
    ) {
      try Chart(
        spec: ChartSpec(kind: .hist, columns: ["TimeGenerated"]), table: PlotFixture.events())
    }
  }
}
