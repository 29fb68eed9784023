/// What the `plot` verb asked for: a kind, its column arguments and its named options.
public struct ChartSpec: Sendable {
  /// Which chart to draw.
  public var kind: ChartKind
  /// Positional column names, e.g. `[label, value]` for a bar chart.
  public var columns: [String]
  /// The `by` column of `plot box COL by CAT`, where given.
  public var by: String?
  /// Named options: `title`, `width`, `charset`, `bins`, `label`, `color`, `log`, `bin`...
  public var options: [String: Value]

  /// A spec as the `plot` verb gives it; `Chart(spec:table:)` checks it.
  public init(
    kind: ChartKind, columns: [String], by: String? = nil, options: [String: Value] = [:]
  ) {
    self.kind = kind
    self.columns = columns
    self.by = by
    self.options = options
  }
}
