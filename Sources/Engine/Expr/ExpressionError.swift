/// Why an expression cannot be typed or evaluated.
public enum ExpressionError: Error, Equatable, Sendable {
  case column(ColumnError)
  /// An operator got operands it cannot combine; `left` and `right` describe them, and
  /// `anchor` is a name in them by which to point at the place.
  case operandTypes(op: String, left: String, right: String, anchor: String? = nil)
  /// An operand or argument has the wrong type; `expected` says which would do.
  case wrongType(what: String, found: String, expected: String, anchor: String? = nil)
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
    case .operandTypes(let op, let left, let right, _):
      if BinaryOperator(rawValue: op)?.isComparison == true {
        return "'\(op)' cannot compare \(left) with \(right); compare like with like, or"
          + " convert one side with toint(), todouble(), tostring() or datetime()"
      }
      return "'\(op)' cannot combine \(left) and \(right)"
    case .wrongType(let what, let found, let expected, _):
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
