import Engine

/// How many rows `head`, `tail` and `top` keep: a whole number written in the statement,
/// or the name of a script parameter (or other bound value) that holds one.
enum RowCount: Equatable, ExpressibleByIntegerLiteral, CustomStringConvertible {
  case number(Int)
  /// A bound name, with where it is written.
  case name(String, Span)

  init(integerLiteral value: Int) {
    self = .number(value)
  }

  /// The count as written.
  var description: String {
    switch self {
    case .number(let count): return String(count)
    case .name(let name, _): return name
    }
  }

  /// The number of rows, a name looked up among `bindings`.
  /// - Throws: `RunError` at the name when nothing is bound to it or it holds something
  ///   other than a whole number of at least 0.
  func resolved(in bindings: [String: Output], verb: String) throws(RunError) -> Int {
    switch self {
    case .number(let count):
      return count
    case .name(let name, let span):
      guard case .value(let value)? = bindings[name] else {
        let holding = bindings[name] == nil ? nil : "a table"
        throw Self.problem(name, at: span, verb: verb, holding: holding)
      }
      guard case .int(let count) = value, count >= 0 else {
        throw Self.problem(name, at: span, verb: verb, holding: Self.describe(value))
      }
      return Int(clamping: count)
    }
  }

  /// The problem, if any, that checking the name against the bound values' types finds
  /// before anything runs.
  func check(scalars: [String: ColumnType?], verb: String) throws(RunError) {
    guard case .name(let name, let span) = self else { return }
    guard let type = scalars[name] else {
      throw Self.problem(name, at: span, verb: verb, holding: nil)
    }
    if let type, type != .int {
      throw Self.problem(name, at: span, verb: verb, holding: "a value of type \(type)")
    }
  }

  /// The located error for a name that gives no row count; `holding` says what it holds,
  /// `nil` when nothing is bound to it.
  private static func problem(_ name: String, at span: Span, verb: String, holding: String?)
    -> RunError
  {
    guard let holding else {
      return RunError(
        "'\(verb)' needs a row count: a whole number, or a parameter that holds one; "
          + "nothing is bound to '\(name)'", at: span)
    }
    return RunError(
      "'\(verb)' needs a whole number of rows (0 or more), but '\(name)' is \(holding); "
        + "give another value with --param \(name)=N", at: span)
  }

  private static func describe(_ value: Value) -> String {
    switch value {
    case .string(let text): return "\"\(text)\""
    case .null: return "null"
    default: return ValueFormatter.plain(value)
    }
  }
}
