extension Expression {
  /// The expression written out again, to name a computed column or an operand in
  /// messages. Durations show as the nanoseconds they stand for.
  public var text: String {
    switch self {
    case .column(let name):
      let plain =
        name.first.map { $0.isLetter || $0 == "_" } == true
        && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
      return plain ? name : "`\(name)`"
    case .literal(.string(let text)):
      return "\"\(text)\""
    case .literal(let value):
      return ValueFormatter.plain(value)
    case .not(let operand):
      return "not \(operand.operandText)"
    case .negate(let operand):
      return "-\(operand.operandText)"
    case .binary(let op, let left, let right):
      return "\(left.operandText) \(op.rawValue) \(right.operandText)"
    case .inList(let operand, let list, let negated):
      let items = list.map(\.text).joined(separator: ", ")
      return "\(operand.operandText) \(negated ? "!in" : "in") (\(items))"
    case .call(let name, let arguments):
      return "\(name)(\(arguments.map(\.text).joined(separator: ", ")))"
    }
  }

  /// `text`, in parentheses when it is an operation of its own.
  private var operandText: String {
    switch self {
    case .binary, .inList, .not: return "(\(text))"
    default: return text
    }
  }

  /// The first column or function name the expression holds, by which a message can
  /// point at where it was written.
  public var anchor: String? {
    switch self {
    case .column(let name): return name
    case .literal: return nil
    case .not(let operand), .negate(let operand): return operand.anchor
    case .binary(_, let left, let right): return left.anchor ?? right.anchor
    case .inList(let operand, let list, _):
      return operand.anchor ?? list.lazy.compactMap(\.anchor).first
    case .call(let name, let arguments):
      return arguments.lazy.compactMap(\.anchor).first ?? name
    }
  }
}
