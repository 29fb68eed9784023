import Testing

@testable import Engine

@Suite("plot bar")
struct PlotBarTests {
  /// Cluster exemplars as `cluster` returns them: one process name may appear in
  /// several clusters.
  static let clusters = PlotFixture.table([
    "processName": [
      "svchost.exe", "C:\\Windows\\System32\\cmd.exe", "conhost.exe", "svchost.exe",
      "powershell.exe", "rundll32.exe", "C:\\Program Files\\Microsoft Office\\root\\WINWORD.EXE",
      "taskhostw.exe", "conhost.exe", "reg.exe", "netsh.exe", "wmiprvse.exe",
    ].map(Value.string),
    "ClusterSize": [412, 387, 255, 98, 61, 40, 12, 7, 5, 3, 1, 1].map { Value.int($0) },
  ])

  static let spec = ChartSpec(
    kind: .bar, columns: ["processName", "ClusterSize"],
    options: ["title": .string("Events per process (clustered)")])

  @Test(arguments: [Charset.ascii, .braille])
  func clusterSizesMatchGolden(charset: Charset) throws {
    let lines = try PlotFixture.render(Self.spec, Self.clusters, charset)
    Golden.check(lines, "bar-cluster-sizes-\(charset)")
  }

  @Test func sameLabelOnSeveralRowsIsSummed() throws {
    let chart = try Chart(spec: Self.spec, table: Self.clusters)
    let body = try #require(chart.body as? BarChart)
    let svchost = try #require(body.labels.firstIndex(of: "svchost.exe"))
    #expect(body.totals[svchost] == 510)
    #expect(body.shownRows().first?.label == "svchost.exe")
  }

  @Test func withoutValueColumnRowsAreCountedPerLabel() throws {
    let table = PlotFixture.table(["name": ["b", "a", "b", "c", "b", "a"].map(Value.string)])
    let chart = try Chart(spec: ChartSpec(kind: .bar, columns: ["name"]), table: table)
    let rows = try #require(chart.body as? BarChart).shownRows()
    #expect(rows.map(\.label) == ["b", "a", "c"])
    #expect(rows.map(\.total) == [3, 2, 1])
  }

  @Test func tiesKeepFirstSeenOrder() throws {
    let table = PlotFixture.table(["name": ["z", "y", "x", "y", "z", "x"].map(Value.string)])
    let chart = try Chart(spec: ChartSpec(kind: .bar, columns: ["name"]), table: table)
    let rows = try #require(chart.body as? BarChart).shownRows()
    #expect(rows.map(\.label) == ["z", "y", "x"])
  }

  @Test func labelsBeyondTopAreSummedIntoOther() throws {
    let names = (0..<40).flatMap { i in Array(repeating: Value.string("host\(i)"), count: 50 - i) }
    let table = PlotFixture.table(["host": names])
    let spec = ChartSpec(kind: .bar, columns: ["host"], options: ["top": .int(5)])
    let rows = try #require(try Chart(spec: spec, table: table).body as? BarChart).shownRows()
    #expect(rows.count == 6)
    #expect(rows.last?.label == "other (35)")
    #expect(rows.last?.total == Double((5..<40).reduce(0) { $0 + 50 - $1 }))
  }

  @Test(arguments: [Charset.ascii, .braille])
  func manyLabelsShowDefaultTopAndOtherRow(charset: Charset) throws {
    let names = (0..<60).flatMap { i in
      Array(repeating: Value.string("workstation-\(i).corp.example.com"), count: 1 + (i * 7) % 23)
    }
    let table = PlotFixture.table(["Computer": names])
    let lines = try PlotFixture.render(ChartSpec(kind: .bar, columns: ["Computer"]), table, charset)
    Golden.check(lines, "bar-many-labels-\(charset)")
  }

  @Test(arguments: [Charset.ascii, .braille])
  func wideCharacterLabelsKeepBarsAligned(charset: Charset) throws {
    let table = PlotFixture.table([
      "user": ["管理者", "ユーザー名がとても長いアカウント", "e\u{301}lodie", "bob", "管理者"].map(Value.string),
      "logons": [10, 7, 4, 2, 3].map { Value.int($0) },
    ])
    let spec = ChartSpec(kind: .bar, columns: ["user", "logons"])
    let lines = try PlotFixture.render(spec, table, charset, width: 40)
    Golden.check(lines, "bar-wide-labels-\(charset)")
    let barStarts = lines.dropFirst().map { line in
      DisplayWidth.of(String(line.prefix { $0 != "█" && $0 != "#" && $0 != "▏" && $0 != "▎" }))
    }
    #expect(Set(barStarts).count == 1)
  }

  @Test(arguments: [Charset.ascii, .braille])
  func nullValuesAreSkippedAndCounted(charset: Charset) throws {
    let table = PlotFixture.table([
      "rule": ["brute force", "dns tunnel", "new service", "brute force", "dns tunnel"]
        .map(Value.string),
      "score": [Value.float(7.5), .null, .float(3.25), .float(.nan), .float(2)],
    ])
    let lines = try PlotFixture.render(
      ChartSpec(kind: .bar, columns: ["rule", "score"]), table, charset)
    Golden.check(lines, "bar-nulls-\(charset)")
    #expect(lines.last == "2 rows with a null or non-finite score skipped")
  }

  @Test(arguments: [Charset.ascii, .braille])
  func negativeTotalsGrowLeftOfZero(charset: Charset) throws {
    let table = PlotFixture.table([
      "host": ["alpha", "beta", "gamma", "delta"].map(Value.string),
      "change": [120, -45, 30, -90].map { Value.int($0) },
    ])
    let lines = try PlotFixture.render(
      ChartSpec(kind: .bar, columns: ["host", "change"]), table, charset)
    Golden.check(lines, "bar-negative-\(charset)")
  }

  @Test func emptyTableSaysSoInsteadOfFailing() throws {
    let table = PlotFixture.typed("name", .string, [])
    let lines = try PlotFixture.render(ChartSpec(kind: .bar, columns: ["name"]), table, .braille)
    #expect(lines == ["rows by name", "no rows to plot"])
  }

  @Test func textValueColumnIsRejectedWithItsType() {
    let table = PlotFixture.table([
      "name": [.string("a")], "CommandLine": [.string("cmd /c dir")],
    ])
    #expect(
      throws: PlotError.column(
        .wrongType("CommandLine", found: .string, expected: "a numeric column"))
    ) {
      try Chart(spec: ChartSpec(kind: .bar, columns: ["name", "CommandLine"]), table: table)
    }
  }

  @Test func longLabelsAreCutInTheMiddle() throws {
    let path = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"
    let table = PlotFixture.table(["path": [.string(path)]])
    let unicode = try PlotFixture.render(
      ChartSpec(kind: .bar, columns: ["path"]), table, .braille, width: 40)
    let ascii = try PlotFixture.render(
      ChartSpec(kind: .bar, columns: ["path"]), table, .ascii, width: 40)
    #expect(unicode[1].hasPrefix("C:\\Win…shell.exe █"))
    #expect(ascii[1].hasPrefix("C:\\Wi...hell.exe #"))
    #expect((unicode + ascii).allSatisfy { DisplayWidth.of($0) <= 40 })
  }

  @Test func barsOfUnicodeChartsUseEighthBlocks() throws {
    let table = PlotFixture.table([
      "k": ["a", "b"].map(Value.string), "v": [Value.int(64), .int(1)],
    ])
    let lines = try PlotFixture.render(
      ChartSpec(kind: .bar, columns: ["k", "v"]), table, .block, width: 20)
    // 20 columns: label 1, space, 15 bar cells, space, "64"; 1 is 1.875 eighths of a
    // cell, drawn as two.
    #expect(lines[1] == "a " + String(repeating: "█", count: 15) + " 64")
    #expect(lines[2] == "b ▎ 1")
  }
}
