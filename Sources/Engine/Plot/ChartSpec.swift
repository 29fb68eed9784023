/// The kinds of chart `plot` draws.
public enum ChartKind: String, Sendable, CaseIterable {
  case bar, hist, box, scatter, line, timechart, timeline
}

/// What the `plot` verb asked for: a kind, its column arguments and its named options.
public struct ChartSpec: Sendable {
  public var kind: ChartKind
  /// Positional column names, e.g. `[label, value]` for a bar chart.
  public var columns: [String]
  /// The `by` column of `plot box COL by CAT`, where given.
  public var by: String?
  /// Named options: `title`, `width`, `charset`, `bins`, `label`, `color`, `log`, `bin`...
  public var options: [String: Value]

  public init(
    kind: ChartKind, columns: [String], by: String? = nil, options: [String: Value] = [:]
  ) {
    self.kind = kind
    self.columns = columns
    self.by = by
    self.options = options
  }
}
