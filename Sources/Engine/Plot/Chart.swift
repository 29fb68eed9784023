/// A chart ready to draw: the data it needs, taken from a table, and its spec.
///
/// Building checks the columns and options and does the counting, summing and binning
/// that does not depend on the width; rendering lays the result out and is pure: the
/// same chart and style always give the same lines.
public struct Chart: Sendable {
  /// What was asked for.
  public let spec: ChartSpec
  let options: ChartOptions
  let body: any ChartBody

  /// Checks the spec against `table` and keeps what the chart needs.
  /// - Throws: `PlotError` naming the column or option at fault.
  /// - Complexity: O(rows), or O(rows log rows) for box plots.
  public init(spec: ChartSpec, table: Table) throws(PlotError) {
    guard spec.kind.columnArity.contains(spec.columns.count) else {
      throw .columnCount(spec.kind, found: spec.columns.count)
    }
    let options = try ChartOptions(spec: spec)
    for name in spec.columns + [options.by, options.label, options.color].compactMap({ $0 }) {
      _ = try PlotColumn.lookUp(table, name)
    }

    self.spec = spec
    self.options = options
    switch spec.kind {
    case .bar: body = try BarChart(table: table, spec: spec, options: options)
    case .hist: body = try Histogram(table: table, spec: spec, options: options)
    case .box: body = try BoxPlot(table: table, spec: spec, options: options)
    case .scatter: body = try ScatterPlot(table: table, spec: spec, options: options)
    case .line: body = try LinePlot(table: table, spec: spec, options: options)
    case .timechart: body = try TimeChart(table: table, spec: spec, options: options)
    case .timeline: body = try Timeline(table: table, spec: spec, options: options)
    }
  }

  /// The chart as lines of text, each at most `style.width` display columns wide.
  ///
  /// The spec's `width` and `charset` options, where given, take precedence over the
  /// style's. Lines carry no trailing spaces.
  public func render(_ style: RenderStyle) -> [String] {
    let context = context(for: style)
    return lines(context).map { line in
      DisplayWidth.of(line) <= context.width
        ? line : DisplayWidth.truncated(line, to: context.width, ellipsis: "")
    }
  }

  /// The lines as laid out, before the final guard on their width; tests use this to
  /// check that the layout itself keeps to the width.
  func lines(_ context: RenderContext) -> [String] {
    guard context.width >= RenderContext.narrowest else {
      return [DisplayWidth.truncated("(too narrow for a chart)", to: context.width)]
    }
    var lines: [String] = []
    if let title = options.title {
      let title = DisplayWidth.printable(title)
      lines.append(DisplayWidth.truncated(title, to: context.width, ellipsis: context.ellipsis))
    }
    lines += body.render(context)
    return lines.map(RenderContext.trimmed)
  }

  /// The style with the spec's own `width` and `charset` applied.
  func context(for style: RenderStyle) -> RenderContext {
    RenderContext(
      width: options.width ?? style.width, charset: options.charset ?? style.charset,
      color: style.color, height: options.height)
  }
}
