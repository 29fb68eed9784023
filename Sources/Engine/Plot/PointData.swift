/// The ranges of a pair of columns over the rows where both have a value.
struct PointData {
  let xRange: ClosedRange<Double>?
  let yRange: ClosedRange<Double>?
  let xMapping: Scale.Mapping

  init(x: PlotColumn, y: PlotColumn, log: ChartOptions.LogAxes) {
    var xLow = Double.infinity
    var xHigh = -Double.infinity
    var yLow = Double.infinity
    var yHigh = -Double.infinity
    for (xv, yv) in zip(x.values, y.values) where xv.isFinite && yv.isFinite {
      xLow = min(xLow, xv)
      xHigh = max(xHigh, xv)
      yLow = min(yLow, yv)
      yHigh = max(yHigh, yv)
    }
    xRange = xLow <= xHigh ? xLow...xHigh : nil
    yRange = yLow <= yHigh ? yLow...yHigh : nil
    xMapping = x.isTime ? .time : log.x ? .log : .linear
  }

  /// Checks that log axes are asked only of numbers above zero.
  /// - Throws: `PlotError.invalidOption` for a log time axis,
  ///   `.nonPositiveOnLogAxis` for a value at or below zero.
  static func checkLog(_ log: ChartOptions.LogAxes, x: PlotColumn, y: PlotColumn?)
    throws(PlotError)
  {
    if log.x, x.isTime {
      throw .invalidOption("log", reason: "the time axis of '\(x.name)' cannot be logarithmic")
    }
    if log.x, let bad = x.firstNonPositive() {
      throw .nonPositiveOnLogAxis(column: x.name, value: bad.value, row: bad.row)
    }
    if log.y, let y, let bad = y.firstNonPositive() {
      throw .nonPositiveOnLogAxis(column: y.name, value: bad.value, row: bad.row)
    }
  }
}
