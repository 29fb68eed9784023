/// An expression over the columns of one row, evaluated a whole column at a time.
public indirect enum Expression: Sendable, Equatable {
  case column(String)
  case literal(Value)
  case not(Expression)
  case negate(Expression)
  case binary(BinaryOperator, Expression, Expression)
  /// `x in (a, b)`, or `x !in (a, b)` when `negated`.
  case inList(Expression, [Expression], negated: Bool)
  case call(String, [Expression])

  /// Every column name the expression reads, in order of appearance.
  public var columnNames: [String] {
    switch self {
    case .column(let name): return [name]
    case .literal: return []
    case .not(let e), .negate(let e): return e.columnNames
    case .binary(_, let a, let b): return a.columnNames + b.columnNames
    case .inList(let e, let list, _): return e.columnNames + list.flatMap(\.columnNames)
    case .call(_, let args): return args.flatMap(\.columnNames)
    }
  }
}

/// Operators between two expressions.
public enum BinaryOperator: String, Sendable, CaseIterable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case modulo = "%"
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case equalIgnoringCase = "=~"
  case and
  case or
  case contains
  case notContains = "!contains"
  case startsWith = "startswith"
  case endsWith = "endswith"
  case matches

  var isArithmetic: Bool {
    switch self {
    case .add, .subtract, .multiply, .divide, .modulo: return true
    default: return false
    }
  }

  var isComparison: Bool {
    switch self {
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
    default: return false
    }
  }

  var isStringTest: Bool {
    switch self {
    case .contains, .notContains, .startsWith, .endsWith, .matches, .equalIgnoringCase:
      return true
    default: return false
    }
  }
}
