import Engine

/// A `param NAME = LITERAL` declaration of a script: its name, default and place.
public struct DeclaredParameter: Sendable, Equatable {
  public var name: String
  /// The literal the script gives; its type is the type a command-line value must have.
  public var defaultValue: Value
  /// Where the declaration is.
  public var location: SourceLocation

  public init(name: String, defaultValue: Value, location: SourceLocation) {
    self.name = name
    self.defaultValue = defaultValue
    self.location = location
  }

  /// `name = default (type)`, as error messages list the declarations.
  public var summary: String {
    let shown: String
    if case .string(let text) = defaultValue {
      shown = "\"" + text + "\""
    } else {
      shown = ValueFormatter.plain(defaultValue)
    }
    return "\(name) = \(shown) (\(defaultValue.type?.rawValue ?? "any"))"
  }

  /// The value command-line text `text` gives this parameter, read as the default's
  /// type; nil when it cannot be read so.
  public func value(from text: String) -> Value? {
    switch defaultValue {
    case .int: return Int64(text).map(Value.int)
    case .float: return Double(text).map(Value.float)
    case .bool: return Bool(text.lowercased()).map(Value.bool)
    case .timestamp: return Timestamp.parse(text).map(Value.timestamp)
    case .string, .null: return .string(text)
    }
  }

  /// What a value for this parameter must look like, for messages.
  public var expectation: String {
    switch defaultValue {
    case .int: return "a whole number"
    case .float: return "a number"
    case .bool: return "true or false"
    case .timestamp: return "a date and time such as 2021-03-09 14:00:00"
    case .string, .null: return "text"
    }
  }
}

/// A `--param NAME=VALUE` the script cannot take.
public enum ParameterError: Error, Equatable, Sendable {
  /// No `param NAME` in the script; `declared` are the ones there are.
  case unknown(String, suggestions: [String], declared: [DeclaredParameter])
  /// The value cannot be read as the declared default's type.
  case illTyped(DeclaredParameter, value: String, declared: [DeclaredParameter])
}

extension ParameterError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .unknown(let name, let suggestions, let declared):
      let hint =
        suggestions.isEmpty ? "" : " (did you mean \(suggestions.joined(separator: " or "))?)"
      return "--param \(name): the script declares no parameter '\(name)'\(hint); "
        + Self.listing(declared)
    case .illTyped(let parameter, let value, let declared):
      return "--param \(parameter.name)=\(value): expected \(parameter.expectation) "
        + "like the default; " + Self.listing(declared)
    }
  }

  private static func listing(_ declared: [DeclaredParameter]) -> String {
    guard !declared.isEmpty else { return "it declares no parameters" }
    return "it declares " + declared.map(\.summary).joined(separator: ", ")
  }
}
