/// What the JSON scanner looked for where the text went wrong.
enum JSONExpectation: Equatable, Sendable {
  case value
  case object
  case key
  case colon
  case commaOrBrace
  case commaOrBracket
  case closingQuote
  case escape
  case hexDigits
  case digit
  case literal
  case endOfInput
  case lessNesting

  /// The phrase that follows "expected" in a message.
  var phrase: String {
    switch self {
    case .value: return "a value (a string, number, object, array, true, false or null)"
    case .object: return "a JSON object starting with '{'"
    case .key: return "a key in double quotes"
    case .colon: return "':' after the key"
    case .commaOrBrace: return "',' or '}' after the value"
    case .commaOrBracket: return "',' or ']' after the value"
    case .closingQuote: return "a closing '\"' before the end of the line"
    case .escape: return "an escape such as \\n, \\\", \\\\ or \\u00e9 after the backslash"
    case .hexDigits: return "four hex digits after \\u"
    case .digit: return "a digit"
    case .literal: return "true, false or null"
    case .endOfInput: return "nothing after the closing ']'"
    case .lessNesting:
      return "at most \(JSONScanner.maximumDepth) arrays and objects inside one another"
    }
  }
}

/// Why scanning a chunk of JSON stopped, at a byte offset into the whole input.
enum JSONFailure: Error, Equatable, Sendable {
  /// The text at `offset` is not what the grammar allows there.
  case syntax(offset: Int, expected: JSONExpectation)
  /// The record starting at `offset` is a JSON value but not an object.
  case notAnObject(offset: Int)
  /// The key at `offset` is one more than `JSONScanner.maximumKeys` distinct keys.
  case tooManyKeys(offset: Int)
  /// The record starting at `offset` pushes the chunk past `maximumChunkExtent`.
  case recordTooLarge(offset: Int)
  /// The chunk's values ran into the next chunk's region: its guessed start was not a
  /// record boundary. Only met when chunks are scanned concurrently.
  case overran
}
