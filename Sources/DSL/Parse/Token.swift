/// A lexical token of the evs language, with its place in the statement text.
struct Token: Equatable, Sendable {
  enum Kind: Equatable, Sendable {
    case identifier(String)
    /// A `` `quoted name` ``; never a keyword.
    case quotedName(String)
    case string(String)
    case integer(Int64)
    case float(Double)
    /// A duration such as `90s` or `1h`, in nanoseconds.
    case duration(Int64)
    case symbol(String)
    case end
  }

  var kind: Kind
  /// Character offset of the first character within the statement text.
  var offset: Int
  /// Length in characters.
  var length: Int

  /// The identifier's text when this is a bare identifier.
  var identifier: String? {
    if case .identifier(let name) = kind { return name }
    return nil
  }

  /// A column or bound name: a bare or back-quoted identifier.
  var name: String? {
    switch kind {
    case .identifier(let name), .quotedName(let name): return name
    default: return nil
    }
  }

  func isSymbol(_ s: String) -> Bool { kind == .symbol(s) }

  func isKeyword(_ word: String) -> Bool { kind == .identifier(word) }

  /// How the token reads in an error message.
  var display: String {
    switch kind {
    case .identifier(let s): return "'\(s)'"
    case .quotedName(let s): return "`\(s)`"
    case .string(let s): return "\"\(s)\""
    case .integer(let v): return "\(v)"
    case .float(let v): return "\(v)"
    case .duration: return "a duration"
    case .symbol(let s): return "'\(s)'"
    case .end: return "the end of the statement"
    }
  }
}
