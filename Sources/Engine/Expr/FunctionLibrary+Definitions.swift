import Foundation

extension FunctionLibrary {
  static let text: [ColumnType] = [.string]
  static let number: [ColumnType] = [.int, .float, .bool]
  static let integer: [ColumnType] = [.int, .bool]
  static let time: [ColumnType] = [.timestamp]

  static let stringFunctions: [FunctionDefinition] = [
    define("len", 1...1, type: signature([text], .int)) { args, _ in
      .int(Int64(args[0].stringValue?.unicodeScalars.count ?? 0))
    },
    define("lower", 1...1, type: signature([text], .string)) { args, _ in
      .string(args[0].stringValue?.lowercased() ?? "")
    },
    define("upper", 1...1, type: signature([text], .string)) { args, _ in
      .string(args[0].stringValue?.uppercased() ?? "")
    },
    define("trim", 1...1, type: signature([text], .string)) { args, _ in
      .string(args[0].stringValue?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
    },
    define("basename", 1...1, type: signature([text], .string)) { args, _ in
      let path = args[0].stringValue ?? ""
      return .string(String(path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? ""))
    },
    define("split", 3...3, type: signature([text, text, integer], .string)) { args, _ in
      guard let s = args[0].stringValue, let sep = args[1].stringValue, !sep.isEmpty,
        let i = args[2].intValue
      else { return .null }
      let parts = s.components(separatedBy: sep)
      return i >= 0 && i < parts.count ? .string(parts[Int(i)]) : .null
    },
    define("substr", 2...3, type: signature([text, integer, integer], .string)) { args, _ in
      let scalars = Array((args[0].stringValue ?? "").unicodeScalars)
      let start = min(max(Int(args[1].intValue ?? 0), 0), scalars.count)
      let length = args.count > 2 ? max(Int(args[2].intValue ?? 0), 0) : scalars.count
      let end = length >= scalars.count - start ? scalars.count : start + length
      var out = String.UnicodeScalarView()
      out.append(contentsOf: scalars[start..<end])
      return .string(String(out))
    },
    define("replace", 3...3, type: signature([text, text, text], .string)) { args, cache in
      guard let s = args[0].stringValue, let pattern = args[1].stringValue,
        let with = args[2].stringValue
      else { return .null }
      let regex = try cache.regex(pattern)
      let range = NSRange(s.startIndex..., in: s)
      return .string(regex.stringByReplacingMatches(in: s, range: range, withTemplate: with))
    },
    define("extract", 3...3, type: signature([text, integer, text], .string)) { args, cache in
      guard let pattern = args[0].stringValue, let group = args[1].intValue,
        let s = args[2].stringValue
      else { return .null }
      let regex = try cache.regex(pattern)
      guard let match = regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)),
        group >= 0, group < match.numberOfRanges,
        let range = Range(match.range(at: Int(group)), in: s)
      else { return .null }
      return .string(String(s[range]))
    },
  ]

  static let numericFunctions: [FunctionDefinition] = [
    define("log10", 1...1, type: signature([number], .float)) { args, _ in
      guard let x = args[0].doubleValue, x > 0 else { return .null }
      return .float(log10(x))
    },
    define("ln", 1...1, type: signature([number], .float)) { args, _ in
      guard let x = args[0].doubleValue, x > 0 else { return .null }
      return .float(log(x))
    },
    define("abs", 1...1, type: sameNumeric) { args, _ in
      if case .int(let v) = args[0] { return v == .min ? .null : .int(Swift.abs(v)) }
      return args[0].doubleValue.map { .float(Swift.abs($0)) } ?? .null
    },
    define("round", 1...2, type: signature([number, integer], .float)) { args, _ in
      guard let x = args[0].doubleValue else { return .null }
      let digits = args.count > 1 ? Double(args[1].intValue ?? 0) : 0
      let scale = pow(10, digits)
      return .float((x * scale).rounded(.toNearestOrAwayFromZero) / scale)
    },
    define("floor", 1...1, type: sameNumeric) { args, _ in
      if case .int = args[0] { return args[0] }
      return args[0].doubleValue.map { .float($0.rounded(.down)) } ?? .null
    },
    define("ceil", 1...1, type: sameNumeric) { args, _ in
      if case .int = args[0] { return args[0] }
      return args[0].doubleValue.map { .float($0.rounded(.up)) } ?? .null
    },
  ]

  static let nullFunctions: [FunctionDefinition] = [
    define("isnull", 1...1, acceptsNulls: true, type: { _ in .bool }) { args, _ in
      .bool(args[0].isNull)
    },
    define("isnotnull", 1...1, acceptsNulls: true, type: { _ in .bool }) { args, _ in
      .bool(!args[0].isNull)
    },
    // KQL's: empty means null or the empty string.
    define("isempty", 1...1, acceptsNulls: true, type: { _ in .bool }) { args, _ in
      .bool(args[0].isNull || args[0] == .string(""))
    },
    define("isnotempty", 1...1, acceptsNulls: true, type: { _ in .bool }) { args, _ in
      .bool(!(args[0].isNull || args[0] == .string("")))
    },
    define("coalesce", 1...64, acceptsNulls: true, type: commonType) { args, _ in
      args.first { !$0.isNull } ?? .null
    },
    define(
      "iff", 3...3, acceptsNulls: true,
      type: { (types: [ColumnType?]) throws(ExpressionError) -> ColumnType? in
        try ExpressionTyper.expect(types[0], [.bool], "argument 1 (the condition)")
        return try commonType(Array(types.dropFirst()))
      }
    ) { args, _ in
      args[0] == .bool(true) ? args[1] : args[2]
    },
  ]

  static let timeFunctions: [FunctionDefinition] = [
    define("hour", 1...1, type: signature([time], .int)) { args, _ in
      guard case .timestamp(let t) = args[0] else { return .null }
      return .int(Int64(Timestamp.fields(t).hour))
    },
    define("dayofweek", 1...1, type: signature([time], .int)) { args, _ in
      guard case .timestamp(let t) = args[0] else { return .null }
      let days = Int64((Double(t) / Double(Timestamp.nanosPerDay)).rounded(.down))
      return .int(((days + 4) % 7 + 7) % 7)
    },
    define(
      "bin", 2...2,
      type: { (types: [ColumnType?]) throws(ExpressionError) -> ColumnType? in
        try ExpressionTyper.expect(types[0], [.int, .float, .timestamp], "argument 1")
        try ExpressionTyper.expect(types[1], [.int, .float], "argument 2")
        return types[0] == .int && types[1] == .float ? .float : types[0]
      }
    ) { args, _ in
      try bin(args[0], args[1])
    },
    // Text that is no date gives null, as in KQL, so one bad row does not stop a
    // statement; the parser rejects a bad literal before it gets here.
    define("datetime", 1...1, type: signature([text], .timestamp)) { args, _ in
      Timestamp.parse(args[0].stringValue ?? "").map { .timestamp($0) } ?? .null
    },
    define("now", 0...0, type: { _ in .timestamp }) { _, _ in
      .timestamp(Int64(Date().timeIntervalSince1970 * 1e9))
    },
    // KQL's ago(1d): the time a duration before now; null past the representable times.
    define("ago", 1...1, type: signature([[.int]], .timestamp)) { args, _ in
      guard case .int(let duration) = args[0] else { return .null }
      let now = Int64(Date().timeIntervalSince1970 * 1e9)
      let (time, overflow) = now.subtractingReportingOverflow(duration)
      return overflow ? .null : .timestamp(time)
    },
  ]

  static let conversionFunctions: [FunctionDefinition] = [
    define("tostring", 1...1, type: { _ in .string }) { args, _ in
      .string(ValueFormatter.plain(args[0]))
    },
    define("toint", 1...1, type: { _ in .int }) { args, _ in
      if case .string(let s) = args[0] {
        return Int64(s.trimmingCharacters(in: .whitespaces)).map { .int($0) } ?? .null
      }
      return args[0].intValue.map { .int($0) } ?? .null
    },
    define("todouble", 1...1, type: { _ in .float }) { args, _ in
      if case .string(let s) = args[0] {
        return Double(s.trimmingCharacters(in: .whitespaces)).map { .float($0) } ?? .null
      }
      return args[0].doubleValue.map { .float($0) } ?? .null
    },
  ]

  static let sameNumeric: @Sendable ([ColumnType?]) throws(ExpressionError) -> ColumnType? = {
    (types: [ColumnType?]) throws(ExpressionError) -> ColumnType? in
    try ExpressionTyper.expect(types[0], [.int, .float], "argument 1")
    return types[0]
  }

  static let commonType: @Sendable ([ColumnType?]) throws(ExpressionError) -> ColumnType? = {
    (types: [ColumnType?]) throws(ExpressionError) -> ColumnType? in
    var result: ColumnType?
    for case let type? in types {
      switch (result, type) {
      case (nil, _): result = type
      case (let r?, _) where r == type: break
      case (.int?, .float), (.float?, .int): result = .float
      default:
        throw .operandTypes(
          op: "coalesce/iff", left: result?.rawValue ?? "null", right: type.rawValue)
      }
    }
    return result
  }

  static func bin(_ value: Value, _ size: Value) throws -> Value {
    guard let width = size.doubleValue, width > 0 else {
      throw ExpressionError.invalidArgument(
        function: "bin", reason: "the bin size must be greater than 0")
    }
    switch (value, size) {
    case (.timestamp(let t), _), (.int(let t), .int):
      guard width < 9.2e18 else {
        throw ExpressionError.invalidArgument(
          function: "bin", reason: "the bin size is larger than any time or whole number")
      }
      let step = max(Int64(width), 1)
      // Rounds down, also below zero, giving null where the bin's start is unrepresentable.
      let quotient = t / step - (t % step < 0 ? 1 : 0)
      let (floored, overflow) = quotient.multipliedReportingOverflow(by: step)
      if overflow { return .null }
      if case .timestamp = value { return .timestamp(floored) }
      return .int(floored)
    default:
      guard let x = value.doubleValue else { return .null }
      return .float((x / width).rounded(.down) * width)
    }
  }
}
