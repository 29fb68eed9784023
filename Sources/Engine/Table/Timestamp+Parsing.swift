/// Reading timestamps from text.
///
/// Accepted forms (all read as UTC unless an offset is given):
///
/// - ISO 8601 dates, with or without a time: `2019-01-15`, `2019-01-15 05:24:24.010`,
///   `2019-01-15T05:24:24Z`, `2019-01-15T05:24:24.123456789+02:00`. The time may omit
///   seconds; the fraction has 1 to 9 digits (`.` or `,`); the offset is `Z`, `±HH:MM`,
///   `±HHMM` or `±HH`, optionally after one space.
/// - US dates: `7/8/2019`, `7/8/2019 16:08`, `7/8/2019 4:08:59 PM`.
///
/// Years must lie in 1678...2261, the range of nanoseconds in an `Int64`.
extension Timestamp {
  /// The instant written in `bytes`, in nanoseconds since the epoch (UTC), or `nil` when
  /// the bytes are not one of the accepted forms or name no real date and time.
  /// - Complexity: O(bytes.count)
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    var scanner = TimestampScanner(bytes)
    guard let nanos = scanner.scanTimestamp(), scanner.isAtEnd else { return nil }
    return nanos
  }

  /// The instant written in `text`, in nanoseconds since the epoch (UTC), or `nil`.
  /// - Complexity: O(text.utf8.count)
  public static func parse(_ text: String) -> Int64? {
    var text = text
    return text.withUTF8 { parse($0) }
  }

  /// The number of days in `month` of `year` (Gregorian calendar).
  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2:
      let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

/// Reads the parts of a timestamp from left to right.
private struct TimestampScanner {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  var isAtEnd: Bool { position == bytes.count }

  private var next: UInt8? { position < bytes.count ? bytes[position] : nil }

  /// A date in either form, then an optional time and offset.
  mutating func scanTimestamp() -> Int64? {
    guard let first = bytes.first, isDigit(first) else { return nil }
    let isUSForm = bytes.prefix(3).contains(UInt8(ascii: "/"))
    guard let date = isUSForm ? scanUSDate() : scanISODate() else { return nil }
    guard isValid(date) else { return nil }
    let days = Timestamp.days(year: date.year, month: date.month, day: date.day)
    guard !isAtEnd else { return days * Timestamp.nanosPerDay }

    guard tryEat(UInt8(ascii: " ")) || (!isUSForm && (tryEat("T") || tryEat("t"))) else {
      return nil
    }
    guard let time = scanTime() else { return nil }
    var nanos = days * Timestamp.nanosPerDay + time

    if isUSForm {
      guard let adjusted = scanMeridiem(nanos: nanos, dayStart: days * Timestamp.nanosPerDay)
      else { return nil }
      nanos = adjusted
    }
    guard let offset = scanOffset() else { return nil }
    return nanos - offset
  }

  /// `YYYY-MM-DD` with one- or two-digit month and day.
  private mutating func scanISODate() -> (year: Int, month: Int, day: Int)? {
    guard let year = digits(4...4), tryEat("-"), let month = digits(1...2), tryEat("-"),
      let day = digits(1...2)
    else { return nil }
    return (year, month, day)
  }

  /// `M/D/YYYY` with one- or two-digit month and day.
  private mutating func scanUSDate() -> (year: Int, month: Int, day: Int)? {
    guard let month = digits(1...2), tryEat("/"), let day = digits(1...2), tryEat("/"),
      let year = digits(4...4)
    else { return nil }
    return (year, month, day)
  }

  private func isValid(_ date: (year: Int, month: Int, day: Int)) -> Bool {
    guard (1678...2261).contains(date.year), (1...12).contains(date.month) else { return false }
    return (1...Timestamp.daysInMonth(year: date.year, month: date.month)).contains(date.day)
  }

  /// `H:MM[:SS[.fraction]]` as nanoseconds since midnight.
  private mutating func scanTime() -> Int64? {
    guard let hour = digits(1...2), hour < 24, tryEat(":"), let minute = digits(2...2),
      minute < 60
    else { return nil }
    var second = 0
    var fraction: Int64 = 0
    if tryEat(":") {
      guard let s = digits(2...2), s < 60 else { return nil }
      second = s
      if tryEat(".") || tryEat(",") {
        guard let f = scanFraction() else { return nil }
        fraction = f
      }
    }
    return Int64(hour * 3600 + minute * 60 + second) * Timestamp.nanosPerSecond + fraction
  }

  /// 1 to 9 fraction digits as nanoseconds.
  private mutating func scanFraction() -> Int64? {
    var value: Int64 = 0
    var count = 0
    while let byte = next, isDigit(byte) {
      guard count < 9 else { return nil }
      value = value * 10 + Int64(byte &- 48)
      count += 1
      position += 1
    }
    guard count > 0 else { return nil }
    for _ in count..<9 { value *= 10 }
    return value
  }

  /// An optional ` AM` / ` PM` after a US time; the hour must then be 1...12.
  private mutating func scanMeridiem(nanos: Int64, dayStart: Int64) -> Int64? {
    let saved = position
    _ = tryEat(" ")
    let isPM: Bool
    if tryEat("P") || tryEat("p") {
      isPM = true
    } else if tryEat("A") || tryEat("a") {
      isPM = false
    } else {
      position = saved
      return nanos
    }
    guard tryEat("M") || tryEat("m") else { return nil }

    let hourNanos = 3600 * Timestamp.nanosPerSecond
    let hour = (nanos - dayStart) / hourNanos
    guard (1...12).contains(hour) else { return nil }
    let hour24 = (hour % 12) + (isPM ? 12 : 0)
    return nanos + (hour24 - hour) * hourNanos
  }

  /// An optional UTC offset, returned in nanoseconds (0 when there is none).
  private mutating func scanOffset() -> Int64? {
    if isAtEnd { return 0 }
    _ = tryEat(" ")
    if tryEat("Z") || tryEat("z") { return 0 }

    let sign: Int64
    if tryEat("+") {
      sign = 1
    } else if tryEat("-") {
      sign = -1
    } else {
      return nil
    }
    guard let hours = fixedDigits(2), hours <= 23 else { return nil }
    var minutes = 0
    if !isAtEnd {
      _ = tryEat(":")
      guard let m = fixedDigits(2), m < 60 else { return nil }
      minutes = m
    }
    return sign * Int64(hours * 3600 + minutes * 60) * Timestamp.nanosPerSecond
  }

  /// A run of decimal digits whose length lies in `lengths`.
  private mutating func digits(_ lengths: ClosedRange<Int>) -> Int? {
    var value = 0
    var count = 0
    while count < lengths.upperBound, let byte = next, isDigit(byte) {
      value = value * 10 + Int(byte &- 48)
      count += 1
      position += 1
    }
    if let byte = next, isDigit(byte) { return nil }
    return count >= lengths.lowerBound ? value : nil
  }

  /// Exactly `count` decimal digits, whatever follows them.
  private mutating func fixedDigits(_ count: Int) -> Int? {
    var value = 0
    for _ in 0..<count {
      guard let byte = next, isDigit(byte) else { return nil }
      value = value * 10 + Int(byte &- 48)
      position += 1
    }
    return value
  }

  private mutating func tryEat(_ byte: UInt8) -> Bool {
    guard next == byte else { return false }
    position += 1
    return true
  }

  private mutating func tryEat(_ character: Unicode.Scalar) -> Bool {
    tryEat(UInt8(ascii: character))
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte &- 48 < 10
  }
}
