/// The kinds of chart `plot` draws.
public enum ChartKind: String, Sendable, CaseIterable {
  /// Horizontal bars per label: row counts, or sums of a value column.
  case bar
  /// Counts of a numeric column in equal bins.
  case hist
  /// Box and whiskers of a numeric column per category.
  case box
  /// Points at (x, y), optionally coloured and labelled by columns.
  case scatter
  /// Y against X joined in X order, one line per group.
  case line
  /// Event counts per time bin.
  case timechart
  /// Events as marks on a time axis, one lane per group.
  case timeline
}

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
