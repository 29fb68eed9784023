import Foundation

/// A scalar function callable in expressions: its arity, typing rule and per-row body.
struct FunctionDefinition: Sendable {
  let name: String
  let arity: ClosedRange<Int>
  /// Whether the body sees nulls; otherwise any null argument gives a null result.
  let acceptsNulls: Bool
  let typeRule: @Sendable ([ColumnType?]) throws(ExpressionError) -> ColumnType?
  let body: @Sendable ([Value], inout RegexCache) throws -> Value

  func resultType(_ types: [ColumnType?]) throws(ExpressionError) -> ColumnType? {
    guard arity.contains(types.count) else {
      let expected =
        arity.lowerBound == arity.upperBound
        ? "\(arity.lowerBound) argument\(arity.lowerBound == 1 ? "" : "s")"
        : "\(arity.lowerBound) to \(arity.upperBound) arguments"
      throw .argumentCount(function: name, expected: expected, found: types.count)
    }
    return try typeRule(types)
  }
}

/// The functions of the expression language, looked up by name.
public enum FunctionLibrary {
  /// Every function name, for completion and help.
  public static var names: [String] { definitions.keys.sorted() }

  /// KQL's spellings of functions the language names otherwise, so that a query written
  /// for Sentinel or Data Explorer keeps working.
  public static let kqlSpellings: [String: String] = [
    "strlen": "len", "tolower": "lower", "toupper": "upper", "todatetime": "datetime",
    "tolong": "toint", "toreal": "todouble", "hourofday": "hour",
  ]

  static func function(named name: String) throws(ExpressionError) -> FunctionDefinition {
    guard let definition = definitions[kqlSpellings[name] ?? name] else {
      let known = names + kqlSpellings.keys
      throw .unknownFunction(name, suggestions: NameSuggester.closest(to: name, among: known))
    }
    return definition
  }

  static let definitions: [String: FunctionDefinition] = {
    var all: [String: FunctionDefinition] = [:]
    for definition in stringFunctions + numericFunctions + nullFunctions + timeFunctions
      + featureFunctions
      + conversionFunctions + fieldFunctions
    {
      all[definition.name] = definition
    }
    return all
  }()

  /// A typing rule: each argument must be one of the listed types; the result is fixed.
  static func signature(
    _ arguments: [[ColumnType]], _ result: ColumnType
  ) -> @Sendable ([ColumnType?]) throws(ExpressionError) -> ColumnType? {
    { (types: [ColumnType?]) throws(ExpressionError) -> ColumnType? in
      for (i, type) in types.enumerated() where i < arguments.count {
        try ExpressionTyper.expect(type, arguments[i], "argument \(i + 1)")
      }
      return result
    }
  }

  static func define(
    _ name: String, _ arity: ClosedRange<Int>, acceptsNulls: Bool = false,
    type: @escaping @Sendable ([ColumnType?]) throws(ExpressionError) -> ColumnType?,
    _ body: @escaping @Sendable ([Value], inout RegexCache) throws -> Value
  ) -> FunctionDefinition {
    FunctionDefinition(
      name: name, arity: arity, acceptsNulls: acceptsNulls, typeRule: type, body: body)
  }
}

/// Compiled regular expressions, reused across the rows of one evaluation.
struct RegexCache {
  private var compiled: [String: NSRegularExpression] = [:]

  mutating func regex(_ pattern: String) throws(ExpressionError) -> NSRegularExpression {
    if let regex = compiled[pattern] { return regex }
    do {
      let regex = try NSRegularExpression(pattern: pattern)
      compiled[pattern] = regex
      return regex
    } catch {
      throw .invalidRegex(pattern, reason: "check the brackets and escapes")
    }
  }
}

extension Value {
  var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  var intValue: Int64? {
    switch self {
    case .int(let v): return v
    case .bool(let v): return v ? 1 : 0
    case .float(let v) where v.isFinite && abs(v) < 9.2e18: return Int64(v)
    default: return nil
    }
  }
}
