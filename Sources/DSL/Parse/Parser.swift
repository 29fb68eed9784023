import Engine

/// Parses one statement.
///
/// ```
/// statement  := 'let' NAME '=' pipeline | 'param' NAME '=' literal | pipeline
/// pipeline   := source ('|' stage)*
/// source     := 'load' STRING option* | NAME | expr
/// stage      := VERB arguments            (see Parser+Verbs.swift)
/// option     := NAME '=' (literal | NAME)
/// expr       := or                        (see Parser+Expressions.swift)
/// ```
struct Parser {
  var tokens: [Token]
  var position = 0
  /// Names referred to by the stage being parsed, with where they were written.
  var names: [(String, Span)] = []
  /// How deeply the expression being parsed nests (parentheses, `not`, calls).
  var depth = 0
  /// How many operators the statement has so far.
  var operators = 0
  /// Whether a sort key of the stage being parsed was written without asc or desc.
  var directionLeftOut = false
  /// The names given with `NAME =` to the keys and aggregates of the stage being parsed.
  var givenNames: Set<String> = []

  /// Deeper nesting than this, or more operators, is refused rather than risking the
  /// stack when the expression is checked and run.
  static let maximumDepth = 200
  static let maximumOperators = 500

  init(tokens: [Token]) {
    self.tokens = tokens
  }

  /// Parses the whole text as one statement.
  static func parse(_ text: String) throws(ParseError) -> Statement {
    var parser = Parser(tokens: try Lexer.tokenize(text))
    let statement = try parser.parseStatement()
    try parser.expectEnd()
    return statement
  }

  // MARK: Token access

  var current: Token { tokens[position] }

  func peek(_ ahead: Int = 1) -> Token {
    tokens[min(position + ahead, tokens.count - 1)]
  }

  @discardableResult
  mutating func advance() -> Token {
    let token = current
    if position < tokens.count - 1 { position += 1 }
    return token
  }

  mutating func tryEat(symbol: String) -> Bool {
    guard current.isSymbol(symbol) else { return false }
    advance()
    return true
  }

  mutating func tryEat(keyword: String) -> Bool {
    guard current.isKeyword(keyword) else { return false }
    advance()
    return true
  }

  mutating func expect(symbol: String, _ context: String) throws(ParseError) {
    guard tryEat(symbol: symbol) else {
      throw error("expected '\(symbol)' \(context), found \(current.display)")
    }
  }

  mutating func expectEnd() throws(ParseError) {
    guard current.kind == .end else {
      throw error("unexpected \(current.display); a new verb must follow a '|'")
    }
  }

  /// A column or bound name, remembered for locating errors later.
  mutating func expectName(_ what: String) throws(ParseError) -> String {
    guard let name = current.name else {
      throw error("expected \(what), found \(current.display)")
    }
    names.append((name, Span(current)))
    advance()
    return name
  }

  mutating func expectInteger(_ what: String) throws(ParseError) -> Int {
    guard case .integer(let v) = current.kind, v >= 0, v <= Int64(Int32.max) else {
      throw error("expected \(what) (a whole number), found \(current.display)")
    }
    advance()
    return Int(v)
  }

  /// A row count: a whole number, or the name of a parameter that holds one.
  mutating func parseRowCount() throws(ParseError) -> RowCount {
    if let name = current.identifier {
      let token = advance()
      return .name(name, Span(token))
    }
    guard case .integer(let v) = current.kind, v >= 0, v <= Int64(Int32.max) else {
      throw error(
        "expected a row count (a whole number, or a parameter that holds one), found "
          + current.display)
    }
    advance()
    return .number(Int(v))
  }

  /// Runs `body` one nesting level deeper, refusing absurd depths.
  mutating func nested<T>(_ body: (inout Parser) throws(ParseError) -> T) throws(ParseError)
    -> T
  {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else {
      throw error("this expression nests more than \(Self.maximumDepth) levels deep; split it up")
    }
    return try body(&self)
  }

  /// Counts one more operator, refusing statements with absurdly many.
  mutating func countOperator() throws(ParseError) {
    operators += 1
    guard operators <= Self.maximumOperators else {
      throw error(
        "this statement has more than \(Self.maximumOperators) operators; split it up, "
          + "or use in (...) for long lists")
    }
  }

  func error(_ message: String, at token: Token? = nil) -> ParseError {
    let token = token ?? current
    return ParseError(message, offset: token.offset, length: token.length)
  }

  // MARK: Statements

  mutating func parseStatement() throws(ParseError) -> Statement {
    if current.isKeyword("let"), peek().name != nil {
      advance()
      let name = try expectName("a name after 'let'")
      try expect(symbol: "=", "after 'let \(name)'")
      return Statement(kind: .bind(name: name, try parsePipeline()))
    }
    if current.isKeyword("param"), peek().name != nil {
      advance()
      let name = try expectName("a parameter name")
      try expect(symbol: "=", "after 'param \(name)'")
      let literal = try parseLiteral()
      return Statement(kind: .param(name: name, literal))
    }
    return Statement(kind: .show(try parsePipeline()))
  }

  mutating func parsePipeline() throws(ParseError) -> Pipeline {
    let source = try parseSource()
    var stages: [Stage] = []
    while tryEat(symbol: "|") {
      stages.append(try parseStage())
    }
    return Pipeline(source: source, stages: stages)
  }

  mutating func parseSource() throws(ParseError) -> Source {
    let start = current
    if current.isKeyword("load"), case .string = peek().kind {
      advance()
      let pathToken = advance()
      guard case .string(let path) = pathToken.kind else { throw error("expected a path") }
      let options = try parseOptions(allowed: VerbOptions.load, verb: "load")
      return .load(path: path, options: options, span: Span(pathToken))
    }
    if current.isKeyword("load") {
      throw error(
        "expected a quoted path after 'load', as in load \"events.csv\"", at: peek())
    }
    if let name = current.name, !["true", "false", "null"].contains(current.identifier ?? ""),
      peek().isSymbol("|") || peek().kind == .end
    {
      advance()
      return .name(name, span: Span(start))
    }
    if case .end = current.kind { throw error("expected a statement") }
    let expression = try parseExpression()
    return .expression(expression, span: Span(start).through(Span(tokens[max(0, position - 1)])))
  }

  /// A literal value: number, string, boolean, null, duration, negative number or
  /// `datetime("...")`.
  mutating func parseLiteral() throws(ParseError) -> Value {
    if current.isKeyword("datetime"), peek().isSymbol("("), case .string(let text) = peek(2).kind,
      peek(3).isSymbol(")")
    {
      try checkDateLiteral(of: "datetime")
      advance()
      advance()
      advance()
      advance()
      return .timestamp(Timestamp.parse(text) ?? 0)
    }
    let negative = tryEat(symbol: "-")
    let token = advance()
    switch token.kind {
    case .integer(let v): return .int(negative ? -v : v)
    case .float(let v): return .float(negative ? -v : v)
    case .duration(let v): return .int(negative ? -v : v)
    case .string(let s) where !negative: return .string(s)
    case .identifier("true") where !negative: return .bool(true)
    case .identifier("false") where !negative: return .bool(false)
    case .identifier("null") where !negative: return .null
    default: throw error("expected a literal value, found \(token.display)", at: token)
    }
  }

  /// `name=value` pairs, as long as they follow; names outside `allowed` are errors.
  mutating func parseOptions(allowed: [String], verb: String) throws(ParseError) -> Options {
    var options = Options()
    while let name = current.identifier, peek().isSymbol("=") {
      let nameToken = advance()
      guard allowed.contains(name) else {
        let hint = NameSuggester.didYouMean(NameSuggester.closest(to: name, among: allowed))
        let list = allowed.isEmpty ? "none" : allowed.joined(separator: ", ")
        throw error(
          "'\(verb)' has no option '\(name)' (options: \(list))\(hint)", at: nameToken)
      }
      guard options.entries[name] == nil else {
        throw error("\(name) is given twice; keep one of them", at: nameToken)
      }
      advance()
      let valueToken = current
      let value: OptionValue
      if let word = current.name, !["true", "false", "null"].contains(word) {
        advance()
        value = .name(word)
      } else {
        value = .literal(try parseLiteral())
      }
      options.set(name, value, span: Span(nameToken).through(Span(valueToken)))
    }
    return options
  }
}
