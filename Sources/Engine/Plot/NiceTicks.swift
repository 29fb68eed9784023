import Foundation

/// Chooses round-number tick values for an axis.
///
/// Linear axes use the extended Wilkinson search (Talbot, Lin and Hanrahan, 2010): among
/// steps of 1, 5, 2, 2.5, 4 or 3 times a power of ten, pick the labelling that best
/// balances simple numbers, covering the data closely and having about the wanted
/// number of ticks. Log axes put ticks on powers of ten.
enum NiceTicks {
  private static let steps: [Double] = [1, 5, 2, 2.5, 4, 3]
  private static let weights = (simplicity: 0.25, coverage: 0.2, density: 0.5, legibility: 0.05)

  /// About `target` round tick values over `low...high`.
  /// - Parameters:
  ///   - integers: only whole-number steps and ticks, as for counts, and the ticks
  ///     reach past both ends of the data.
  /// - Complexity: bounded by the search limits, independent of the data.
  static func linear(_ low: Double, _ high: Double, target: Int, integers: Bool = false)
    -> [Double]
  {
    let (low, high) = widened(low, high, integers: integers)
    let m = Double(max(2, target))
    var best = -Double.infinity
    var chosen: [Double] = []

    for j in 1...12 {
      for (i, q) in steps.enumerated() {
        let simplicityMax = simplicityBound(i, j)
        if score(simplicityMax, 1, 1) < best { break }
        for k in 2...max(2, Int(m) * 4) {
          let densityMax = k >= Int(m) ? 2 - Double(k - 1) / (m - 1) : 1
          if score(simplicityMax, 1, densityMax) < best { break }
          let delta = (high - low) / Double(k + 1) / Double(j) / q
          var z = Int(ceil(log10(delta)))
          while z < 400 {
            let unit = q * power(z)
            let step = Double(j) * unit
            let coverageMax = coverageBound(low, high, step * Double(k - 1))
            if score(simplicityMax, coverageMax, densityMax) < best { break }
            if integers, step < 1 || step.rounded() != step {
              z += 1
              continue
            }
            guard abs(high / step) < 1e15, abs(low / step) < 1e15 else {
              z += 1
              continue
            }
            let firstStart = Int(floor(high / step)) * j - (k - 1) * j
            let lastStart = Int(ceil(low / step)) * j
            if firstStart <= lastStart {
              for start in firstStart...lastStart {
                let first = Double(start) * unit
                let last = first + step * Double(k - 1)
                if integers, first > low || last < high { continue }
                let zeroIncluded = start <= 0 && start + (k - 1) * j >= 0 && start % j == 0
                let simplicity = 1 - Double(i) / 5 - Double(j) + (zeroIncluded ? 1 : 0)
                let coverage = coverage(low, high, first, last)
                let density = density(k, m, low, high, first, last)
                let total = score(simplicity, coverage, density)
                if total > best {
                  best = total
                  chosen = (0..<k).map { tick(start + $0 * j, q, z) }
                }
              }
            }
            z += 1
          }
        }
      }
    }
    return chosen.isEmpty ? [low, high] : chosen
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

  /// `q · 10^z` times `index`, computed so that decimal ticks come out exact.
  private static func tick(_ index: Int, _ q: Double, _ z: Int) -> Double {
    let scaled = Double(index) * q
    return z >= 0 ? scaled * power(z) : scaled / power(-z)
  }

  static func power(_ exponent: Int) -> Double {
    pow(10, Double(exponent))
  }

  private static func score(_ simplicity: Double, _ coverage: Double, _ density: Double)
    -> Double
  {
    weights.simplicity * simplicity + weights.coverage * coverage + weights.density * density
      + weights.legibility
  }

  private static func simplicityBound(_ i: Int, _ j: Int) -> Double {
    2 - Double(i) / 5 - Double(j)
  }

  private static func coverage(_ low: Double, _ high: Double, _ first: Double, _ last: Double)
    -> Double
  {
    let range = high - low
    return 1 - 0.5 * (pow(high - last, 2) + pow(low - first, 2)) / pow(0.1 * range, 2)
  }

  private static func coverageBound(_ low: Double, _ high: Double, _ span: Double) -> Double {
    let range = high - low
    guard span > range else { return 1 }
    let half = (span - range) / 2
    return 1 - half * half / pow(0.1 * range, 2)
  }

  private static func density(
    _ k: Int, _ m: Double, _ low: Double, _ high: Double, _ first: Double, _ last: Double
  ) -> Double {
    let r = Double(k - 1) / (last - first)
    let wanted = (m - 1) / (max(last, high) - min(low, first))
    return 2 - max(r / wanted, wanted / r)
  }
}
