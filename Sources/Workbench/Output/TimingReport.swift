import DSL

/// The lines `.timer` and `--trace` show after a statement: its total time, then each
/// stage with its rows in and out and its time.
///
/// ```
/// time: 0.412 s
///   load        50000 rows    0.380 s
///   where       50000 → 1200  0.030 s
/// ```
enum TimingReport {
  /// - Parameters:
  ///   - heading: what the first line starts with, such as `time` or a location.
  ///   - seconds: the statement's total time, display included.
  ///   - trace: the stages that ran.
  ///   - arrow: `→`, or `->` where only ASCII can be shown.
  static func lines(
    heading: String, seconds: Double, trace: [StageTrace], arrow: String = "→"
  ) -> [String] {
    let rows = trace.map { stage -> String in
      switch (stage.rowsIn, stage.rowsOut) {
      case (let rowsIn?, let rowsOut?): return "\(rowsIn) \(arrow) \(rowsOut)"
      case (nil, let rowsOut?): return TableRenderer.counted(rowsOut, "row")
      case (let rowsIn?, nil): return "\(rowsIn) \(arrow) chart"
      case (nil, nil): return "value"
      }
    }
    let verbWidth = trace.map { TextWidth.columns(of: $0.verb) }.max() ?? 0
    let rowsWidth = rows.map { TextWidth.columns(of: $0) }.max() ?? 0
    var lines = ["\(heading): \(format(seconds))"]
    for (stage, rowText) in zip(trace, rows) {
      lines.append(
        "  " + TextWidth.padded(stage.verb, toColumns: verbWidth) + "  "
          + TextWidth.padded(rowText, toColumns: rowsWidth) + "  " + format(stage.seconds))
    }
    return lines
  }

  /// Seconds with three decimals, as `0.030 s`.
  static func format(_ seconds: Double) -> String {
    let milliseconds = Int((max(0, seconds) * 1000).rounded())
    let fraction = String(milliseconds % 1000)
    return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count)
      + fraction + " s"
  }
}
