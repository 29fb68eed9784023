import Testing

@testable import Engine

@Suite("plot scatter")
struct PlotScatterTests {
  @Test(arguments: [Charset.ascii, .braille])
  func pathScoreAgainstLengthByProcessMatchesGolden(charset: Charset) throws {
    let spec = ChartSpec(
      kind: .scatter, columns: ["pathScore", "commandlineLen"],
      options: ["color": .string("processName"), "label": .string("processName")])
    let lines = try PlotFixture.render(spec, PlotFixture.events(), charset)
    Golden.check(lines, "scatter-color-label-\(charset)")
  }

  @Test(arguments: [Charset.ascii, .braille, .block])
  func tinyRangeGetsRoundTicksWithEqualDecimals(charset: Charset) throws {
    let xs = (0...40).map { Value.float(0.0001 + 0.000005 * Double($0)) }
    let ys = (0...40).map { i in Value.float(Double((i * 37) % 41) / 10) }
    let table = PlotFixture.table(["ratio": xs, "entropy": ys])
    let lines = try PlotFixture.render(
      ChartSpec(kind: .scatter, columns: ["ratio", "entropy"]), table, charset)
    Golden.check(lines, "scatter-tiny-range-\(charset)")
    #expect(lines.contains { $0.contains("0.00010") && $0.contains("0.00030") })
  }

  @Test(arguments: [Charset.ascii, .braille])
  func logAxesSpanSixDecades(charset: Charset) throws {
    let xs = (0...60).map { Value.float(pow10(Double($0) / 10)) }
    let ys = (0...60).map { i in Value.int(Int64(1 + (i * i * 271) % 999_999)) }
    let table = PlotFixture.table(["bytesOut": xs, "bytesIn": ys])
    let spec = ChartSpec(
      kind: .scatter, columns: ["bytesOut", "bytesIn"], options: ["log": .string("xy")])
    let lines = try PlotFixture.render(spec, table, charset)
    Golden.check(lines, "scatter-log-\(charset)")
    #expect(lines.contains { $0.contains("10k") && $0.contains("1M") })
  }

  @Test(arguments: [Charset.ascii, .braille])
  func crowdedLabelsBecomeFootnotes(charset: Charset) throws {
    var xs: [Value] = []
    var ys: [Value] = []
    var names: [Value] = []
    for i in 0..<12 {
      xs.append(.int(Int64(100 + 8 * (i % 4))))
      ys.append(.int(Int64(50 + 7 * (i / 4))))
      names.append(.string("C:\\Tools\\suspicious-\(i).exe"))
    }
    xs += [.int(0), .int(200)]
    ys += [.int(0), .int(100)]
    names += [.string("origin"), .string("corner")]
    let table = PlotFixture.table(["x": xs, "y": ys, "name": names])
    let spec = ChartSpec(kind: .scatter, columns: ["x", "y"], options: ["label": .string("name")])
    let lines = try PlotFixture.render(spec, table, charset, width: 60)
    Golden.check(lines, "scatter-label-collision-\(charset)")
    #expect(lines.contains { $0.hasPrefix("1: ") })
  }

  @Test func nullPointsAreSkippedAndCounted() throws {
    let table = PlotFixture.table([
      "x": [.int(1), .null, .int(3), .float(.infinity)],
      "y": [.int(1), .int(2), .null, .int(4)],
    ])
    let lines = try PlotFixture.render(
      ChartSpec(kind: .scatter, columns: ["x", "y"]), table, .ascii)
    #expect(lines.last == "3 rows with a null or non-finite x or y skipped")
  }

  @Test func logAxisRejectsNegativeValues() {
    let table = PlotFixture.table(["x": [.int(5), .int(-2)], "y": [.int(1), .int(1)]])
    let spec = ChartSpec(kind: .scatter, columns: ["x", "y"], options: ["log": .string("x")])
    #expect(throws: PlotError.nonPositiveOnLogAxis(column: "x", value: -2, row: 2)) {
      try Chart(spec: spec, table: table)
    }
  }

  @Test func textColumnIsRejected() {
    #expect(
      throws: PlotError.column(
        .wrongType("processName", found: .string, expected: "a numeric column"))
    ) {
      try Chart(
        spec: ChartSpec(kind: .scatter, columns: ["pathScore", "processName"]),
        table: PlotFixture.events())
    }
  }

  private func pow10(_ exponent: Double) -> Double {
    var result = 1.0
    for _ in 0..<Int(exponent) { result *= 10 }
    let fraction = exponent - Double(Int(exponent))
    return result * (fraction == 0 ? 1 : exp10(fraction))
  }

  private func exp10(_ x: Double) -> Double {
    var term = 1.0
    var sum = 1.0
    let ln10x = x * 2.302585092994046
    for n in 1..<30 {
      term *= ln10x / Double(n)
      sum += term
    }
    return sum
  }
}
