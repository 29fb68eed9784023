/// A step between time ticks or the width of a time bin: a count of one calendar unit.
///
/// Steps up to a week have a fixed length and line up with the epoch (weeks start on
/// Monday); months and years follow the calendar. Everything is UTC.
struct TimeStep: Sendable, Equatable {
  enum Unit: Int, Sendable, Comparable {
    case millisecond, second, minute, hour, day, week, month, year

    static func < (a: Unit, b: Unit) -> Bool { a.rawValue < b.rawValue }

    /// The unit's length in nanoseconds (months and years on average).
    var nanos: Int64 {
      switch self {
      case .millisecond: return 1_000_000
      case .second: return Timestamp.nanosPerSecond
      case .minute: return 60 * Timestamp.nanosPerSecond
      case .hour: return 3600 * Timestamp.nanosPerSecond
      case .day: return Timestamp.nanosPerDay
      case .week: return 7 * Timestamp.nanosPerDay
      case .month: return 2_629_746 * Timestamp.nanosPerSecond
      case .year: return 31_556_952 * Timestamp.nanosPerSecond
      }
    }

    var symbol: String {
      switch self {
      case .millisecond: return "ms"
      case .second: return "s"
      case .minute: return "m"
      case .hour: return "h"
      case .day: return "d"
      case .week: return "w"
      case .month: return "mo"
      case .year: return "y"
      }
    }
  }

  let unit: Unit
  let count: Int

  /// Every step tried for an axis, shortest first.
  static let ladder: [TimeStep] =
    [1, 2, 5, 10, 20, 50, 100, 200, 500].map { TimeStep(unit: .millisecond, count: $0) }
    + [1, 2, 5, 10, 15, 30].map { TimeStep(unit: .second, count: $0) }
    + [1, 2, 5, 10, 15, 30].map { TimeStep(unit: .minute, count: $0) }
    + [1, 2, 3, 6, 12].map { TimeStep(unit: .hour, count: $0) }
    + [1, 2].map { TimeStep(unit: .day, count: $0) }
    + [TimeStep(unit: .week, count: 1)]
    + [1, 3, 6].map { TimeStep(unit: .month, count: $0) }
    + [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].map { TimeStep(unit: .year, count: $0) }

  /// The step's length in nanoseconds; exact for fixed steps, an average for months and
  /// years (as a Double, since a thousand years do not fit in Int64 nanoseconds).
  var length: Double { Double(unit.nanos) * Double(count) }

  /// The length of a fixed step in nanoseconds.
  var nanos: Int64 { isFixed ? unit.nanos * Int64(count) : Int64(min(length, 9e18)) }

  /// Whether every step has the same length, so that bins can use it.
  var isFixed: Bool { unit <= .week }

  /// `15m`, `1h`, `2d`.
  var text: String { "\(count)\(unit.symbol)" }

  /// The tick times inside `range`, or `nil` when there would be more than `limit`.
  func ticks(in range: ClosedRange<Int64>, limit: Int) -> [Int64]? {
    let span = Double(range.upperBound) - Double(range.lowerBound)
    guard span / length <= Double(limit) + 1 else { return nil }
    var ticks: [Int64] = []
    var t = firstTick(atOrAfter: range.lowerBound)
    while t <= range.upperBound, t != .max {
      ticks.append(t)
      if ticks.count > limit { return nil }
      t = next(after: t)
    }
    return ticks
  }

  /// The start of the step that contains `t` (`Int64.min` before the first
  /// representable time).
  func floor(_ t: Int64) -> Int64 {
    switch unit {
    case .month, .year:
      let f = Timestamp.fields(t)
      let (year, month) = alignedMonth(f.year, f.month)
      guard year > TimeStep.firstYear else { return .min }
      return Timestamp.nanos(year: year, month: month, day: 1)
    default:
      let offset = unit == .week ? 4 * Timestamp.nanosPerDay : 0
      let shifted = t - offset
      var start = shifted / nanos * nanos
      if start > shifted { start -= nanos }
      return start + offset
    }
  }

  /// The first tick at or after `t`.
  func firstTick(atOrAfter t: Int64) -> Int64 {
    guard !isFixed else {
      let start = floor(t)
      return start == t ? t : next(after: start)
    }
    let f = Timestamp.fields(t)
    let (year, month) = alignedMonth(f.year, f.month)
    let midnight = f.hour == 0 && f.minute == 0 && f.second == 0 && f.nanosecond == 0
    if year == f.year, month == f.month, f.day == 1, midnight { return t }
    let months = month - 1 + (unit == .month ? count : 12 * count)
    guard year + months / 12 < TimeStep.lastYear else { return .max }
    return Timestamp.nanos(year: year + months / 12, month: months % 12 + 1, day: 1)
  }

  /// The tick one step after the tick `t`; `Int64.max` past the last representable time.
  func next(after t: Int64) -> Int64 {
    switch unit {
    case .month, .year:
      let f = Timestamp.fields(t)
      let months = f.month - 1 + (unit == .month ? count : 12 * count)
      let year = f.year + months / 12
      guard year < TimeStep.lastYear else { return .max }
      return Timestamp.nanos(year: year, month: months % 12 + 1, day: 1)
    default:
      let (sum, overflow) = t.addingReportingOverflow(nanos)
      return overflow ? .max : sum
    }
  }

  /// Years from `lastYear` on, or up to `firstYear`, lie outside Int64 nanoseconds
  /// since 1970.
  private static let lastYear = 2262
  private static let firstYear = 1677

  /// The year and month at or before `(year, month)` where a step may start.
  private func alignedMonth(_ year: Int, _ month: Int) -> (Int, Int) {
    if unit == .year {
      let y = year >= 0 ? year / count * count : -((-year + count - 1) / count * count)
      return (y, 1)
    }
    return (year, (month - 1) / count * count + 1)
  }
}
