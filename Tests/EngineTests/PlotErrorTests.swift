import Testing

@testable import Engine

@Suite("plot errors")
struct PlotErrorTests {
  static let table = PlotFixture.events(count: 20)

  @Test(arguments: [
    (
      ChartSpec(kind: .bar, columns: ["processNme"]),
      "unknown column 'processNme'; did you mean processName?"
    ),
    (
      ChartSpec(kind: .bar, columns: ["processName", "processName"]),
      "column 'processName' is string, but a numeric column is needed"
    ),
    (
      ChartSpec(kind: .scatter, columns: ["pathScore"]),
      "plot scatter takes XCOL YCOL; 1 column given"
    ),
    (
      ChartSpec(kind: .hist, columns: ["pathScore"], options: ["bin": .int(5)]),
      "plot hist has no option 'bin'; did you mean bins?"
    ),
    (
      ChartSpec(kind: .hist, columns: ["pathScore"], options: ["bins": .string("ten")]),
      "option 'bins': expected a whole number from 1 to 1000, got 'ten'"
    ),
    (
      ChartSpec(kind: .bar, columns: ["processName"], options: ["charset": .string("brail")]),
      "option 'charset': expected braille, block or ascii, got 'brail'; did you mean braille?"
    ),
    (
      ChartSpec(
        kind: .scatter, columns: ["pathScore", "commandlineLen"], options: ["log": .string("z")]),
      "option 'log': expected x, y or xy, got 'z'"
    ),
    (
      ChartSpec(kind: .timechart, columns: ["TimeGenerated"], options: ["bin": .int(-5)]),
      "option 'bin': expected a positive duration such as 5m or 1h, got -5"
    ),
    (
      ChartSpec(kind: .bar, columns: ["processName"], by: "pathScore"),
      "option 'by': plot bar does not group by a column"
    ),
    (
      ChartSpec(
        kind: .line, columns: ["TimeGenerated", "pathScore"], options: ["log": .string("x")]),
      "option 'log': the time axis of 'TimeGenerated' cannot be logarithmic"
    ),
    (
      ChartSpec(kind: .timeline, columns: ["pathScore"]),
      "column 'pathScore' is int, but a timestamp column is needed"
    ),
    (
      ChartSpec(
        kind: .scatter, columns: ["pathScore", "commandlineLen"],
        options: ["label": .string("proc")]),
      "unknown column 'proc'; did you mean processName?"
    ),
  ])
  func userMistakesGetMessagesThatNameTheCulprit(spec: ChartSpec, message: String) {
    #expect {
      try Chart(spec: spec, table: Self.table)
    } throws: { error in
      (error as? PlotError)?.description == message
    }
  }

  @Test func logAxisNamesTheRowAtFault() {
    let table = PlotFixture.table([
      "bytes": [.int(10), .int(100), .int(0)], "n": [.int(1), .int(2), .int(3)],
    ])
    let spec = ChartSpec(kind: .scatter, columns: ["n", "bytes"], options: ["log": .string("y")])
    #expect {
      try Chart(spec: spec, table: table)
    } throws: { error in
      (error as? PlotError)?.description
        == "a log axis needs values above 0, but column 'bytes' has 0.0 at row 3"
    }
  }

  @Test(arguments: ChartKind.allCases)
  func emptyTableRendersANoteNotAnError(kind: ChartKind) throws {
    let table = Table(
      columnNames: ["t", "v", "name"],
      columns: [
        Column(type: .timestamp, cells: []), Column(type: .float, cells: []),
        Column(type: .string, cells: []),
      ])
    let columns: [String]
    switch kind {
    case .bar: columns = ["name", "v"]
    case .hist, .box: columns = ["v"]
    case .scatter, .line: columns = ["v", "v"]
    case .timechart, .timeline: columns = ["t"]
    }
    let lines = try PlotFixture.render(ChartSpec(kind: kind, columns: columns), table, .braille)
    #expect(lines.contains("no rows to plot"))
    #expect(lines.count <= 2)
  }

  @Test func specWidthAndCharsetOverrideTheStyle() throws {
    let spec = ChartSpec(
      kind: .bar, columns: ["processName"],
      options: ["width": .int(30), "charset": .string("ascii")])
    let lines = try PlotFixture.render(spec, Self.table, .braille, width: 120)
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 30 })
    #expect(lines.contains { $0.contains("#") } && !lines.contains { $0.contains("█") })
  }

  @Test func tooNarrowAWidthGivesANote() throws {
    let chart = try Chart(spec: ChartSpec(kind: .bar, columns: ["processName"]), table: Self.table)
    #expect(chart.render(RenderStyle(width: 12)) == ["(too narrow…"])
    #expect(chart.render(RenderStyle(width: 0)) == [""])
  }
}
