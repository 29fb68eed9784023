/// The part of a chart that differs by kind: prepared data that can lay itself out.
protocol ChartBody: Sendable {
  /// The chart below its title.
  func render(_ context: RenderContext) -> [String]
}
