import Testing

@testable import Engine

@Suite("plot line")
struct PlotLineTests {
  /// Bytes sent each second during a 90-second burst.
  static func burst() -> Table {
    let start = Timestamp.nanos(year: 2019, month: 1, day: 15, hour: 5, minute: 24, second: 10)
    var times: [Value] = []
    var bytes: [Value] = []
    var hosts: [Value] = []
    for second in 0...90 {
      for (h, host) in ["web01", "db02", "dc01"].enumerated() {
        times.append(.timestamp(start + Int64(second) * Timestamp.nanosPerSecond))
        let wave = (second * (h + 3) * 37) % 100
        let spike = host == "db02" && (40...46).contains(second) ? 900 : 0
        bytes.append(.int(Int64(100 * (h + 1) + wave + spike)))
        hosts.append(.string(host))
      }
    }
    return PlotFixture.table(["TimeGenerated": times, "bytes": bytes, "host": hosts])
  }

  @Test(arguments: [Charset.ascii, .braille])
  func ninetySecondsOfOneSeriesMatchGolden(charset: Charset) throws {
    let table = Self.burst()
    let db = table.gather((0..<table.rowCount).filter { $0 % 3 == 1 })
    let lines = try PlotFixture.render(
      ChartSpec(kind: .line, columns: ["TimeGenerated", "bytes"]), db, charset)
    Golden.check(lines, "line-90-seconds-\(charset)")
    #expect(lines.contains { $0.contains("05:24:30") && $0.contains("05:25:30") })
    #expect(lines.contains { $0.contains("2019-01-15") && $0.contains("TimeGenerated (UTC)") })
  }

  @Test(arguments: [Charset.ascii, .braille])
  func seriesByHostMatchGolden(charset: Charset) throws {
    let spec = ChartSpec(
      kind: .line, columns: ["TimeGenerated", "bytes"], options: ["by": .string("host")])
    let lines = try PlotFixture.render(spec, Self.burst(), charset)
    Golden.check(lines, "line-by-host-\(charset)")
  }

  @Test func pointsAreJoinedInXOrderWhateverTheRowOrder() throws {
    let sorted = PlotFixture.table([
      "x": (0..<20).map { Value.int(Int64($0)) },
      "y": (0..<20).map { Value.int(Int64(($0 * 7) % 11)) },
    ])
    let shuffled = sorted.gather((0..<20).map { ($0 * 13) % 20 })
    let spec = ChartSpec(kind: .line, columns: ["x", "y"])
    let style = RenderStyle(width: 60, charset: .braille)
    #expect(
      try Chart(spec: spec, table: sorted).render(style)
        == Chart(spec: spec, table: shuffled).render(style))
  }

  @Test func unknownByColumnSuggestsTheClosest() {
    let spec = ChartSpec(
      kind: .line, columns: ["TimeGenerated", "bytes"], options: ["by": .string("hots")])
    #expect(throws: PlotError.column(.unknown("hots", suggestions: ["host"]))) {
      try Chart(spec: spec, table: Self.burst())
    }
  }
}

extension PlotLineTests {
  @Test func foldedSmallGroupsAreNotJoinedIntoOneLine() throws {
    // Ten groups: the eight largest-but-one get lines, the three smallest share `other`
    // and must appear as separate points, not as a zig-zag through all of them.
    var xs: [Value] = []
    var ys: [Value] = []
    var groups: [Value] = []
    for g in 0..<10 {
      for x in 0..<(20 - g) {
        xs.append(.int(Int64(x)))
        ys.append(.int(Int64(g * 10)))
        groups.append(.string("g\(g)"))
      }
    }
    let table = PlotFixture.table(["x": xs, "y": ys, "g": groups])
    let spec = ChartSpec(kind: .line, columns: ["x", "y"], options: ["by": .string("g")])
    let lines = try PlotFixture.render(spec, table, .ascii)
    let otherGlyph = "&"
    #expect(lines.last?.contains("& other (3)") == true)
    let rowsWithOther = lines.dropLast(2).filter { $0.contains(otherGlyph) }
    #expect(rowsWithOther.allSatisfy { $0.filter { $0 == "&" }.count <= 18 })
    #expect(rowsWithOther.count == 3)
  }
}
