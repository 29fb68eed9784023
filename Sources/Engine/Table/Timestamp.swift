/// Calendar arithmetic for timestamps stored as nanoseconds since the epoch (UTC).
public enum Timestamp {
  /// Nanoseconds in one second.
  public static let nanosPerSecond: Int64 = 1_000_000_000
  /// Nanoseconds in one day (no leap seconds, as in Unix time).
  public static let nanosPerDay: Int64 = 86_400 * nanosPerSecond

  /// Days since 1970-01-01 for a proleptic Gregorian date.
  public static func days(year: Int, month: Int, day: Int) -> Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let m = Int64(month)
    let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date of a day number (inverse of `days(year:month:day:)`).
  public static func civil(days z0: Int64) -> (year: Int, month: Int, day: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (Int(year), Int(month), Int(day))
  }

  /// Nanoseconds since the epoch for a UTC date and time.
  public static func nanos(
    year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
    nanosecond: Int64 = 0
  ) -> Int64 {
    let seconds = Int64(hour * 3600 + minute * 60 + second)
    return days(year: year, month: month, day: day) * nanosPerDay + seconds * nanosPerSecond
      + nanosecond
  }

  /// Splits a timestamp into UTC fields.
  public static func fields(_ nanos: Int64) -> (
    year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int64
  ) {
    var dayNumber = nanos / nanosPerDay
    var rest = nanos % nanosPerDay
    if rest < 0 {
      rest += nanosPerDay
      dayNumber -= 1
    }
    let date = civil(days: dayNumber)
    let seconds = Int(rest / nanosPerSecond)
    return (
      date.year, date.month, date.day, seconds / 3600, seconds / 60 % 60, seconds % 60,
      rest % nanosPerSecond
    )
  }

  /// `2019-01-15 05:24:24.010`: the fraction is shown to the precision the value needs
  /// (none, milli-, micro- or nanoseconds).
  public static func format(_ nanos: Int64) -> String {
    format(nanos, fractionDigits: fractionDigits(nanos))
  }

  /// How many fraction digits (0, 3, 6 or 9) show `nanos` exactly.
  public static func fractionDigits(_ nanos: Int64) -> Int {
    let fraction = fields(nanos).nanosecond
    if fraction == 0 { return 0 }
    if fraction % 1_000_000 == 0 { return 3 }
    return fraction % 1000 == 0 ? 6 : 9
  }

  /// The timestamp with exactly `digits` fraction digits (0, 3, 6 or 9; others round up
  /// to the next of those), so that a column's values line up.
  public static func format(_ nanos: Int64, fractionDigits digits: Int) -> String {
    let f = fields(nanos)
    let text =
      "\(pad(f.year, 4))-\(pad(f.month, 2))-\(pad(f.day, 2)) "
      + "\(pad(f.hour, 2)):\(pad(f.minute, 2)):\(pad(f.second, 2))"
    switch digits {
    case ...0: return text
    case 1...3: return text + "." + pad(Int(f.nanosecond / 1_000_000), 3)
    case 4...6: return text + "." + pad(Int(f.nanosecond / 1000), 6)
    default: return text + "." + pad(Int(f.nanosecond), 9)
    }
  }

  private static func pad(_ n: Int, _ width: Int) -> String {
    let digits = String(n)
    return digits.count >= width
      ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}
