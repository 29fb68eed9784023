/// Points at (x, y); a `color` column gives each group its own glyph, a `label` column
/// names the rarest points.
struct ScatterPlot: ChartBody {
  let x: PlotColumn
  let y: PlotColumn
  /// The glyph groups, when a `color` column was given.
  let series: SeriesSet?
  /// The column whose values label points, when given.
  let labels: Column?
  let log: ChartOptions.LogAxes
  /// Rows with x or y null or not finite.
  let skipped: Int

  init(table: Table, spec: ChartSpec, options: ChartOptions) throws(PlotError) {
    x = try PlotColumn(table, spec.columns[0], allowTime: true)
    y = try PlotColumn(table, spec.columns[1], allowTime: false)
    log = options.log
    try PointData.checkLog(log, x: x, y: y)
    series = try options.color.map { name throws(PlotError) in
      SeriesSet(RowGroups(try PlotColumn.lookUp(table, name)))
    }
    labels = try options.label.map { name throws(PlotError) in
      try PlotColumn.lookUp(table, name)
    }
    skipped = zip(x.values, y.values).reduce(0) { $0 + ($1.0.isFinite && $1.1.isFinite ? 0 : 1) }
  }

  func render(_ context: RenderContext) -> [String] {
    guard var layout = PointFrame(x: x, y: y, log: log, context: context) else {
      return ["no rows to plot"] + footer(context)
    }
    let labeler = plot(
      on: &layout.canvas, xScale: layout.xScale, yScale: layout.frame.yScale)
    var footnotes: [String] = []
    if let labels {
      footnotes = labeler.place(
        on: &layout.canvas, limit: max(3, layout.rows / 2), context: context
      ) { row in
        labels.isNull(row) ? nil : DisplayWidth.printable(ValueFormatter.plain(labels[row]))
      }
    }

    var lines = layout.compose(context, xCaption: x.name, yCaption: y.name)
    lines += series?.legend(context) ?? []
    lines += Footer.wrap(footnotes, width: context.width)
    return lines + footer(context)
  }

  /// Draws every point: as dots when there is one group and the charset has dots to
  /// spare, else as its group's glyph. Returns the per-cell counts for labelling.
  private func plot(on canvas: inout Canvas, xScale: Scale, yScale: Scale) -> PointLabeler {
    let series = self.series ?? SeriesSet(single: y.name, count: x.values.count)
    let useDots = self.series == nil && canvas.charset != .ascii
    var layer = GlyphLayer(columns: canvas.columns, rows: canvas.rows, sizes: series.sizes)
    var counts = [Int](repeating: 0, count: canvas.columns * canvas.rows)
    var firstRows = [Int](repeating: -1, count: counts.count)

    for row in x.values.indices {
      let xv = x.values[row]
      let yv = y.values[row]
      guard xv.isFinite, yv.isFinite else { continue }
      let dx = xScale.slot(xv, of: canvas.dotWidth)
      let dy = yScale.slot(yv, of: canvas.dotHeight)
      let column = dx / canvas.dotsAcross
      let cellRow = canvas.rows - 1 - dy / canvas.dotsDown
      if useDots {
        canvas.dot(dx, dy)
      } else {
        layer.mark(column: column, row: cellRow, series: Int(series.ids[row]))
      }
      let cell = cellRow * canvas.columns + column
      counts[cell] += 1
      if firstRows[cell] < 0 { firstRows[cell] = row }
    }
    if !useDots { layer.draw(on: &canvas) }
    return PointLabeler(
      counts: counts, firstRows: firstRows, columns: canvas.columns, rows: canvas.rows)
  }

  private func footer(_ context: RenderContext) -> [String] {
    let notes = skipped == 0 ? [] : [Footer.skippedPoints(skipped, x.name, y.name)]
    return Footer.fitted(notes, width: context.width)
  }
}
