import Testing

@testable import Engine

@Suite("plot axes")
struct PlotAxisTests {
  @Test(arguments: [
    (0.0001, 0.0003, ["0.00010", "0.00015", "0.00020", "0.00025", "0.00030"]),
    (0.0, 100.0, ["0", "20", "40", "60", "80", "100"]),
    (-11.3, 20.7, ["-10", "-5", "0", "5", "10", "15", "20"]),
    (0.5, 0.75, ["0.50", "0.55", "0.60", "0.65", "0.70", "0.75"]),
    (12345.0, 12378.0, ["12345", "12350", "12355", "12360", "12365", "12370", "12375", "12380"]),
    (0.0, 2_500_000.0, ["0", "0.5M", "1.0M", "1.5M", "2.0M", "2.5M"]),
  ])
  func linearTicksAreRoundAndShareTheirDecimals(low: Double, high: Double, labels: [String]) {
    let ticks = NiceTicks.linear(low, high, target: 6)
    #expect(NumberText.axisLabels(ticks) == labels)
  }

  @Test func countTicksAreWholeAndReachPastTheTallestBar() {
    #expect(NiceTicks.linear(0, 3, target: 6, integers: true) == [0, 1, 2, 3])
    let ticks = NiceTicks.linear(0, 93, target: 5, integers: true)
    #expect(ticks.allSatisfy { $0 == $0.rounded() })
    #expect(ticks.first == 0 && (ticks.last ?? 0) >= 93)
  }

  @Test func largeCountsUseSuffixes() {
    #expect(NumberText.axisLabels([0, 10_000, 20_000, 30_000]) == ["0", "10k", "20k", "30k"])
    #expect(NumberText.axisLabels([0, 2500, 5000, 7500]) == ["0", "2500", "5000", "7500"])
  }

  @Test func logTicksFallOnPowersOfTen() {
    let decades = NiceTicks.logarithmic(1, 1_000_000, target: 7).map(NumberText.logLabel)
    #expect(decades == ["1", "10", "100", "1000", "10k", "100k", "1M"])
    let narrow = NiceTicks.logarithmic(3, 70, target: 8).map(NumberText.logLabel)
    #expect(narrow == ["1", "2", "5", "10", "20", "50", "100"])
  }

  @Test func aThreeDaySpanIsLabelledInHoursWithTheDateWhereItChanges() {
    let start = Timestamp.nanos(year: 2019, month: 1, day: 14, hour: 3, minute: 12)
    let end = start + 3 * Timestamp.nanosPerDay
    let row = LabelRow(leftRoom: 5, length: 70, rightRoom: 5)
    let scale = Scale.time(
      data: Double(start)...Double(end), row: row, placement: .points(dotsPerCell: 2))
    #expect(scale.ticks.map(\.label) == ["12:00", "00:00", "12:00", "00:00", "12:00", "00:00"])
    #expect(
      scale.ticks.compactMap(\.context) == [
        "2019-01-14", "2019-01-15", "2019-01-16", "2019-01-17",
      ])
  }

  @Test func aNinetySecondSpanIsLabelledInSeconds() {
    let start = Timestamp.nanos(year: 2019, month: 1, day: 15, hour: 5, minute: 24, second: 10)
    let end = start + 90 * Timestamp.nanosPerSecond
    let row = LabelRow(leftRoom: 5, length: 70, rightRoom: 5)
    let scale = Scale.time(
      data: Double(start)...Double(end), row: row, placement: .points(dotsPerCell: 2))
    #expect(
      scale.ticks.map(\.label) == [
        "05:24:15", "05:24:30", "05:24:45", "05:25:00", "05:25:15", "05:25:30",
      ])
    #expect(scale.ticks.compactMap(\.context) == ["2019-01-15"])
  }

  @Test func monthTicksFollowTheCalendar() {
    let step = TimeStep(unit: .month, count: 3)
    let start = Timestamp.nanos(year: 2018, month: 11, day: 20)
    let end = Timestamp.nanos(year: 2019, month: 11, day: 1)
    let ticks = step.ticks(in: start...end, limit: 10) ?? []
    #expect(ticks.map(step.label) == ["Jan", "Apr", "Jul", "Oct"])
    #expect(ticks.first == Timestamp.nanos(year: 2019, month: 1, day: 1))
  }

  @Test func weeksStartOnMonday() {
    let step = TimeStep(unit: .week, count: 1)
    let wednesday = Timestamp.nanos(year: 2019, month: 1, day: 16, hour: 13)
    #expect(step.floor(wednesday) == Timestamp.nanos(year: 2019, month: 1, day: 14))
  }

  @Test func durationsUseTheLargestWholeUnit() {
    #expect(TimeStep.durationText(90 * Timestamp.nanosPerSecond) == "90s")
    #expect(TimeStep.durationText(2 * 3600 * Timestamp.nanosPerSecond) == "2h")
    #expect(TimeStep.durationText(Timestamp.nanosPerDay) == "1d")
    #expect(TimeStep.durationText(1_500_000) == "1500000ns")
  }
}
