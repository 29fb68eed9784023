/// Y against X joined by lines in X order, one line per `by` group.
///
/// One line is drawn in dots; several are told apart by glyph (and colour on a
/// terminal), the smallest group on top where lines cross.
struct LinePlot: ChartBody {
  let x: PlotColumn
  let y: PlotColumn
  /// The lines, when a `by` column was given.
  let series: SeriesSet?
  /// The rows with both values, in X order (ties in row order).
  let order: [Int]
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

    let xs = x.values
    let ys = y.values
    var order = xs.indices.filter { xs[$0].isFinite && ys[$0].isFinite }
    let sorted = zip(order, order.dropFirst()).allSatisfy { xs[$0] <= xs[$1] }
    if !sorted {
      order.sort { a, b in xs[a] != xs[b] ? xs[a] < xs[b] : a < b }
    }
    self.order = order
    skipped = xs.count - order.count
  }

  func render(_ context: RenderContext) -> [String] {
    let data = PointData(x: x, y: y, log: log)
    guard let xRange = data.xRange, let yRange = data.yRange else {
      return ["no rows to plot"] + footer()
    }
    let rows = context.height ?? 16
    let (across, down) = Canvas.resolution(context.charset)
    let frame = AxisFrame(
      context: context, rows: rows, y: yRange, mapping: log.y ? .log : .linear,
      placement: .points(dotsPerCell: down))
    let xScale = Scale.horizontal(
      data.xMapping, data: xRange, row: frame.labelRow(length: frame.columns),
      placement: .points(dotsPerCell: across))

    var canvas = Canvas(columns: frame.columns, rows: rows, charset: context.charset)
    draw(on: &canvas, xScale: xScale, yScale: frame.yScale)
    var lines = frame.compose(
      area: canvas.lines(color: context.color), x: xScale,
      xPlacement: .points(dotsPerCell: across), xCaption: x.name, yCaption: y.name)
    lines += series?.legend(context) ?? []
    return lines + footer()
  }

  /// Joins each series' consecutive points.
  /// - Complexity: O(rows + dots drawn).
  private func draw(on canvas: inout Canvas, xScale: Scale, yScale: Scale) {
    let series = self.series ?? SeriesSet(single: y.name, count: x.values.count)
    let useDots = self.series == nil
    var layer = GlyphLayer(columns: canvas.columns, rows: canvas.rows, sizes: series.sizes)
    var previous = [(x: Int, y: Int)?](repeating: nil, count: series.count)

    for row in order {
      let s = Int(series.ids[row])
      let dot = (
        x: xScale.slot(x.values[row], of: canvas.dotWidth),
        y: yScale.slot(y.values[row], of: canvas.dotHeight)
      )
      let from = previous[s] ?? dot
      previous[s] = dot
      if useDots {
        canvas.line(from.x, from.y, dot.x, dot.y)
        continue
      }
      let (across, down, rows) = (canvas.dotsAcross, canvas.dotsDown, canvas.rows)
      Canvas.walkLine(from.x, from.y, dot.x, dot.y) { dx, dy in
        layer.mark(column: dx / across, row: rows - 1 - dy / down, series: s)
      }
    }
    if !useDots { layer.draw(on: &canvas) }
  }

  private func footer() -> [String] {
    skipped == 0 ? [] : [Footer.skippedPoints(skipped, x.name, y.name)]
  }
}
