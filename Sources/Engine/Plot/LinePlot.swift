/// Y against X joined by lines in X order, one line per `by` group.
///
/// One line is drawn in dots; several are told apart by glyph (and colour on a
/// terminal), the smallest group on top where lines cross. Past 8 groups the smaller
/// ones share an `other` glyph and are drawn as points, since joining points of
/// different groups would draw a line that is not in the data. The rows need not be sorted:
/// each dot column keeps the lowest and highest y that falls in it and the y of its
/// first and last x, and neighbouring columns are joined, which draws what joining the
/// sorted points would, in one pass.
struct LinePlot: ChartBody {
  let x: PlotColumn
  let y: PlotColumn
  /// The lines, when a `by` column was given.
  let series: SeriesSet?
  let log: ChartOptions.LogAxes
  /// Rows with x or y null or not finite.
  let skipped: Int

  init(table: Table, spec: ChartSpec, options: ChartOptions) throws(PlotError) {
    x = try PlotColumn(table, spec.columns[0], allowTime: true)
    y = try PlotColumn(table, spec.columns[1], allowTime: false)
    log = options.log
    try PointData.checkLog(log, x: x, y: y)
    series = try options.by.map { name throws(PlotError) in
      SeriesSet(RowGroups(try PlotColumn.lookUp(table, name)))
    }
    skipped = zip(x.values, y.values).reduce(0) { $0 + ($1.0.isFinite && $1.1.isFinite ? 0 : 1) }
  }

  func render(_ context: RenderContext) -> [String] {
    guard var layout = PointFrame(x: x, y: y, log: log, context: context) else {
      return ["no rows to plot"] + footer(context)
    }
    draw(on: &layout.canvas, xScale: layout.xScale, yScale: layout.frame.yScale)
    var lines = layout.compose(context, xCaption: x.name, yCaption: y.name)
    lines += series?.legend(context) ?? []
    return lines + footer(context)
  }

  /// Joins each series' points in x order.
  /// - Complexity: O(rows + dots drawn).
  private func draw(on canvas: inout Canvas, xScale: Scale, yScale: Scale) {
    let series = self.series ?? SeriesSet(single: y.name, count: x.values.count)
    let folded = series.isFolded ? series.count - 1 : -1
    let (across, down, rows) = (canvas.dotsAcross, canvas.dotsDown, canvas.rows)
    var layer = GlyphLayer(columns: canvas.columns, rows: rows, sizes: series.sizes)
    var spans = Array(
      repeating: [ColumnSpan](repeating: ColumnSpan(), count: canvas.dotWidth),
      count: series.count)
    for row in x.values.indices where x.values[row].isFinite && y.values[row].isFinite {
      let s = Int(series.ids[row])
      let dx = xScale.slot(x.values[row], of: canvas.dotWidth)
      let dy = yScale.slot(y.values[row], of: canvas.dotHeight)
      if s == folded {
        layer.mark(column: dx / across, row: rows - 1 - dy / down, series: s)
      } else {
        spans[s][dx].add(x: x.values[row], y: dy)
      }
    }

    for (s, columns) in spans.enumerated() {
      var previous: (x: Int, y: Int)?
      for (dx, span) in columns.enumerated() where !span.isEmpty {
        var segments = [(dx, span.low, dx, span.high)]
        if let previous { segments.append((previous.x, previous.y, dx, span.firstY)) }
        previous = (dx, span.lastY)
        for (x0, y0, x1, y1) in segments {
          if self.series == nil {
            canvas.line(x0, y0, x1, y1)
          } else {
            Canvas.walkLine(x0, y0, x1, y1) { px, py in
              layer.mark(column: px / across, row: rows - 1 - py / down, series: s)
            }
          }
        }
      }
    }
    if self.series != nil { layer.draw(on: &canvas) }
  }

  private func footer(_ context: RenderContext) -> [String] {
    let notes = skipped == 0 ? [] : [Footer.skippedPoints(skipped, x.name, y.name)]
    return Footer.fitted(notes, width: context.width)
  }
}

/// What the points of one series that fall in one dot column need to be joined.
private struct ColumnSpan {
  var low = Int.max
  var high = Int.min
  /// The dot row of the point with the smallest x (the first such row on ties).
  var firstY = 0
  /// The dot row of the point with the largest x (the last such row on ties).
  var lastY = 0
  private var firstX = Double.infinity
  private var lastX = -Double.infinity

  var isEmpty: Bool { low > high }

  mutating func add(x: Double, y: Int) {
    low = min(low, y)
    high = max(high, y)
    if x < firstX {
      firstX = x
      firstY = y
    }
    if x >= lastX {
      lastX = x
      lastY = y
    }
  }
}
