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

/// The axes and the empty drawing area of an x–y chart (line and scatter), laid out
/// for the data's ranges.
struct PointFrame {
  let frame: AxisFrame
  let xScale: Scale
  let dotsAcross: Int
  let rows: Int
  var canvas: Canvas

  /// The layout for `x` against `y`, or nil when no point is finite.
  init?(x: PlotColumn, y: PlotColumn, log: ChartOptions.LogAxes, context: RenderContext) {
    let data = PointData(x: x, y: y, log: log)
    guard let xRange = data.xRange, let yRange = data.yRange else { return nil }
    rows = context.height ?? 16
    let (across, down) = Canvas.resolution(context.charset)
    dotsAcross = across
    frame = AxisFrame(
      context: context, rows: rows, y: yRange, mapping: log.y ? .log : .linear,
      placement: .points(dotsPerCell: down))
    xScale = Scale.horizontal(
      data.xMapping, data: xRange, row: frame.labelRow(length: frame.columns),
      placement: .points(dotsPerCell: across))
    canvas = Canvas(columns: frame.columns, rows: rows, charset: context.charset)
  }

  /// The chart's lines: the drawn area inside its axes, with the axis captions.
  func compose(_ context: RenderContext, xCaption: String, yCaption: String) -> [String] {
    frame.compose(
      area: canvas.lines(color: context.color), x: xScale,
      xPlacement: .points(dotsPerCell: dotsAcross), xCaption: xCaption, yCaption: yCaption)
  }
}
