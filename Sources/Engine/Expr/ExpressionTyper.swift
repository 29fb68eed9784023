/// Works out the type an expression yields over a schema, without touching any rows.
///
/// The DSL uses it to reject a pipeline before running it. A result of `nil` means
/// the type is not known (the `null` literal, or a column of unknown type), which
/// fits any type.
public enum ExpressionTyper {
  /// The result type of `expression` over columns of the given types.
  /// - Throws: `ExpressionError` for unknown columns or functions and mismatched types.
  public static func type(
    of expression: Expression, in schema: [String: ColumnType?]
  ) throws(ExpressionError) -> ColumnType? {
    switch expression {
    case .column(let name):
      guard let type = schema[name] else {
        let names = Array(schema.keys).sorted()
        throw .column(.unknown(name, suggestions: NameSuggester.closest(to: name, among: names)))
      }
      return type

    case .literal(let value):
      return value.type

    case .not(let operand):
      try expect(try type(of: operand, in: schema), [.bool], "the operand of 'not'", operand)
      return .bool

    case .negate(let operand):
      let t = try type(of: operand, in: schema)
      try expect(t, [.int, .float], "the operand of '-'", operand)
      return t

    case .binary(let op, let left, let right):
      let types = (left: try type(of: left, in: schema), right: try type(of: right, in: schema))
      do {
        return try binaryType(op, types.left, types.right)
      } catch {
        throw describing(error, left: (left, types.left), right: (right, types.right))
      }

    case .inList(let operand, let list, _):
      _ = try type(of: operand, in: schema)
      for item in list { _ = try type(of: item, in: schema) }
      return .bool

    case .call(let name, let arguments):
      let function = try FunctionLibrary.function(named: name)
      var types: [ColumnType?] = []
      for argument in arguments { types.append(try type(of: argument, in: schema)) }
      do {
        return try function.resultType(types)
      } catch {
        // The typing rules name an argument by its place: "argument 2".
        let words = error.description.split(separator: " ")
        guard case .wrongType(_, let found, let expected, _) = error, words.first == "argument",
          words.count > 1, let position = Int(words[1]), arguments.indices.contains(position - 1)
        else { throw error }
        let argument = arguments[position - 1]
        throw .wrongType(
          what: "argument \(position) of \(name)() (\(argument.text))", found: found,
          expected: expected, anchor: argument.anchor)
      }
    }
  }

  /// A type error of a binary operation, with its operands written out and a name to
  /// point at.
  private static func describing(
    _ error: ExpressionError, left: (Expression, ColumnType?), right: (Expression, ColumnType?)
  ) -> ExpressionError {
    let operand = { (side: (Expression, ColumnType?)) in
      "\(side.0.text) (\(side.1?.rawValue ?? "null"))"
    }
    switch error {
    case .operandTypes(let op, _, _, _):
      return .operandTypes(
        op: op, left: operand(left), right: operand(right), anchor: left.0.anchor ?? right.0.anchor)
    case .wrongType(let what, let found, let expected, nil):
      let side = what.hasPrefix("the right") ? right.0 : left.0
      return .wrongType(
        what: "\(what) (\(side.text))", found: found, expected: expected, anchor: side.anchor)
    default:
      return error
    }
  }

  static func binaryType(
    _ op: BinaryOperator, _ left: ColumnType?, _ right: ColumnType?
  ) throws(ExpressionError) -> ColumnType? {
    let mismatch = ExpressionError.operandTypes(
      op: op.rawValue, left: left?.rawValue ?? "null", right: right?.rawValue ?? "null")
    switch op {
    case .and, .or:
      try expect(left, [.bool], "the left side of '\(op.rawValue)'")
      try expect(right, [.bool], "the right side of '\(op.rawValue)'")
      return .bool

    case _ where op.isStringTest:
      try expect(left, [.string], "the left side of '\(op.rawValue)'")
      try expect(right, [.string], "the right side of '\(op.rawValue)'")
      return .bool

    case _ where op.isComparison:
      guard let left, let right else { return .bool }
      let numeric: Set<ColumnType> = [.int, .float, .bool]
      if left == right || (numeric.contains(left) && numeric.contains(right)) { return .bool }
      throw mismatch

    default:
      return try arithmeticType(op, left, right, mismatch: mismatch)
    }
  }

  private static func arithmeticType(
    _ op: BinaryOperator, _ left: ColumnType?, _ right: ColumnType?,
    mismatch: ExpressionError
  ) throws(ExpressionError) -> ColumnType? {
    guard let left, let right else { return left ?? right }
    switch (left, right) {
    case (.int, .int), (.int, .bool), (.bool, .int), (.bool, .bool):
      return op == .divide ? .float : .int
    case (.float, .int), (.int, .float), (.float, .float), (.float, .bool), (.bool, .float):
      return .float
    case (.timestamp, .int) where op == .add || op == .subtract:
      return .timestamp
    case (.int, .timestamp) where op == .add:
      return .timestamp
    case (.timestamp, .timestamp) where op == .subtract:
      return .int
    case (.string, .string) where op == .add:
      return .string
    default:
      throw mismatch
    }
  }

  /// Throws unless `type` is one of `allowed` (or unknown, which fits anything).
  /// - Parameters:
  ///   - what: names the operand in the message, e.g. "the condition".
  ///   - operand: the expression that has the type, written out in the message.
  public static func expect(
    _ type: ColumnType?, _ allowed: [ColumnType], _ what: String, _ operand: Expression? = nil
  ) throws(ExpressionError) {
    guard let type, !allowed.contains(type) else { return }
    let words = allowed.map(\.rawValue)
    let names =
      words.count > 1
      ? words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "") : words.joined()
    guard let operand else {
      throw .wrongType(what: what, found: type.rawValue, expected: names)
    }
    throw .wrongType(
      what: "\(what) (\(operand.text))", found: type.rawValue, expected: names,
      anchor: operand.anchor)
  }
}
