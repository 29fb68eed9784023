extension TimeStep {
  private static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// The text under a tick at `t`: as much of the time as the step needs.
  func label(_ t: Int64) -> String {
    let f = Timestamp.fields(t)
    let clock = "\(pad(f.hour)):\(pad(f.minute))"
    switch unit {
    case .millisecond:
      let millis = String(f.nanosecond / 1_000_000)
      let fraction = String(repeating: "0", count: 3 - millis.count) + millis
      return "\(clock):\(pad(f.second)).\(fraction)"
    case .second: return "\(clock):\(pad(f.second))"
    case .minute, .hour: return clock
    case .day, .week: return "\(Self.monthNames[f.month - 1]) \(f.day)"
    case .month: return Self.monthNames[f.month - 1]
    case .year: return String(f.year)
    }
  }

  /// The part of the date that the labels leave out (the day, or the year), shown
  /// once under the first tick and again wherever it changes; `nil` for years.
  func context(_ t: Int64) -> String? {
    let f = Timestamp.fields(t)
    switch unit {
    case .millisecond, .second, .minute, .hour:
      return "\(f.year)-\(pad(f.month))-\(pad(f.day))"
    case .day, .week, .month:
      return String(f.year)
    case .year:
      return nil
    }
  }

  /// A duration in nanoseconds as the largest whole unit: `90s`, `15m`, `2h`, `3d`.
  static func durationText(_ nanos: Int64) -> String {
    let units: [Unit] = [.day, .hour, .minute, .second, .millisecond]
    for unit in units where nanos % unit.nanos == 0 {
      return "\(nanos / unit.nanos)\(unit.symbol)"
    }
    return "\(nanos)ns"
  }

  private func pad(_ n: Int) -> String {
    n < 10 ? "0\(n)" : String(n)
  }
}
