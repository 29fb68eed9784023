/// What `Clusterer.cluster` clusters on and what it returns.
public struct ClusterOptions: Sendable, Equatable {
  /// Which rows `Clusterer.cluster` returns.
  public enum Keep: String, Sendable, CaseIterable {
    /// One row per cluster (its first member) plus every noise row.
    case exemplars
    /// Every input row, labelled with its cluster.
    case all
  }

  /// The time column used when none is named, if the table has it as a timestamp.
  public static let defaultTimeColumn = "TimeGenerated"

  /// The numeric (or boolean) columns that make up each row's point.
  public var columns: [String]
  /// The neighbourhood radius; points at exactly this distance are neighbours.
  public var eps: Double
  /// How many points (the point itself included) make a neighbourhood dense.
  public var minSamples: Int
  /// Whether each row's point is scaled to unit length first, as msticpy does.
  public var normalize: Bool
  /// The column whose first and last values each cluster reports; `nil` means
  /// `TimeGenerated` when the table has it as a timestamp column, else none.
  public var timeColumn: String?
  /// Which rows the result holds.
  public var keep: Keep

  /// Options with msticpy's defaults: radius 0.01, 2 samples, normalised rows.
  public init(
    columns: [String], eps: Double = 0.01, minSamples: Int = 2, normalize: Bool = true,
    timeColumn: String? = nil, keep: Keep = .exemplars
  ) {
    self.columns = columns
    self.eps = eps
    self.minSamples = minSamples
    self.normalize = normalize
    self.timeColumn = timeColumn
    self.keep = keep
  }
}
