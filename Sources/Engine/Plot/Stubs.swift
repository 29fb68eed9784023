struct Histogram: ChartBody {
  init(table: Table, spec: ChartSpec, options: ChartOptions) throws(PlotError) {}
  func render(_ context: RenderContext) -> [String] { [] }
}
struct BoxPlot: ChartBody {
  init(table: Table, spec: ChartSpec, options: ChartOptions) throws(PlotError) {}
  func render(_ context: RenderContext) -> [String] { [] }
}
struct ScatterPlot: ChartBody {
  init(table: Table, spec: ChartSpec, options: ChartOptions) throws(PlotError) {}
  func render(_ context: RenderContext) -> [String] { [] }
}
struct LinePlot: ChartBody {
  init(table: Table, spec: ChartSpec, options: ChartOptions) throws(PlotError) {}
  func render(_ context: RenderContext) -> [String] { [] }
}
struct TimeChart: ChartBody {
  init(table: Table, spec: ChartSpec, options: ChartOptions) throws(PlotError) {}
  func render(_ context: RenderContext) -> [String] { [] }
}
struct Timeline: ChartBody {
  init(table: Table, spec: ChartSpec, options: ChartOptions) throws(PlotError) {}
  func render(_ context: RenderContext) -> [String] { [] }
}
