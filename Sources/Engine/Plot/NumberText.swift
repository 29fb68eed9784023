import Foundation

/// Number formatting for charts: axis labels that share their decimals, and values.
enum NumberText {
  /// `1234567` as `1,234,567`.
  static func grouped(_ value: Int64) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (i, digit) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return value < 0 ? "-" + result : result
  }

  /// A value printed at the end of a bar or in a count: whole numbers in full with
  /// thousands separators, others to three significant digits (more for large
  /// magnitudes), without trailing zeros.
  static func value(_ v: Double) -> String {
    if v.rounded() == v, abs(v) < 1e15 { return grouped(Int64(v)) }
    let magnitude = Int(floor(log10(abs(v))))
    let decimals = max(0, min(9, 2 - magnitude))
    var text = fixed(v, decimals: decimals)
    if text.contains(".") {
      while text.last == "0" { text.removeLast() }
      if text.last == "." { text.removeLast() }
    }
    guard magnitude >= 3, let point = text.firstIndex(of: ".") else { return text }
    let whole = Int64(text[..<point]) ?? 0
    return grouped(whole) + text[point...]
  }

  /// `v` with exactly `decimals` digits after the point; `-0` shows as `0`.
  static func fixed(_ v: Double, decimals: Int) -> String {
    let text = String(format: "%.\(decimals)f", v)
    let zero = String(format: "%.\(decimals)f", 0.0)
    return text == "-" + zero ? zero : text
  }

  /// Labels for evenly spaced axis ticks: every label gets the same number of decimals.
  /// From 10,000 up, the labels use the largest of the suffixes k, M, G and T that
  /// needs at most one decimal: `0 0.5M 1.0M 1.5M`, `0 10k 20k`.
  static func axisLabels(_ ticks: [Double]) -> [String] {
    guard let largest = ticks.map({ abs($0) }).max() else { return [] }
    if largest >= 10_000 {
      for (divisor, suffix) in [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
      where largest >= divisor {
        let scaled = ticks.map { $0 / divisor }
        let decimals = sharedDecimals(scaled)
        if decimals <= 1 {
          return scaled.map { $0 == 0 ? "0" : fixed($0, decimals: decimals) + suffix }
        }
      }
    }
    let decimals = sharedDecimals(ticks)
    if decimals > 6 { return scientific(ticks) }
    return ticks.map { fixed($0, decimals: decimals) }
  }

  /// A label for one power-of-ten-like tick of a log axis: `0.01`, `1`, `100`, `10k`, `1M`.
  static func logLabel(_ v: Double) -> String {
    axisLabels([v])[0]
  }

  /// The fewest decimals that show every value exactly (up to 12).
  static func sharedDecimals(_ values: [Double]) -> Int {
    for decimals in 0...12 {
      let scale = pow(10, Double(decimals))
      let exact = values.allSatisfy { v in
        let scaled = v * scale
        return abs(scaled - scaled.rounded()) <= 1e-6 * max(1, abs(scaled))
      }
      if exact { return decimals }
    }
    return 12
  }

  /// Tiny values as `2.5e-9`, with the same decimals in every mantissa.
  static func scientific(_ values: [Double]) -> [String] {
    let parts = values.map { v -> (mantissa: Double, exponent: Int) in
      guard v != 0 else { return (0, 0) }
      let exponent = Int(floor(log10(abs(v))))
      return (v / pow(10, Double(exponent)), exponent)
    }
    let decimals = min(sharedDecimals(parts.map(\.mantissa)), 3)
    return parts.map { part in
      part.mantissa == 0 ? "0" : fixed(part.mantissa, decimals: decimals) + "e\(part.exponent)"
    }
  }
}
