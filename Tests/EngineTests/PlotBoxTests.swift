import Testing

@testable import Engine

@Suite("plot box")
struct PlotBoxTests {
  @Test(arguments: [Charset.ascii, .braille])
  func commandLineLengthsByProcessMatchGolden(charset: Charset) throws {
    let spec = ChartSpec(kind: .box, columns: ["commandlineLen"], by: "processName")
    let lines = try PlotFixture.render(spec, PlotFixture.events(), charset)
    Golden.check(lines, "box-by-process-\(charset)")
  }

  @Test(arguments: [Charset.ascii, .braille])
  func wideCategoryNamesAndLogAxisMatchGolden(charset: Charset) throws {
    let names = ["経理部", "開発チームの共有サーバー", "naïve-host", "経理部", "開発チームの共有サーバー"]
    var hosts: [Value] = []
    var bytes: [Value] = []
    for i in 0..<150 {
      hosts.append(.string(names[i % names.count]))
      bytes.append(.int(Int64(10 + (i * 7919) % 5000) * Int64(1 + (i % 5) * 40)))
    }
    let table = PlotFixture.table(["host": hosts, "bytes": bytes])
    let spec = ChartSpec(
      kind: .box, columns: ["bytes"], by: "host", options: ["log": .string("x")])
    let lines = try PlotFixture.render(spec, table, charset)
    Golden.check(lines, "box-wide-log-\(charset)")
  }

  @Test func summaryFollowsTukey() {
    let values: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 40]
    let box = BoxPlot.Summary(name: "x", sorted: values)
    #expect(box.lowerQuartile == 3.25)
    #expect(box.median == 5.5)
    #expect(box.upperQuartile == 7.75)
    #expect(box.lowWhisker == 1)
    #expect(box.highWhisker == 9)
    #expect(box.outliers == [40])
  }

  @Test func eachRowSaysHowManyValuesItSummarises() throws {
    let spec = ChartSpec(kind: .box, columns: ["commandlineLen"], by: "processName")
    let lines = try PlotFixture.render(spec, PlotFixture.events(count: 1234), .braille)
    let counts = lines.compactMap { line in line.split(separator: " ").last }
      .filter { $0.hasPrefix("n=") }
      .map { Int($0.dropFirst(2).replacingOccurrences(of: ",", with: "")) ?? 0 }
    #expect(counts.reduce(0, +) == 1234)
  }

  @Test func categoriesBeyondTopAreCountedInTheFooter() throws {
    let spec = ChartSpec(
      kind: .box, columns: ["commandlineLen"], by: "processName", options: ["top": .int(3)])
    let lines = try PlotFixture.render(spec, PlotFixture.events(), .ascii)
    #expect(lines.last == "7 smaller categories not shown; top=N shows more")
    #expect(lines.filter { $0.contains("n=") }.count == 3)
  }

  @Test func logAxisRejectsZero() {
    let table = PlotFixture.table(["v": [.int(3), .int(0)], "g": [.string("a"), .string("b")]])
    let spec = ChartSpec(kind: .box, columns: ["v"], by: "g", options: ["log": .string("x")])
    #expect(throws: PlotError.nonPositiveOnLogAxis(column: "v", value: 0, row: 2)) {
      try Chart(spec: spec, table: table)
    }
  }
}
