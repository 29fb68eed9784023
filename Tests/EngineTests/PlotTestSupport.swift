import Foundation
import Testing

@testable import Engine

/// Golden files for rendered charts: compared byte for byte, rewritten only when the
/// environment has `EVS_UPDATE_GOLDEN=1`.
enum Golden {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static var updating: Bool {
    ProcessInfo.processInfo.environment["EVS_UPDATE_GOLDEN"] == "1"
  }

  /// Checks `lines` against `Golden/<name>.txt`.
  static func check(
    _ lines: [String], _ name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = directory.appendingPathComponent(name + ".txt")
    let text = lines.map { $0 + "\n" }.joined()
    if updating {
      do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
      } catch {
        Issue.record("could not write \(url.path): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      Issue.record(
        "no golden file \(name).txt; create it with EVS_UPDATE_GOLDEN=1",
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    #expect(
      text == expected, "chart differs from Golden/\(name).txt", sourceLocation: sourceLocation)
  }
}

/// Tables and charts for plot tests.
enum PlotFixture {
  /// A table from named columns of cell values, each column's type inferred.
  static func table(_ columns: KeyValuePairs<String, [Value]>) -> Table {
    Table(
      columnNames: columns.map(\.key), columns: columns.map { Column(inferringFrom: $0.value) })
  }

  /// A table with one column of `type` built from `cells`.
  static func typed(_ name: String, _ type: ColumnType, _ cells: [Value]) -> Table {
    Table(columnNames: [name], columns: [Column(type: type, cells: cells)])
  }

  /// Renders a chart at width 80 (unless the spec says otherwise) in `charset`.
  static func render(
    _ spec: ChartSpec, _ table: Table, _ charset: Charset, width: Int = 80
  ) throws -> [String] {
    try Chart(spec: spec, table: table).render(RenderStyle(width: width, charset: charset))
  }

  /// UTC nanoseconds for a date and time.
  static func time(
    _ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0,
    _ second: Int = 0
  ) -> Value {
    .timestamp(
      Timestamp.nanos(
        year: year, month: month, day: day, hour: hour, minute: minute, second: second))
  }

  /// Process events over three days from 2019-01-14 03:12 UTC, a few processes common
  /// and many rare, with path and command-line scores that differ by process.
  static func events(count: Int = 400, seed: UInt64 = 42) -> Table {
    let processes = [
      "svchost.exe", "conhost.exe", "cmd.exe", "powershell.exe", "rundll32.exe", "reg.exe",
      "net.exe", "whoami.exe", "certutil.exe", "schtasks.exe",
    ]
    var random = SeededGenerator(seed: seed)
    let start = Timestamp.nanos(year: 2019, month: 1, day: 14, hour: 3, minute: 12)
    var names: [Value] = []
    var times: [Value] = []
    var pathScores: [Value] = []
    var lengths: [Value] = []
    for _ in 0..<count {
      let skew = Double.random(in: 0..<1, using: &random)
      let p = min(Int(skew * skew * Double(processes.count)), processes.count - 1)
      names.append(.string(processes[p]))
      let seconds = Int64.random(in: 0..<(3 * 86_400 - 4_000), using: &random)
      times.append(.timestamp(start + seconds * Timestamp.nanosPerSecond))
      pathScores.append(.int(Int64(2_000 + 350 * p) + Int64.random(in: -120...120, using: &random)))
      let spread = Double.random(in: 0..<1, using: &random)
      let outlier = spread > 0.97 ? 180.0 : 0
      lengths.append(.int(Int64(20 + 9 * Double(p) + 25 * spread * spread + outlier)))
    }
    return table([
      "TimeGenerated": times, "processName": names, "pathScore": pathScores,
      "commandlineLen": lengths,
    ])
  }

  /// A small deterministic random number generator (SplitMix64), for seeded tests.
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }
}
