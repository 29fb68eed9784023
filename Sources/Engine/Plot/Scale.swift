import Foundation

/// How data values map onto one axis of a chart, and the labelled ticks on it.
struct Scale: Sendable {
  enum Mapping: Sendable {
    case linear
    /// Base-10 logarithmic; every value must be above zero.
    case log
    /// Linear over nanoseconds since the epoch, labelled with UTC times.
    case time
  }

  struct Tick: Sendable, Equatable {
    var value: Double
    var label: String
    /// For time axes: the date (or year) the label leaves out, where it changes.
    var context: String?
  }

  /// How values map to the character cells of an axis.
  enum Placement: Sendable {
    /// Values are points drawn on a grid of `dotsPerCell` dots per cell, the lowest
    /// value in the first cell and the highest in the last.
    case points(dotsPerCell: Int)
    /// Values are the boundaries of bars a whole number of cells wide: the lowest value
    /// falls on the axis line itself (cell -1) and the highest on the last cell.
    case edges
  }

  let mapping: Mapping
  let low: Double
  let high: Double
  let ticks: [Tick]

  /// Where `v` falls between `low` (0) and `high` (1).
  func fraction(_ v: Double) -> Double {
    guard high > low else { return 0 }
    switch mapping {
    case .log: return (log10(v) - log10(low)) / (log10(high) - log10(low))
    case .linear, .time: return (v - low) / (high - low)
    }
  }

  /// The nearest of `count` evenly spaced slots (0 at `low`) for `v`.
  func slot(_ v: Double, of count: Int) -> Int {
    let raw = (fraction(v) * Double(count - 1)).rounded()
    return Int(min(max(raw, 0), Double(max(count - 1, 0))))
  }

  /// The cell of `v` on an axis `cells` long, counted from the axis line; -1 is the
  /// axis line itself.
  func cell(_ v: Double, cells: Int, placement: Placement) -> Int {
    switch placement {
    case .points(let dots):
      return slot(v, of: cells * dots) / dots
    case .edges:
      return slot(v, of: cells + 1) - 1
    }
  }

  /// The value at `fraction` of the way from `low` to `high`.
  func value(at fraction: Double) -> Double {
    switch mapping {
    case .log: return pow(10, log10(low) + fraction * (log10(high) - log10(low)))
    case .linear, .time: return low + fraction * (high - low)
    }
  }
}

extension Scale.Placement {
  /// Whether values are bar boundaries rather than points.
  var isEdges: Bool {
    if case .edges = self { return true }
    return false
  }
}
