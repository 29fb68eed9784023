/// A string-feature function was given an argument it cannot work with.
public enum FeatureError: Error, Equatable, Sendable {
  /// `ord_score` was asked to divide by a scale of zero.
  case zeroScale
  /// `token_count` was given an empty separator.
  case emptySeparator
  /// A delimiter pattern could not be read; `reason` says what is wrong.
  case badDelimiterPattern(String, reason: String)
}

extension FeatureError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .zeroScale:
      return "the scale of ord_score must not be 0"
    case .emptySeparator:
      return "the separator of token_count must not be empty"
    case .badDelimiterPattern(let pattern, let reason):
      return "cannot read the delimiter pattern '\(pattern)': \(reason)"
    }
  }
}
