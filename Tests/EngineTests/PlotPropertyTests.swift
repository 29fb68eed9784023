import Testing

@testable import Engine

@Suite("plot properties")
struct PlotPropertyTests {
  /// A random table: times, counts, scores with nulls and non-finite values, names with
  /// wide characters and long paths, and a few groups.
  static func randomTable(_ random: inout PlotFixture.SeededGenerator) -> Table {
    let rows = Int.random(in: 0...240, using: &random)
    let start = Timestamp.nanos(year: 2019, month: 1, day: 14)
    let spans: [Int64] = [5, 90, 3_600, 3 * 86_400, 400 * 86_400]
    let span = spans.randomElement(using: &random) ?? 60
    let words = [
      "svchost.exe", "管理者", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
      "e\u{301}vil", "🔥", "a", "x y z",
    ]
    var times: [Value] = []
    var counts: [Value] = []
    var scores: [Value] = []
    var names: [Value] = []
    var groups: [Value] = []
    for _ in 0..<rows {
      let offset: Int64 = Int64.random(in: 0...span, using: &random)
      let t = start + offset * Timestamp.nanosPerSecond
      times.append(Int.random(in: 0..<20, using: &random) == 0 ? .null : .timestamp(t))
      counts.append(.int(Int64.random(in: 1...1_000_000, using: &random)))
      let score: Value
      switch Int.random(in: 0..<12, using: &random) {
      case 0: score = .null
      case 1: score = .float(.nan)
      default: score = .float(Double.random(in: -0.0003...0.0003, using: &random))
      }
      scores.append(score)
      names.append(.string(words.randomElement(using: &random) ?? "a"))
      groups.append(
        .int(Int64.random(in: 0...Int64.random(in: 0...15, using: &random), using: &random)))
    }
    return Table(
      columnNames: ["t", "count", "score", "name", "group"],
      columns: [
        Column(type: .timestamp, cells: times), Column(type: .int, cells: counts),
        Column(type: .float, cells: scores), Column(type: .string, cells: names),
        Column(type: .int, cells: groups),
      ])
  }

  /// One spec of every kind, with options drawn at random.
  static func specs(_ random: inout PlotFixture.SeededGenerator) -> [ChartSpec] {
    let title: [String: Value] =
      Bool.random(using: &random)
      ? ["title": .string(String(repeating: "Title 表 ", count: 30))] : [:]
    func with(_ extra: [String: Value]) -> [String: Value] {
      title.merging(extra) { a, _ in a }
    }
    return [
      ChartSpec(
        kind: .bar, columns: ["name"],
        options: with(["top": .int(Int64.random(in: 1...30, using: &random))])),
      ChartSpec(kind: .bar, columns: ["name", "score"], options: with([:])),
      ChartSpec(
        kind: .hist, columns: ["score"],
        options: with(
          Bool.random(using: &random)
            ? ["bins": .int(Int64.random(in: 1...300, using: &random))] : [:])),
      ChartSpec(kind: .box, columns: ["count"], by: "name", options: with(["log": .string("x")])),
      ChartSpec(
        kind: .scatter, columns: ["t", "score"],
        options: with(["label": .string("name"), "color": .string("group")])),
      ChartSpec(
        kind: .scatter, columns: ["count", "count"],
        options: with(["log": .string("xy"), "label": .string("name")])),
      ChartSpec(kind: .line, columns: ["count", "score"], options: with(["by": .string("group")])),
      ChartSpec(kind: .timechart, columns: ["t"], options: with(["by": .string("name")])),
      ChartSpec(
        kind: .timechart, columns: ["t"], options: with(["bin": .int(Timestamp.nanosPerSecond)])),
      ChartSpec(
        kind: .timeline, columns: ["t"],
        options: with(["by": .string("name"), "label": .string("name")])),
    ]
  }

  @Test(arguments: 1...40)
  func noLineIsWiderThanTheStyle(seed: Int) throws {
    var random = PlotFixture.SeededGenerator(seed: UInt64(seed))
    let table = Self.randomTable(&random)
    for spec in Self.specs(&random) {
      let chart = try Chart(spec: spec, table: table)
      let width =
        [Int.random(in: 1...30, using: &random), Int.random(in: 30...200, using: &random)]
        .randomElement(using: &random) ?? 80
      let charset = Charset.allCases.randomElement(using: &random) ?? .ascii
      let context = chart.context(for: RenderStyle(width: width, charset: charset))
      for line in chart.lines(context) {
        #expect(
          DisplayWidth.of(line) <= width,
          "\(spec.kind) at width \(width) in \(charset): \(line)")
      }
    }
  }

  @Test(arguments: 1...5)
  func renderingTwiceGivesTheSameLines(seed: Int) throws {
    var random = PlotFixture.SeededGenerator(seed: UInt64(seed * 7919))
    let table = Self.randomTable(&random)
    for spec in Self.specs(&random) {
      let chart = try Chart(spec: spec, table: table)
      let style = RenderStyle(width: 73, charset: .braille, color: true)
      #expect(chart.render(style) == chart.render(style))
    }
  }

  @Test func colouredLinesMeasureLikePlainOnes() throws {
    var random = PlotFixture.SeededGenerator(seed: 3)
    let table = Self.randomTable(&random)
    let spec = ChartSpec(
      kind: .scatter, columns: ["t", "score"], options: ["color": .string("group")])
    let chart = try Chart(spec: spec, table: table)
    let plain = chart.render(RenderStyle(width: 70, charset: .braille, color: false))
    let coloured = chart.render(RenderStyle(width: 70, charset: .braille, color: true))
    #expect(plain.map { DisplayWidth.of($0) } == coloured.map { DisplayWidth.of($0) })
    #expect(coloured.contains { $0.contains("\u{1B}[") })
  }
}

@Suite("plot degenerate data")
struct PlotDegenerateDataTests {
  /// Tables where every value is the same: one row, or many equal rows.
  static let tables: [Table] = [1, 50].map { rows in
    PlotFixture.table([
      "t": Array(repeating: PlotFixture.time(2019, 1, 15, 5, 24, 30), count: rows),
      "v": Array(repeating: Value.float(0.5), count: rows),
      "n": Array(repeating: Value.int(7), count: rows),
      "name": Array(repeating: Value.string("cmd.exe"), count: rows),
    ])
  }

  static let specs: [ChartSpec] = [
    ChartSpec(kind: .bar, columns: ["name", "v"]),
    ChartSpec(kind: .hist, columns: ["n"]),
    ChartSpec(kind: .hist, columns: ["v"], options: ["bins": .int(5)]),
    ChartSpec(kind: .box, columns: ["v"], by: "name"),
    ChartSpec(kind: .scatter, columns: ["v", "n"], options: ["label": .string("name")]),
    ChartSpec(kind: .scatter, columns: ["n", "n"], options: ["log": .string("xy")]),
    ChartSpec(kind: .line, columns: ["t", "v"]),
    ChartSpec(kind: .timechart, columns: ["t"]),
    ChartSpec(kind: .timeline, columns: ["t"], options: ["label": .string("name")]),
  ]

  @Test(arguments: tables.indices, specs)
  func equalValuesStillDrawAChart(table: Int, spec: ChartSpec) throws {
    for charset in Charset.allCases {
      let chart = try Chart(spec: spec, table: Self.tables[table])
      let context = chart.context(for: RenderStyle(width: 60, charset: charset))
      let lines = chart.lines(context)
      #expect(lines.count >= 2, "\(spec.kind) in \(charset)")
      #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 })
      #expect(!lines.contains("no rows to plot"))
    }
  }
}
