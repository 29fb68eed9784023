import Engine

/// Expressions, loosest first:
///
/// ```
/// or         := and ('or' and)*
/// and        := comparison ('and' comparison)*
/// comparison := additive (COMPARE additive | ['!']'in'['~'] '(' list ')'
///               | ['!']'between' '(' additive '..' additive ')')?
/// additive   := multiplicative (('+' | '-') multiplicative)*
/// multiplicative := unary (('*' | '/' | '%') unary)*
/// unary      := 'not' unary | '-' unary | primary
/// primary    := literal | NAME | NAME '(' args ')' | '(' expr ')'
/// ```
extension Parser {
  static let comparisons: [String: BinaryOperator] = [
    "==": .equal, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater,
    ">=": .greaterOrEqual, "=~": .equalIgnoringCase,
  ]

  static let wordOperators: [String: BinaryOperator] = [
    "contains": .contains, "startswith": .startsWith, "endswith": .endsWith,
    "matches": .matches, "has": .contains,
  ]

  mutating func parseExpression() throws(ParseError) -> Expression {
    var left = try parseAnd()
    while tryEat(keyword: "or") {
      try countOperator()
      left = .binary(.or, left, try parseAnd())
    }
    return left
  }

  mutating func parseAnd() throws(ParseError) -> Expression {
    var left = try parseComparison()
    while tryEat(keyword: "and") {
      try countOperator()
      left = .binary(.and, left, try parseComparison())
    }
    return left
  }

  mutating func parseComparison() throws(ParseError) -> Expression {
    let left = try parseAdditive()
    if case .symbol(let s) = current.kind, let op = Self.comparisons[s] {
      advance()
      return .binary(op, left, try parseAdditive())
    }
    if let word = current.identifier, let op = Self.wordOperators[word] {
      advance()
      if op == .matches { _ = tryEat(keyword: "regex") }
      return .binary(op, left, try parseAdditive())
    }
    if tryEat(symbol: "!~") {
      return .not(.binary(.equalIgnoringCase, left, try parseAdditive()))
    }
    if current.isSymbol("!"), let word = peek().identifier {
      if word == "contains" || word == "has" {
        advance()
        advance()
        return .binary(.notContains, left, try parseAdditive())
      }
      if let op = Self.wordOperators[word] {
        advance()
        advance()
        return .not(.binary(op, left, try parseAdditive()))
      }
      if word == "in" || word == "between" {
        advance()
        advance()
        return try parseListOperator(word, left, negated: true)
      }
    }
    if let word = current.identifier, word == "in" || word == "between" {
      advance()
      return try parseListOperator(word, left, negated: false)
    }
    if current.isSymbol("=") {
      throw error("'=' names a column; to compare, write '=='")
    }
    return left
  }

  /// The rest of `in (...)`, `in~ (...)` (ignoring case, for text) or
  /// `between (low .. high)` (both ends included), after the word.
  mutating func parseListOperator(_ word: String, _ left: Expression, negated: Bool)
    throws(ParseError) -> Expression
  {
    if word == "between" {
      try expect(symbol: "(", "to open the range of 'between', as in between (1 .. 10)")
      let low = try parseAdditive()
      try expect(symbol: "..", "between the ends of the range, as in between (1 .. 10)")
      let high = try parseAdditive()
      try expect(symbol: ")", "to close the range")
      let inside = Expression.binary(
        .and, .binary(.greaterOrEqual, left, low), .binary(.lessOrEqual, left, high))
      return negated ? .not(inside) : inside
    }
    if tryEat(symbol: "~") {
      let lowered = { (item: Expression) in Expression.call("lower", [item]) }
      return .inList(lowered(left), try parseList().map(lowered), negated: negated)
    }
    return .inList(left, try parseList(), negated: negated)
  }

  mutating func parseList() throws(ParseError) -> [Expression] {
    try expect(symbol: "(", "to open the list of 'in'")
    var items: [Expression] = []
    if !current.isSymbol(")") {
      repeat { items.append(try parseAdditive()) } while tryEat(symbol: ",")
    }
    try expect(symbol: ")", "to close the list")
    return items
  }

  mutating func parseAdditive() throws(ParseError) -> Expression {
    var left = try parseMultiplicative()
    while true {
      if current.isSymbol("+") || current.isSymbol("-") { try countOperator() }
      if tryEat(symbol: "+") {
        left = .binary(.add, left, try parseMultiplicative())
      } else if tryEat(symbol: "-") {
        left = .binary(.subtract, left, try parseMultiplicative())
      } else {
        return left
      }
    }
  }

  mutating func parseMultiplicative() throws(ParseError) -> Expression {
    var left = try parseUnary()
    while true {
      if current.isSymbol("*") || current.isSymbol("/") || current.isSymbol("%") {
        try countOperator()
      }
      if tryEat(symbol: "*") {
        left = .binary(.multiply, left, try parseUnary())
      } else if tryEat(symbol: "/") {
        left = .binary(.divide, left, try parseUnary())
      } else if tryEat(symbol: "%") {
        left = .binary(.modulo, left, try parseUnary())
      } else {
        return left
      }
    }
  }

  mutating func parseUnary() throws(ParseError) -> Expression {
    if tryEat(keyword: "not") {
      return .not(
        try nested { (parser: inout Parser) throws(ParseError) in try parser.parseUnary() })
    }
    if tryEat(symbol: "-") {
      switch try nested({ (parser: inout Parser) throws(ParseError) in try parser.parseUnary() }) {
      case .literal(.int(let v)): return .literal(.int(-v))
      case .literal(.float(let v)): return .literal(.float(-v))
      case let operand: return .negate(operand)
      }
    }
    return try parsePrimary()
  }

  mutating func parsePrimary() throws(ParseError) -> Expression {
    let token = current
    switch token.kind {
    case .integer(let v):
      advance()
      return .literal(.int(v))
    case .float(let v):
      advance()
      return .literal(.float(v))
    case .duration(let v):
      advance()
      return .literal(.int(v))
    case .string(let s):
      advance()
      return .literal(.string(s))
    case .identifier("true"):
      advance()
      return .literal(.bool(true))
    case .identifier("false"):
      advance()
      return .literal(.bool(false))
    case .identifier("null"):
      advance()
      return .literal(.null)
    case .identifier(let name) where peek().isSymbol("("):
      try checkDateLiteral(of: name)
      advance()
      names.append((name, Span(token)))
      return .call(
        name,
        try nested { (parser: inout Parser) throws(ParseError) in
          try parser.parseArguments(of: name)
        })
    case .identifier, .quotedName:
      return .column(try expectName("a name"))
    case .symbol("("):
      advance()
      let inner = try nested { (parser: inout Parser) throws(ParseError) in
        try parser.parseExpression()
      }
      try expect(symbol: ")", "to close the parenthesis")
      return inner
    default:
      throw error("expected a value, a column name or '(', found \(token.display)")
    }
  }

  /// Refuses `datetime("...")` of text that is no date, where the text is written.
  func checkDateLiteral(of function: String) throws(ParseError) {
    guard function == "datetime", case .string(let text) = peek(2).kind, peek(3).isSymbol(")"),
      Timestamp.parse(text) == nil
    else { return }
    throw error(
      "'\(text)' is not a date and time; write it like \"2019-01-15 05:00:00\"", at: peek(2))
  }

  mutating func parseArguments(of function: String) throws(ParseError) -> [Expression] {
    try expect(symbol: "(", "after \(function)")
    var arguments: [Expression] = []
    if !current.isSymbol(")") {
      repeat { arguments.append(try parseExpression()) } while tryEat(symbol: ",")
    }
    try expect(symbol: ")", "to close the arguments of \(function)()")
    return arguments
  }
}
