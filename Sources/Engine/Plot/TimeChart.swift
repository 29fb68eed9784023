/// Events counted per time bin: columns for one series, lines per `by` group.
///
/// Bins start on multiples of the bin width since the epoch (so hours and days begin
/// on the hour and at midnight UTC). Without `bin=` the width is the shortest step of
/// the time ladder (1ms to 1w) that gives no more bins than columns; a given width that
/// would give more is widened to a multiple that fits, and the footer says so.
struct TimeChart: ChartBody {
  let name: String
  /// The timestamps that are not null.
  let times: [Int64]
  /// The series of each timestamp in `times`, when a `by` column was given.
  let series: SeriesSet?
  let bin: Int64?
  /// Rows whose timestamp is null.
  let skipped: Int

  init(table: Table, spec: ChartSpec, options: ChartOptions) throws(PlotError) {
    name = spec.columns[0]
    let stamps = try PlotColumn.times(table, name)
    times = stamps.times
    series = try options.by.map { by throws(PlotError) in
      let column = try PlotColumn.lookUp(table, by)
      return SeriesSet(RowGroups(stamps.nulls == 0 ? column : column.gather(stamps.rows)))
    }
    bin = options.bin
    skipped = stamps.nulls
  }

  func render(_ context: RenderContext) -> [String] {
    guard let (fitted, counted, frame) = layout(context) else {
      return ["no rows to plot"] + footer(context)
    }
    let xScale = Scale.horizontal(
      .time, data: Double(fitted.start)...Double(fitted.end),
      row: frame.labelRow(length: frame.columns), placement: .edges)

    let area =
      series == nil
      ? bars(counted[0], top: frame.yScale.high, frame: frame, context)
      : lines(counted, frame: frame, context)
    var lines = frame.compose(
      area: area, x: xScale, xPlacement: .edges, xCaption: name,
      yCaption: "count per \(TimeStep.durationText(fitted.width))")
    lines += series?.legend(context) ?? []
    if let bin, fitted.width != bin {
      let note =
        "bin=\(TimeStep.durationText(bin)) widened to \(TimeStep.durationText(fitted.width))"
        + " to fit \(context.width) columns"
      lines += Footer.fitted([note], width: context.width)
    }
    return lines + footer(context)
  }

  /// The bins, their counts and the axes, such that the bins fit the plot's columns;
  /// `nil` when there are no events.
  private func layout(_ context: RenderContext) -> (TimeBins, [[Int]], AxisFrame)? {
    guard var first = times.min(), var last = times.max() else { return nil }
    if first == last, bin == nil {
      first -= 30 * Timestamp.nanosPerSecond
      last += 30 * Timestamp.nanosPerSecond
    }
    let rows = context.height ?? 10
    let placement: Scale.Placement =
      series == nil ? .edges : .points(dotsPerCell: Canvas.resolution(context.charset).down)

    let estimate = max(1, context.width - 8 - AxisFrame.rightMargin)
    let requested = TimeBins(first: first, last: last, requested: bin, columns: estimate)
    var fitted = requested.fitted(to: estimate)
    var counted = counts(in: fitted)
    var frame = self.frame(counted, rows: rows, placement: placement, context)
    for _ in 0..<3 where requested.fitted(to: frame.columns).width != fitted.width {
      fitted = requested.fitted(to: frame.columns)
      counted = counts(in: fitted)
      frame = self.frame(counted, rows: rows, placement: placement, context)
    }
    return (fitted, counted, frame)
  }

  /// The axes for `counts`: the y axis runs from 0 past the largest count.
  private func frame(
    _ counts: [[Int]], rows: Int, placement: Scale.Placement, _ context: RenderContext
  ) -> AxisFrame {
    let highest = Double(counts.joined().max() ?? 0)
    return AxisFrame(
      context: context, rows: rows, y: 0...max(highest, 1), mapping: .linear,
      placement: placement, integers: true)
  }

  /// Events per bin, one array per series.
  /// - Complexity: O(events).
  private func counts(in bins: TimeBins) -> [[Int]] {
    var counts = Array(repeating: [Int](repeating: 0, count: bins.count), count: series?.count ?? 1)
    for (i, t) in times.enumerated() {
      let s = series.map { Int($0.ids[i]) } ?? 0
      counts[s][bins.index(of: t)] += 1
    }
    return counts
  }

  private func bars(_ counts: [Int], top: Double, frame: AxisFrame, _ context: RenderContext)
    -> [String]
  {
    let heights = ColumnBars.spread(counts, over: frame.columns).map { count in
      Double(count) / top * Double(frame.rows)
    }
    return ColumnBars(rows: frame.rows, charset: context.charset).lines(heights)
  }

  /// One glyph line per series through the middle of each bin.
  private func lines(_ counts: [[Int]], frame: AxisFrame, _ context: RenderContext) -> [String] {
    let columns = frame.columns
    var canvas = Canvas(columns: columns, rows: frame.rows, charset: context.charset)
    let sizes = series?.sizes ?? [times.count]
    var layer = GlyphLayer(columns: columns, rows: frame.rows, sizes: sizes)
    let (across, down) = (canvas.dotsAcross, canvas.dotsDown)
    for (s, perBin) in counts.enumerated() {
      var previous: (Int, Int)?
      for (i, count) in perBin.enumerated() {
        let x = (2 * i + 1) * columns * across / (2 * perBin.count)
        let y = frame.yScale.slot(Double(count), of: canvas.dotHeight)
        let from = previous ?? (x, y)
        Canvas.walkLine(from.0, from.1, x, y) { dx, dy in
          layer.mark(column: dx / across, row: frame.rows - 1 - dy / down, series: s)
        }
        previous = (x, y)
      }
    }
    layer.draw(on: &canvas)
    return canvas.lines(color: context.color)
  }

  private func footer(_ context: RenderContext) -> [String] {
    let notes = skipped == 0 ? [] : [Footer.skipped(skipped, name)]
    return Footer.fitted(notes, width: context.width)
  }
}
