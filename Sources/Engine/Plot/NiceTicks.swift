import Foundation

/// Chooses round-number tick values for an axis.
///
/// Linear axes use the extended Wilkinson search (Talbot, Lin and Hanrahan, 2010): among
/// steps of 1, 5, 2, 2.5, 4 or 3 times a power of ten, pick the labelling that best
/// balances simple numbers, covering the data closely and having about the wanted
/// number of ticks. Log axes put ticks on powers of ten.
enum NiceTicks {
  /// About `target` round tick values over `low...high`.
  /// - Parameters:
  ///   - integers: only whole-number steps and ticks, as for counts, and the ticks
  ///     reach past both ends of the data.
  /// - Complexity: bounded by the search limits, independent of the data.
  static func linear(_ low: Double, _ high: Double, target: Int, integers: Bool = false)
    -> [Double]
  {
    let (low, high) = widened(low, high, integers: integers)
    var search = WilkinsonSearch(
      low: low, high: high, target: Double(max(2, target)), integers: integers)
    search.run()
    return search.ticks.isEmpty ? [low, high] : search.ticks
  }

  /// Ticks for a log axis over `low...high` (both above zero): powers of ten, with
  /// 2 and 5 between them when the range spans few decades, every n-th decade when
  /// it spans many.
  static func logarithmic(_ low: Double, _ high: Double, target: Int) -> [Double] {
    let first = Int(floor(log10(low) + 1e-9))
    let last = max(first + 1, Int(ceil(log10(high) - 1e-9)))
    let decades = last - first
    let target = max(2, target)
    if decades * 3 + 1 <= target {
      var ticks: [Double] = []
      for e in first...last {
        let base = power(e)
        ticks.append(base)
        if e < last { ticks += [2 * base, 5 * base] }
      }
      return ticks
    }
    let stride = max(1, Int(ceil(Double(decades) / Double(target - 1))))
    let aligned = Int(floor(Double(first) / Double(stride))) * stride
    return Swift.stride(from: aligned, through: last + stride - 1, by: stride).map { power($0) }
      .filter { $0 <= power(last) * 1.000_001 }
  }

  /// A range that has room for ticks: equal ends are spread apart.
  static func widened(_ low: Double, _ high: Double, integers: Bool) -> (Double, Double) {
    guard high - low <= abs(high) * 1e-12 else { return (low, high) }
    if integers || low == 0 { return (low.rounded(.down) - (low == 0 ? 0 : 1), low + 1) }
    let pad = abs(low) * 0.1
    return (low - pad, high + pad)
  }

  /// 10 to the power `exponent`.
  static func power(_ exponent: Int) -> Double {
    pow(10, Double(exponent))
  }
}

/// The extended Wilkinson search: every labelling of `k` ticks `j · q · 10^z` apart is
/// scored on simplicity, coverage, density and legibility, and the loops stop as soon
/// as no later candidate can beat the best one found.
private struct WilkinsonSearch {
  private static let steps: [Double] = [1, 5, 2, 2.5, 4, 3]
  private static let weights = (simplicity: 0.25, coverage: 0.2, density: 0.5, legibility: 0.05)

  let low: Double
  let high: Double
  /// The wanted number of ticks.
  let target: Double
  let integers: Bool
  private var best = -Double.infinity
  /// The best ticks found so far.
  private(set) var ticks: [Double] = []

  init(low: Double, high: Double, target: Double, integers: Bool) {
    (self.low, self.high, self.target, self.integers) = (low, high, target, integers)
  }

  /// Tries skips `j` and steps `q`, then tick counts `k`, while a better score is possible.
  mutating func run() {
    for j in 1...12 {
      for (i, q) in Self.steps.enumerated() {
        let simplicityMax = 2 - Double(i) / 5 - Double(j)
        if score(simplicityMax, 1, 1) < best { break }
        for k in 2...max(2, Int(target) * 4) {
          let densityMax = k >= Int(target) ? 2 - Double(k - 1) / (target - 1) : 1
          if score(simplicityMax, 1, densityMax) < best { break }
          tryPowers(i: i, q: q, j: j, k: k, bound: (simplicityMax, densityMax))
        }
      }
    }
  }

  /// Tries the powers of ten `z` for one `j`, `q`, `k`.
  private mutating func tryPowers(
    i: Int, q: Double, j: Int, k: Int, bound: (simplicity: Double, density: Double)
  ) {
    let delta = (high - low) / Double(k + 1) / Double(j) / q
    var z = Int(ceil(log10(delta)))
    while z < 400 {
      defer { z += 1 }
      let step = Double(j) * q * NiceTicks.power(z)
      let coverageMax = coverageBound(step * Double(k - 1))
      if score(bound.simplicity, coverageMax, bound.density) < best { return }
      if integers, step < 1 || step.rounded() != step { continue }
      guard abs(high / step) < 1e15, abs(low / step) < 1e15 else { continue }
      tryStarts(i: i, q: q, j: j, k: k, z: z)
    }
  }

  /// Tries every first tick that lets `k` ticks cover the data, for one `j`, `q`, `k`, `z`.
  private mutating func tryStarts(i: Int, q: Double, j: Int, k: Int, z: Int) {
    let unit = q * NiceTicks.power(z)
    let step = Double(j) * unit
    let firstStart = Int(floor(high / step)) * j - (k - 1) * j
    let lastStart = Int(ceil(low / step)) * j
    guard firstStart <= lastStart else { return }
    for start in firstStart...lastStart {
      let first = Double(start) * unit
      let last = first + step * Double(k - 1)
      if integers, first > low || last < high { continue }
      let zeroIncluded = start <= 0 && start + (k - 1) * j >= 0 && start % j == 0
      let simplicity = 1 - Double(i) / 5 - Double(j) + (zeroIncluded ? 1 : 0)
      let total = score(simplicity, coverage(first, last), density(k, first, last))
      if total > best {
        best = total
        ticks = (0..<k).map { Self.tick(start + $0 * j, q, z) }
      }
    }
  }

  /// `q · 10^z` times `index`, computed so that decimal ticks come out exact.
  private static func tick(_ index: Int, _ q: Double, _ z: Int) -> Double {
    let scaled = Double(index) * q
    return z >= 0 ? scaled * NiceTicks.power(z) : scaled / NiceTicks.power(-z)
  }

  private func score(_ simplicity: Double, _ coverage: Double, _ density: Double) -> Double {
    Self.weights.simplicity * simplicity + Self.weights.coverage * coverage
      + Self.weights.density * density + Self.weights.legibility
  }

  private func coverage(_ first: Double, _ last: Double) -> Double {
    let range = high - low
    return 1 - 0.5 * (pow(high - last, 2) + pow(low - first, 2)) / pow(0.1 * range, 2)
  }

  private func coverageBound(_ span: Double) -> Double {
    let range = high - low
    guard span > range else { return 1 }
    let half = (span - range) / 2
    return 1 - half * half / pow(0.1 * range, 2)
  }

  private func density(_ k: Int, _ first: Double, _ last: Double) -> Double {
    let r = Double(k - 1) / (last - first)
    let wanted = (target - 1) / (max(last, high) - min(low, first))
    return 2 - max(r / wanted, wanted / r)
  }
}
