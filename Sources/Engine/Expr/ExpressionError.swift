/// Why an expression cannot be typed or evaluated.
public enum ExpressionError: Error, Equatable, Sendable {
  case column(ColumnError)
  /// An operator got operands it cannot combine.
  case operandTypes(op: String, left: String, right: String)
  /// An operand or argument has the wrong type; `expected` says which would do.
  case wrongType(what: String, found: String, expected: String)
  case unknownFunction(String, suggestions: [String])
  case argumentCount(function: String, expected: String, found: Int)
  case invalidRegex(String, reason: String)
  case invalidArgument(function: String, reason: String)
  /// The evaluation was asked to stop (Ctrl-C) before it finished.
  case cancelled
}

extension ExpressionError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .column(let error):
      return error.description
    case .operandTypes(let op, let left, let right):
      return "'\(op)' cannot combine \(left) and \(right)"
    case .wrongType(let what, let found, let expected):
      return "\(what) is \(found), but \(expected) is expected"
    case .unknownFunction(let name, let suggestions):
      return "unknown function '\(name)'" + NameSuggester.didYouMean(suggestions)
    case .argumentCount(let function, let expected, let found):
      return "\(function)() takes \(expected), but got \(found)"
    case .invalidRegex(let pattern, let reason):
      return "invalid regular expression \"\(pattern)\": \(reason)"
    case .invalidArgument(let function, let reason):
      return "\(function)(): \(reason)"
    case .cancelled:
      return "the evaluation was cancelled before it finished"
    }
  }
}
