import Foundation

/// The meaning of each binary operator on single values; the reference the fast
/// column kernels must agree with.
enum BinaryOperations {
  static func apply(
    _ op: BinaryOperator, _ a: Value, _ b: Value, regexes: inout RegexCache
  ) throws(ExpressionError) -> Value {
    if op == .and || op == .or { return logic(op, a, b) }
    if a.isNull || b.isNull { return .null }
    switch op {
    case _ where op.isArithmetic: return arithmetic(op, a, b)
    case _ where op.isComparison: return compare(a, b).map { .bool(op.holds(for: $0)) } ?? .null
    case .matches:
      guard let s = a.stringValue, let pattern = b.stringValue else { return .null }
      let regex = try regexes.regex(pattern)
      return .bool(regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil)
    default:
      guard let s = a.stringValue, let t = b.stringValue else { return .null }
      return .bool(StringTests.test(op, Array(s.utf8), Array(t.utf8)))
    }
  }

  /// Three-valued logic: `false and null` is false, `true or null` is true.
  static func logic(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Value {
    let x: Bool? = if case .bool(let v) = a { v } else { nil }
    let y: Bool? = if case .bool(let v) = b { v } else { nil }
    if op == .and {
      if x == false || y == false { return .bool(false) }
      return x == true && y == true ? .bool(true) : .null
    }
    if x == true || y == true { return .bool(true) }
    return x == false && y == false ? .bool(false) : .null
  }

  static func arithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Value {
    switch (a, b) {
    // Times past what 64-bit nanoseconds hold (about 1677 to 2262) are null.
    case (.timestamp(let t), .int(let d)):
      let (time, overflow) =
        op == .add ? t.addingReportingOverflow(d) : t.subtractingReportingOverflow(d)
      return overflow ? .null : .timestamp(time)
    case (.int(let d), .timestamp(let t)):
      let (time, overflow) = t.addingReportingOverflow(d)
      return overflow ? .null : .timestamp(time)
    case (.timestamp(let t), .timestamp(let u)):
      let (span, overflow) = t.subtractingReportingOverflow(u)
      return overflow ? .null : .int(span)
    case (.string(let s), .string(let t)):
      return .string(s + t)
    default:
      break
    }
    if op != .divide, let x = integer(a), let y = integer(b) {
      let (result, overflow): (Int64, Bool)
      switch op {
      case .add: (result, overflow) = x.addingReportingOverflow(y)
      case .subtract: (result, overflow) = x.subtractingReportingOverflow(y)
      case .multiply: (result, overflow) = x.multipliedReportingOverflow(by: y)
      default:
        guard y != 0 else { return .null }
        (result, overflow) = x.remainderReportingOverflow(dividingBy: y)
      }
      return overflow ? .null : .int(result)
    }
    guard let x = a.doubleValue, let y = b.doubleValue else { return .null }
    return float(op, x, y)
  }

  @inline(__always)
  static func float(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Value {
    switch op {
    case .add: return .float(x + y)
    case .subtract: return .float(x - y)
    case .multiply: return .float(x * y)
    case .divide: return y == 0 ? .null : .float(x / y)
    default: return y == 0 ? .null : .float(x.truncatingRemainder(dividingBy: y))
    }
  }

  private static func integer(_ v: Value) -> Int64? {
    switch v {
    case .int(let x): return x
    case .bool(let x): return x ? 1 : 0
    default: return nil
    }
  }

  /// -1, 0 or 1; nil when the values cannot be ordered against each other.
  static func compare(_ a: Value, _ b: Value) -> Int? {
    switch (a, b) {
    case (.int(let x), .int(let y)), (.timestamp(let x), .timestamp(let y)):
      return x < y ? -1 : (x > y ? 1 : 0)
    case (.string(let x), .string(let y)):
      return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : (x == y ? 0 : 1)
    default:
      guard let x = a.doubleValue, let y = b.doubleValue,
        a.type != .timestamp, b.type != .timestamp
      else { return nil }
      return x < y ? -1 : (x > y ? 1 : 0)
    }
  }
}

extension BinaryOperator {
  /// Whether a comparison holds for the ordering `order` (-1, 0, 1).
  @inline(__always)
  func holds(for order: Int) -> Bool {
    switch self {
    case .equal: return order == 0
    case .notEqual: return order != 0
    case .less: return order < 0
    case .lessOrEqual: return order <= 0
    case .greater: return order > 0
    case .greaterOrEqual: return order >= 0
    default: return false
    }
  }
}
