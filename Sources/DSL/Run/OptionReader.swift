import Engine

/// Reads typed values out of a verb's `name=value` options, with located errors.
enum OptionReader {
  static func number(_ options: Options, _ name: String, default value: Double)
    throws(RunError) -> Double
  {
    guard let entry = options.entries[name] else { return value }
    guard case .literal(let literal) = entry.value, let number = literal.doubleValue,
      literal.type != .bool
    else {
      throw RunError("\(name) must be a number, as in \(name)=0.01", at: entry.span)
    }
    return number
  }

  static func integer(_ options: Options, _ name: String, default value: Int)
    throws(RunError) -> Int
  {
    guard let entry = options.entries[name] else { return value }
    guard case .literal(.int(let number)) = entry.value, let result = Int(exactly: number)
    else {
      throw RunError("\(name) must be a whole number, as in \(name)=2", at: entry.span)
    }
    return result
  }

  static func boolean(_ options: Options, _ name: String, default value: Bool)
    throws(RunError) -> Bool
  {
    guard let entry = options.entries[name] else { return value }
    guard case .literal(.bool(let flag)) = entry.value else {
      throw RunError("\(name) must be true or false", at: entry.span)
    }
    return flag
  }

  static func choice<T: RawRepresentable & CaseIterable>(
    _ options: Options, _ name: String, default value: T
  ) throws(RunError) -> T where T.RawValue == String {
    guard let entry = options.entries[name] else { return value }
    guard let chosen = T(rawValue: entry.value.text) else {
      let all = T.allCases.map(\.rawValue).joined(separator: " or ")
      throw RunError("\(name) must be \(all), not '\(entry.value.text)'", at: entry.span)
    }
    return chosen
  }
}
