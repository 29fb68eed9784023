/// The kinds of values a column can hold.
public enum ColumnType: String, Sendable, CaseIterable {
  case int
  case float
  case bool
  case string
  case timestamp

  /// Whether values of this type can be used as numbers (booleans count as 0 and 1).
  public var isNumeric: Bool {
    switch self {
    case .int, .float, .bool: return true
    case .string, .timestamp: return false
    }
  }
}
