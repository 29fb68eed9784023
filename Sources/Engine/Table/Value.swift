/// One cell's value, used at the edges: literals, aggregates, display and tests.
///
/// Hot loops work on the column storage directly; `Value` is for single cells.
public enum Value: Hashable, Sendable {
  case null
  case int(Int64)
  case float(Double)
  case bool(Bool)
  case string(String)
  /// Nanoseconds since 1970-01-01T00:00:00Z.
  case timestamp(Int64)

  /// The column type this value belongs to, or `nil` for `null`.
  public var type: ColumnType? {
    switch self {
    case .null: return nil
    case .int: return .int
    case .float: return .float
    case .bool: return .bool
    case .string: return .string
    case .timestamp: return .timestamp
    }
  }

  /// Whether this is `null`.
  public var isNull: Bool { self == .null }

  /// The value as a Double where it is numeric (booleans as 0 and 1).
  public var doubleValue: Double? {
    switch self {
    case .int(let v): return Double(v)
    case .float(let v): return v
    case .bool(let v): return v ? 1 : 0
    default: return nil
    }
  }
}
