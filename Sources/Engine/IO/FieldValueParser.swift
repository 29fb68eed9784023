/// Reads typed values from the bytes of one field, without making a Swift `String`.
enum FieldValueParser {
  /// A decimal integer with an optional sign, or `nil` when the bytes are something else
  /// or the value does not fit in an `Int64`.
  @inline(__always)
  static func int(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    var index = 0
    var negative = false
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      index = 1
    }
    guard index < bytes.count, bytes.count - index <= 19 else { return nil }

    var magnitude: UInt64 = 0
    while index < bytes.count {
      let digit = bytes[index] &- 48
      guard digit < 10 else { return nil }
      magnitude = magnitude &* 10 &+ UInt64(digit)
      index += 1
    }
    if negative {
      guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
      return Int64(truncatingIfNeeded: 0 &- magnitude)
    }
    guard magnitude <= UInt64(Int64.max) else { return nil }
    return Int64(magnitude)
  }

  /// A decimal number (`12`, `-0.5`, `.5`, `1e-3`), `nan`, `inf` or `infinity` (any case,
  /// signs allowed on infinities), or `nil`. Rounds correctly.
  static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard let shape = DecimalShape(bytes) else { return special(bytes) }
    if let fast = shape.exactValue { return fast }
    return Double(String(decoding: bytes, as: UTF8.self))
  }

  /// `true` or `false` in any letter case (`True`, `FALSE`, ...).
  @inline(__always)
  static func bool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    if equalsIgnoringCase(bytes, "true") { return true }
    if equalsIgnoringCase(bytes, "false") { return false }
    return nil
  }

  /// NaN and the infinities, spelt as Python and this package print them.
  private static func special(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard let first = bytes.first else { return nil }
    let signed = first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
    let word = signed ? UnsafeBufferPointer(rebasing: bytes.dropFirst()) : bytes
    let sign: Double = first == UInt8(ascii: "-") ? -1 : 1

    if !signed, equalsIgnoringCase(word, "nan") { return .nan }
    if equalsIgnoringCase(word, "inf") || equalsIgnoringCase(word, "infinity") {
      return sign * .infinity
    }
    return nil
  }

  /// Whether `bytes` spell the lowercase ASCII `word` in any letter case.
  @inline(__always)
  private static func equalsIgnoringCase(
    _ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString
  ) -> Bool {
    guard bytes.count == word.utf8CodeUnitCount else { return false }
    let letters = word.utf8Start
    for index in 0..<bytes.count where bytes[index] | 0x20 != letters[index] {
      return false
    }
    return true
  }
}

/// The digits and exponent of a decimal number, checked against the number grammar.
private struct DecimalShape {
  /// Powers of ten that a `Double` holds exactly.
  private static let exactPowers: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  var negative = false
  /// The first 19 significant digits as an integer.
  var mantissa: UInt64 = 0
  var significantDigits = 0
  /// The power of ten that scales `mantissa` to the value.
  var exponent = 0

  /// Checks `bytes` against `[+-] digits [. digits] [(e|E) [+-] digits]` with at least one
  /// mantissa digit; `nil` when they do not match.
  init?(_ bytes: UnsafeBufferPointer<UInt8>) {
    var index = 0
    let count = bytes.count
    if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
      negative = bytes[index] == UInt8(ascii: "-")
      index += 1
    }

    var sawDigit = false
    index = readDigits(bytes, from: index, fraction: false, sawDigit: &sawDigit)
    if index < count, bytes[index] == UInt8(ascii: ".") {
      index = readDigits(bytes, from: index + 1, fraction: true, sawDigit: &sawDigit)
    }
    guard sawDigit else { return nil }

    if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
      guard let (value, end) = Self.readExponent(bytes, from: index + 1) else { return nil }
      exponent += value
      index = end
    }
    guard index == count else { return nil }
  }

  /// The value when the fast exact path applies (at most 15 digits, small exponent).
  var exactValue: Double? {
    guard significantDigits <= 15, (-22...22).contains(exponent) else { return nil }
    var value = Double(mantissa)
    if exponent >= 0 {
      value *= Self.exactPowers[exponent]
    } else {
      value /= Self.exactPowers[-exponent]
    }
    return negative ? -value : value
  }

  private mutating func readDigits(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, fraction: Bool, sawDigit: inout Bool
  ) -> Int {
    var index = start
    while index < bytes.count {
      let digit = bytes[index] &- 48
      guard digit < 10 else { break }
      sawDigit = true
      if significantDigits == 0 && digit == 0 {
        if fraction { exponent -= 1 }
      } else if significantDigits < 19 {
        mantissa = mantissa * 10 + UInt64(digit)
        significantDigits += 1
        if fraction { exponent -= 1 }
      } else {
        significantDigits += 1
        if !fraction { exponent += 1 }
      }
      index += 1
    }
    return index
  }

  private static func readExponent(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> (Int, Int)? {
    var index = start
    var negative = false
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
      negative = bytes[index] == UInt8(ascii: "-")
      index += 1
    }
    var value = 0
    var digits = 0
    while index < bytes.count, bytes[index] &- 48 < 10 {
      value = min(value * 10 + Int(bytes[index] &- 48), 100_000)
      digits += 1
      index += 1
    }
    guard digits > 0 else { return nil }
    return (negative ? -value : value, index)
  }
}
