/// Splits one statement's text into tokens.
///
/// Comments (`#` to the end of a line, outside strings) are dropped. Errors carry
/// the character offset at which they occur.
struct Lexer {
  private let chars: [Character]
  private var position = 0
  private var tokens: [Token] = []

  static let symbols = [
    "==", "!=", "<=", ">=", "=~", "!~", "..", "!", "~", "|", ",", "=", "<", ">", "+", "-", "*", "/",
    "%", "(",
    ")", "[", "]", ".",
  ]

  static let durationUnits: [(String, Int64)] = [
    ("ms", 1_000_000), ("s", 1_000_000_000), ("m", 60_000_000_000), ("h", 3_600_000_000_000),
    ("d", 86_400_000_000_000),
  ]

  init(_ text: String) {
    chars = Array(text)
  }

  /// All tokens of the text, ending with `.end`.
  static func tokenize(_ text: String) throws(ParseError) -> [Token] {
    var lexer = Lexer(text)
    return try lexer.run()
  }

  private mutating func run() throws(ParseError) -> [Token] {
    while let c = peek() {
      if c.isWhitespace {
        position += 1
      } else if c == "#" || (c == "/" && peek(1) == "/") {
        while let next = peek(), next != "\n" { position += 1 }
      } else if c == "\"" || c == "'" {
        try lexString(quote: c)
      } else if c == "`" {
        try lexQuotedName()
      } else if c.isNumber {
        try lexNumber()
      } else if c.isLetter || c == "_" {
        lexIdentifier()
      } else {
        try lexSymbol()
      }
    }
    tokens.append(Token(kind: .end, offset: chars.count, length: 1))
    return tokens
  }

  private func peek(_ ahead: Int = 0) -> Character? {
    position + ahead < chars.count ? chars[position + ahead] : nil
  }

  private mutating func lexString(quote: Character) throws(ParseError) {
    let start = position
    position += 1
    var text = ""
    while let c = peek() {
      position += 1
      if c == quote {
        tokens.append(Token(kind: .string(text), offset: start, length: position - start))
        return
      }
      if c == "\\", let next = peek() {
        position += 1
        switch next {
        case "n": text.append("\n")
        case "t": text.append("\t")
        case "\"", "\\", "'": text.append(next)
        default: text.append("\\"); text.append(next)
        }
      } else {
        text.append(c)
      }
    }
    throw ParseError(
      "this string has no closing \(quote); add one at the end of the text", offset: start,
      length: position - start)
  }

  private mutating func lexQuotedName() throws(ParseError) {
    let start = position
    position += 1
    var text = ""
    while let c = peek(), c != "`" {
      text.append(c)
      position += 1
    }
    guard peek() == "`" else {
      throw ParseError("this `name` has no closing backquote", offset: start, length: 1)
    }
    position += 1
    tokens.append(Token(kind: .quotedName(text), offset: start, length: position - start))
  }

  private mutating func lexNumber() throws(ParseError) {
    let start = position
    var text = ""
    while let c = peek(), c.isNumber || c == "_" {
      if c != "_" { text.append(c) }
      position += 1
    }
    var isFloat = false
    if peek() == ".", let next = peek(1), next.isNumber {
      isFloat = true
      text.append(".")
      position += 1
      while let c = peek(), c.isNumber {
        text.append(c)
        position += 1
      }
    }
    if let e = peek(), e == "e" || e == "E",
      let next = peek(1),
      next.isNumber || ((next == "-" || next == "+") && peek(2)?.isNumber == true)
    {
      isFloat = true
      text.append("e")
      position += 1
      if let sign = peek(), sign == "-" || sign == "+" {
        text.append(sign)
        position += 1
      }
      while let c = peek(), c.isNumber {
        text.append(c)
        position += 1
      }
    }
    if let unit = durationUnit() {
      guard let amount = Double(text) else { throw badNumber(start) }
      position += unit.0.count
      let nanos = amount * Double(unit.1)
      guard nanos < 9.2e18 else {
        throw ParseError(
          "the duration \(text)\(unit.0) is too long; durations reach about 292 years",
          offset: start, length: position - start)
      }
      tokens.append(
        Token(kind: .duration(Int64(nanos)), offset: start, length: position - start))
      return
    }
    if let c = peek(), c.isLetter { throw badNumber(start) }
    let kind: Token.Kind
    if isFloat {
      guard let v = Double(text) else { throw badNumber(start) }
      kind = .float(v)
    } else if let v = Int64(text) {
      kind = .integer(v)
    } else if let v = Double(text) {
      kind = .float(v)
    } else {
      throw badNumber(start)
    }
    tokens.append(Token(kind: kind, offset: start, length: position - start))
  }

  /// A duration unit right after a number, not followed by more letters.
  private func durationUnit() -> (String, Int64)? {
    for unit in Self.durationUnits {
      let letters = Array(unit.0)
      guard (0..<letters.count).allSatisfy({ peek($0) == letters[$0] }) else { continue }
      if let after = peek(letters.count), after.isLetter || after.isNumber { continue }
      return unit
    }
    return nil
  }

  private func badNumber(_ start: Int) -> ParseError {
    var end = start
    while end < chars.count, chars[end].isLetter || chars[end].isNumber || chars[end] == "." {
      end += 1
    }
    return ParseError(
      "'\(String(chars[start..<end]))' is not a number; durations are written like 90s 5m 1h 2d",
      offset: start, length: end - start)
  }

  private mutating func lexIdentifier() {
    let start = position
    var text = ""
    while let c = peek(), c.isLetter || c.isNumber || c == "_" {
      text.append(c)
      position += 1
    }
    tokens.append(Token(kind: .identifier(text), offset: start, length: position - start))
  }

  private mutating func lexSymbol() throws(ParseError) {
    for symbol in Self.symbols {
      let letters = Array(symbol)
      if (0..<letters.count).allSatisfy({ peek($0) == letters[$0] }) {
        tokens.append(Token(kind: .symbol(symbol), offset: position, length: letters.count))
        position += letters.count
        return
      }
    }
    let hint =
      chars[position] == ":"
      ? "; times and paths are quoted, as in datetime(\"2021-03-09 12:00\")" : ""
    throw ParseError(
      "unexpected character '\(chars[position])'\(hint)", offset: position, length: 1)
  }
}

/// A syntax error at a character offset in the statement text.
struct ParseError: Error, Equatable {
  var message: String
  var offset: Int
  var length: Int

  init(_ message: String, offset: Int, length: Int = 1) {
    self.message = message
    self.offset = offset
    self.length = length
  }
}
