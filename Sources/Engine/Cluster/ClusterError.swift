/// Why `cluster` cannot run on the given table and options.
public enum ClusterError: Error, Equatable, Sendable {
  /// A named column is missing or has the wrong type (e.g. a time column that is
  /// not a timestamp).
  case column(ColumnError)
  /// No cluster columns were given.
  case noColumns
  /// A cluster column holds values that are not numbers or booleans.
  case notNumeric(String, found: ColumnType)
  /// A cluster column has null values, `count` of them.
  case nullValues(String, count: Int)
  /// A cluster column has NaN or infinite values, `count` of them.
  case nonFiniteValues(String, count: Int)
  /// The radius is not a positive finite number.
  case invalidEps(Double)
  /// The minimum number of samples is below 1.
  case invalidMinSamples(Int)
  /// The clustering was asked to stop (Ctrl-C) before it finished.
  case cancelled
}

extension ClusterError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .column(let error):
      return error.description
    case .noColumns:
      return "cluster needs at least one column to cluster on"
    case .notNumeric(let name, let found):
      return "cannot cluster on column '\(name)': it is \(found), but cluster columns must be "
        + "numbers or booleans; derive a number from it first, e.g. "
        + "extend \(name)Num = ord_score(\(name))"
    case .nullValues(let name, let count):
      return "cluster column '\(name)' has \(count) null \(count == 1 ? "value" : "values"); "
        + "filter them with `where isnotnull(\(name))` or fill them with "
        + "`extend \(name) = coalesce(\(name), 0)`"
    case .nonFiniteValues(let name, let count):
      return "cluster column '\(name)' has \(count) NaN or infinite "
        + "\(count == 1 ? "value" : "values"); filter them out before clustering"
    case .invalidEps(let eps):
      return "eps must be a number greater than 0, not \(eps)"
    case .invalidMinSamples(let min):
      return "min must be at least 1, not \(min)"
    case .cancelled:
      return "the clustering was cancelled before it finished"
    }
  }
}
