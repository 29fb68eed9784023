import Foundation
import Testing

@testable import Engine

@Suite("plot performance", .serialized)
struct PlotPerformanceTests {
  /// A million events: times over a week, two measures and a few process names.
  static let million: Table = {
    let count = 1_000_000
    var random = PlotFixture.SeededGenerator(seed: 1)
    let start = Timestamp.nanos(year: 2019, month: 1, day: 14)
    var times = [Int64](repeating: 0, count: count)
    var xs = [Double](repeating: 0, count: count)
    var ys = [Int64](repeating: 0, count: count)
    var names = StringStorage()
    let processes = ["svchost.exe", "cmd.exe", "powershell.exe", "conhost.exe", "reg.exe"]
    for i in 0..<count {
      times[i] = start + Int64.random(in: 0..<(7 * Timestamp.nanosPerDay), using: &random)
      xs[i] = Double.random(in: 0..<10_000, using: &random)
      ys[i] = Int64(xs[i] / 100) + Int64.random(in: 0..<50, using: &random)
      names.append(processes[i % processes.count])
    }
    return Table(
      columnNames: ["TimeGenerated", "x", "y", "processName"],
      columns: [
        Column(.timestamp(times)), Column(.float(xs)), Column(.int(ys)),
        Column(.string(names)),
      ])
  }()

  @Test(arguments: [
    ChartSpec(kind: .scatter, columns: ["x", "y"], options: ["color": .string("processName")]),
    ChartSpec(kind: .line, columns: ["x", "y"]),
    ChartSpec(kind: .timechart, columns: ["TimeGenerated"]),
    ChartSpec(kind: .hist, columns: ["y"]),
    ChartSpec(kind: .bar, columns: ["processName", "y"]),
    ChartSpec(kind: .timeline, columns: ["TimeGenerated"], options: ["by": .string("processName")]),
  ])
  func aMillionRowsChartInSeconds(spec: ChartSpec) throws {
    let table = Self.million
    let clock = ContinuousClock()
    var chart: Chart?
    let built = try clock.measure { chart = try Chart(spec: spec, table: table) }
    let drawn = clock.measure {
      let lines = chart?.render(RenderStyle(charset: .braille)) ?? []
      #expect(lines.count > 5)
    }
    let elapsed = built + drawn
    // A debug build takes a few seconds here; anything worse than linear in the rows
    // would take minutes.
    #expect(elapsed < .seconds(15), "\(spec.kind) took \(elapsed)")
  }
}
