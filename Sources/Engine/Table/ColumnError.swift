/// A column that is missing or of the wrong kind for what was asked of it.
public enum ColumnError: Error, Equatable, Sendable {
  /// No column of that name; `suggestions` are the closest existing names.
  case unknown(String, suggestions: [String])
  /// The column exists but its type does not fit; `expected` says what would.
  case wrongType(String, found: ColumnType, expected: String)
}

extension ColumnError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .unknown(let name, let suggestions):
      return "unknown column '\(name)'" + NameSuggester.didYouMean(suggestions)
    case .wrongType(let name, let found, let expected):
      return "column '\(name)' is \(found), but \(expected) is needed"
    }
  }
}
