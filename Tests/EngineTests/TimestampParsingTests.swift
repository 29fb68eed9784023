import Engine
import Testing

@Suite("Timestamp parsing")
struct TimestampParsingTests {
  private static let base = Timestamp.nanos(
    year: 2019, month: 1, day: 15, hour: 5, minute: 24, second: 24)

  @Test(arguments: [
    ("2019-01-15 05:24:24", base),
    ("2019-01-15T05:24:24", base),
    ("2019-01-15t05:24:24", base),
    ("2019-01-15 05:24:24.010", base + 10_000_000),
    ("2019-01-15 05:24:24,5", base + 500_000_000),
    ("2019-01-15T05:24:24.123456789Z", base + 123_456_789),
    ("2019-01-15T05:24:24.000001Z", base + 1_000),
    ("2019-01-15T05:24:24+00:00", base),
    ("2019-01-15T07:24:24+02:00", base),
    ("2019-01-15T07:54:24+0230", base),
    ("2019-01-15T03:24:24-02", base),
    ("2019-01-15 05:24:24 +00:00", base),
    ("2019-01-15 05:24", base - 24_000_000_000),
    ("2019-1-5", Timestamp.nanos(year: 2019, month: 1, day: 5)),
    ("2019-01-15", Timestamp.nanos(year: 2019, month: 1, day: 15)),
    ("1/15/2019 5:24:24", base),
    ("01/15/2019 05:24:24", base),
    ("7/8/2019 16:08", Timestamp.nanos(year: 2019, month: 7, day: 8, hour: 16, minute: 8)),
    ("7/8/2019 4:08 PM", Timestamp.nanos(year: 2019, month: 7, day: 8, hour: 16, minute: 8)),
    ("7/8/2019 12:08:01 am", Timestamp.nanos(year: 2019, month: 7, day: 8, minute: 8, second: 1)),
    ("7/8/2019", Timestamp.nanos(year: 2019, month: 7, day: 8)),
    ("2020-02-29 00:00:00", Timestamp.nanos(year: 2020, month: 2, day: 29)),
    ("1969-12-31 23:59:59", -1_000_000_000),
  ])
  func acceptedFormsGiveTheirInstant(text: String, expected: Int64) {
    #expect(Timestamp.parse(text) == expected)
  }

  @Test(arguments: [
    "", "2019", "2019-01", "2019-13-01", "2019-02-29", "2019-01-32", "2019-01-15 24:00",
    "2019-01-15 05:60", "2019-01-15 05:24:60", "2019-01-15 05:24:24.",
    "2019-01-15 05:24:24.1234567890",
    "2019-01-15T05:24:24+25:00", "2019-01-15 ", "2019-01-15 05:24:24 extra", "19-01-15",
    "0x3e7", "1234", "13/1/2019", "7/8/19", "7/8/2019 13:00 PM", "1500-01-01", "2300-01-01",
    "2019-01-15 5:24:24x",
  ])
  func malformedTextIsRejected(text: String) {
    #expect(Timestamp.parse(text) == nil)
  }

  @Test func formatReadsBack() {
    let instant = Self.base + 123_456_000
    #expect(Timestamp.parse(Timestamp.format(instant)) == instant)
  }
}
