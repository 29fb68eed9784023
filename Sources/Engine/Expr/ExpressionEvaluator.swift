/// Evaluates expressions over a whole table, one column at a time.
public struct ExpressionEvaluator {
  private let table: Table
  private let schema: [String: ColumnType?]
  private var regexes = RegexCache()
  /// Checked before each part of an expression is evaluated over the rows, and every
  /// `cancellationInterval` rows inside the per-row loops; once it is set the evaluation
  /// throws `ExpressionError.cancelled`.
  public var cancellation: CancellationFlag?

  /// An evaluator over the rows and columns of `table`.
  public init(table: Table) {
    self.table = table
    var schema: [String: ColumnType?] = [:]
    for (name, type) in table.schema { schema[name] = type }
    self.schema = schema
  }

  /// The expression's value for every row, as a column as long as the table.
  /// - Throws: `ExpressionError` for unknown names, mismatched types or bad patterns.
  /// - Complexity: O(rows × nodes).
  public mutating func evaluate(_ expression: Expression) throws(ExpressionError) -> Column {
    let type = try ExpressionTyper.type(of: expression, in: schema) ?? .string
    let operand = try evaluateOperand(expression)
    return operand.column(count: table.rowCount, type: type)
  }

  /// Evaluates a condition; null counts as false.
  /// - Returns: the indices of the rows where it holds.
  public mutating func matchingRows(_ condition: Expression) throws(ExpressionError) -> [Int] {
    let type = try ExpressionTyper.type(of: condition, in: schema)
    try ExpressionTyper.expect(type, [.bool], "the condition", condition)
    switch try evaluateOperand(condition) {
    case .scalar(let value):
      return value == .bool(true) ? Array(0..<table.rowCount) : []
    case .column(let column):
      guard case .bool(let flags) = column.values else { return [] }
      return (0..<flags.count).filter { flags[$0] && !column.isNull($0) }
    }
  }

  mutating func evaluateOperand(_ expression: Expression) throws(ExpressionError) -> Operand {
    if cancellation?.isCancelled == true { throw .cancelled }
    switch expression {
    case .column(let name):
      do {
        return .column(try table.column(name))
      } catch {
        throw .column(error)
      }

    case .literal(let value):
      return .scalar(value)

    case .not(let operand):
      let inner = try evaluateOperand(operand)
      return try map(inner, type: .bool) { value in
        guard case .bool(let b) = value else { return .null }
        return .bool(!b)
      }

    case .negate(let operand):
      let inner = try evaluateOperand(operand)
      let type = try ExpressionTyper.type(of: operand, in: schema) ?? .int
      return try map(inner, type: type) { value in
        switch value {
        case .int(let v): return v == .min ? .null : .int(-v)
        case .float(let v): return .float(-v)
        default: return .null
        }
      }

    case .binary(let op, let left, let right):
      return try evaluateBinary(op, left, right)

    case .inList(let operand, let list, let negated):
      return try evaluateIn(operand, list, negated: negated)

    case .call(let name, let arguments):
      return try evaluateCall(name, arguments)
    }
  }

  private mutating func evaluateBinary(
    _ op: BinaryOperator, _ left: Expression, _ right: Expression
  ) throws(ExpressionError) -> Operand {
    let leftType = try ExpressionTyper.type(of: left, in: schema)
    let rightType = try ExpressionTyper.type(of: right, in: schema)
    let type = try ExpressionTyper.binaryType(op, leftType, rightType) ?? .string
    let a = try evaluateOperand(left)
    let b = try evaluateOperand(right)

    if let fast = StringTests.evaluate(op, a, b, rowCount: table.rowCount) { return fast }
    if let fast = NumericKernels.evaluate(op, a, b, rowCount: table.rowCount) { return fast }

    if case .scalar(let x) = a, case .scalar(let y) = b {
      return .scalar(try BinaryOperations.apply(op, x, y, regexes: &regexes))
    }
    var builder = ColumnBuilder(type: type, capacity: table.rowCount)
    for i in 0..<table.rowCount {
      try checkCancellation(row: i)
      builder.append(
        try BinaryOperations.apply(op, a.value(at: i), b.value(at: i), regexes: &regexes))
    }
    return .column(builder.finish())
  }

  private mutating func evaluateIn(
    _ operand: Expression, _ list: [Expression], negated: Bool
  ) throws(ExpressionError) -> Operand {
    let value = try evaluateOperand(operand)
    var candidates: Set<Value> = []
    for item in list {
      guard case .scalar(let literal) = try evaluateOperand(item) else {
        throw .wrongType(what: "an item of 'in (...)'", found: "a column", expected: "a literal")
      }
      candidates.insert(Self.numericKey(literal))
    }
    return try map(value, type: .bool) { v in
      v.isNull ? .null : .bool(candidates.contains(Self.numericKey(v)) != negated)
    }
  }

  /// Ints and floats of equal value compare equal in `in (...)`; ints exactly.
  private static func numericKey(_ value: Value) -> Value {
    value.numericKey
  }

  private mutating func evaluateCall(
    _ name: String, _ arguments: [Expression]
  ) throws(ExpressionError) -> Operand {
    let function = try FunctionLibrary.function(named: name)
    var types: [ColumnType?] = []
    var operands: [Operand] = []
    for argument in arguments {
      types.append(try ExpressionTyper.type(of: argument, in: schema))
      operands.append(try evaluateOperand(argument))
    }
    let type = try function.resultType(types) ?? .string

    let allScalar = operands.allSatisfy { if case .scalar = $0 { true } else { false } }
    let rowCount = allScalar ? 1 : table.rowCount
    var builder = ColumnBuilder(type: type, capacity: rowCount)
    var args = [Value](repeating: .null, count: operands.count)
    for row in 0..<rowCount {
      try checkCancellation(row: row)
      for k in 0..<operands.count { args[k] = operands[k].value(at: row) }
      if !function.acceptsNulls, args.contains(.null) {
        builder.appendNull()
        continue
      }
      do {
        builder.append(try function.body(args, &regexes))
      } catch let error as ExpressionError {
        throw error
      } catch {
        throw .invalidArgument(function: name, reason: "\(error)")
      }
    }
    let column = builder.finish()
    return allScalar ? .scalar(column[0]) : .column(column)
  }

  private func map(_ operand: Operand, type: ColumnType, _ f: (Value) -> Value)
    throws(ExpressionError) -> Operand
  {
    switch operand {
    case .scalar(let v):
      return .scalar(f(v))
    case .column(let column):
      var builder = ColumnBuilder(type: type, capacity: column.count)
      for i in 0..<column.count {
        try checkCancellation(row: i)
        builder.append(f(column[i]))
      }
      return .column(builder.finish())
    }
  }

  /// How many rows a per-row loop runs between two looks at the cancellation flag.
  static let cancellationInterval = 4096

  /// Throws `.cancelled` when the flag is set, looking at it only on every
  /// `cancellationInterval`-th row so that the check costs next to nothing.
  @inline(__always)
  private func checkCancellation(row: Int) throws(ExpressionError) {
    guard row % Self.cancellationInterval == 0 else { return }
    if cancellation?.isCancelled == true { throw .cancelled }
  }
}

/// An intermediate result: one value for all rows, or a column.
enum Operand {
  case scalar(Value)
  case column(Column)

  func value(at row: Int) -> Value {
    switch self {
    case .scalar(let v): return v
    case .column(let c): return c[row]
    }
  }

  func column(count: Int, type: ColumnType) -> Column {
    switch self {
    case .column(let c): return c
    case .scalar(let v):
      var builder = ColumnBuilder(type: type, capacity: count)
      for _ in 0..<count { builder.append(v) }
      return builder.finish()
    }
  }
}
