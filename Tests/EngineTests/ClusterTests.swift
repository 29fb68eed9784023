import Engine
import Testing

@Suite struct ClusterTests {
  private static let minute = 60 * Timestamp.nanosPerSecond
  private static let start = Timestamp.nanos(year: 2019, month: 1, day: 15, hour: 5)

  /// Eight events on one axis: a cluster at 1 (rows 1, 3, 6), noise at 50 (row 0) and
  /// 90 (row 5), a cluster at 20 (rows 2, 4, 7). Row i happened i minutes after the
  /// start, except row 6, which is the earliest.
  private static func events() -> Table {
    let score: [Int64] = [50, 1, 20, 1, 20, 90, 1, 20]
    var times = (0..<8).map { start + Int64($0) * minute }
    times[6] = start - 30 * minute
    return Table(
      columnNames: ["Name", "Score", "TimeGenerated"],
      columns: [
        Column(.string(StringStorage((0..<8).map { "row\($0)" }))), Column(.int(score)),
        Column(.timestamp(times)),
      ])
  }

  private static let options = ClusterOptions(columns: ["Score"], eps: 0.5, normalize: false)

  @Test func exemplarsListNoiseFirstThenOneRowPerClusterInIdOrder() throws {
    let result = try Clusterer.cluster(Self.events(), options: Self.options)

    #expect(
      try result.column("Name") == Column(.string(StringStorage(["row0", "row5", "row1", "row2"]))))
    #expect(try result.column("ClusterId") == Column(.int([-1, -1, 0, 1])))
    #expect(try result.column("ClusterSize") == Column(.int([1, 1, 3, 3])))
    #expect(try result.column("Clustered") == Column(.bool([false, false, true, true])))
    #expect(
      result.columnNames == [
        "Name", "Score", "TimeGenerated", "ClusterId", "ClusterSize", "Clustered",
        "FirstEventTime", "LastEventTime",
      ])
  }

  @Test func exemplarTakesItsClustersFirstTimeAndNoiseKeepsItsOwn() throws {
    let result = try Clusterer.cluster(Self.events(), options: Self.options)
    let at = { (offset: Int64) in Value.timestamp(Self.start + offset * Self.minute) }

    #expect(
      try result.column("TimeGenerated").gather([0, 1, 2, 3])
        == Column(type: .timestamp, cells: [at(0), at(5), at(-30), at(2)]))
    #expect(
      try result.column("FirstEventTime")
        == Column(type: .timestamp, cells: [at(0), at(5), at(-30), at(2)]))
    #expect(
      try result.column("LastEventTime")
        == Column(type: .timestamp, cells: [at(0), at(5), at(3), at(7)]))
  }

  @Test func keepAllLabelsEveryRowInItsOrder() throws {
    var options = Self.options
    options.keep = .all
    let result = try Clusterer.cluster(Self.events(), options: options)

    #expect(try result.column("Name") == Self.events().column("Name"))
    #expect(try result.column("ClusterId") == Column(.int([-1, 0, 1, 0, 1, -1, 0, 1])))
    #expect(try result.column("ClusterSize") == Column(.int([1, 3, 3, 3, 3, 1, 3, 3])))
    #expect(result.columnCount == 6)
  }

  @Test func withoutATimeColumnNoTimesAreAdded() throws {
    var table = Self.events()
    table.removeColumn("TimeGenerated")
    let result = try Clusterer.cluster(table, options: Self.options)
    #expect(result.columnNames == ["Name", "Score", "ClusterId", "ClusterSize", "Clustered"])
  }

  @Test func namedTimeColumnIsUsedInsteadOfTimeGenerated() throws {
    var table = Self.events()
    table.setColumn("Other", Column(.timestamp((0..<8).map { Int64($0) })))
    var options = Self.options
    options.timeColumn = "Other"
    let result = try Clusterer.cluster(table, options: options)
    #expect(try result.column("LastEventTime") == Column(.timestamp([0, 5, 6, 7])))
    #expect(try result.column("Other") == Column(.timestamp([0, 5, 1, 2])))
  }

  @Test func emptyTableGivesEmptyResultWithTheAddedColumns() throws {
    let empty = Self.events().prefix(0)
    let result = try Clusterer.cluster(empty, options: Self.options)
    #expect(result.rowCount == 0)
    #expect(
      result.columnNames.suffix(5) == [
        "ClusterId", "ClusterSize", "Clustered", "FirstEventTime", "LastEventTime",
      ])
  }

  @Test func booleansClusterAsZeroAndOne() throws {
    let table = Table(
      columnNames: ["Flag", "Count"],
      columns: [Column(.bool([true, false, true])), Column(.float([1, 1, 1]))])
    let options = ClusterOptions(
      columns: ["Flag", "Count"], eps: 0.1, normalize: false, keep: .all)
    let result = try Clusterer.cluster(table, options: options)
    #expect(try result.column("ClusterId") == Column(.int([0, -1, 0])))
  }

  @Test func normalisationScalesRowsToUnitLength() {
    let points = FeatureMatrix(rows: [[3, 4], [0, 0], [1e-20, 0], [-2, 0]], dimensions: 2)
    #expect(points.normalizedRows().values == [0.6, 0.8, 0, 0, 1e-20, 0, -1, 0])
  }

  @Test func normalisedRowsClusterByDirection() throws {
    let table = Table(
      columnNames: ["X", "Y"],
      columns: [Column(.int([1, 100, 0, 3])), Column(.int([1, 100, 0, 4]))])
    let options = ClusterOptions(columns: ["X", "Y"], eps: 0.001, keep: .all)
    #expect(
      try Clusterer.cluster(table, options: options).column("ClusterId")
        == Column(.int([0, 0, -1, -1])))
  }

  @Test func unknownColumnSuggestsTheClosestName() {
    let options = ClusterOptions(columns: ["Scor"])
    #expect(throws: ClusterError.column(.unknown("Scor", suggestions: ["Score"]))) {
      try Clusterer.cluster(Self.events(), options: options)
    }
  }

  @Test(arguments: ["Name", "TimeGenerated"])
  func nonNumericColumnIsRejectedWithItsType(column: String) throws {
    let table = Self.events()
    let type = try table.column(column).type
    #expect(throws: ClusterError.notNumeric(column, found: type)) {
      try Clusterer.cluster(table, options: ClusterOptions(columns: ["Score", column]))
    }
  }

  @Test func nullsInAClusterColumnAreCountedAndExplained() {
    let table = Table(
      columnNames: ["X"], columns: [Column(type: .int, cells: [.int(1), .null, .null])])
    let error = ClusterError.nullValues("X", count: 2)
    #expect(throws: error) { try Clusterer.cluster(table, options: ClusterOptions(columns: ["X"])) }
    #expect(error.description.contains("where isnotnull(X)"))
  }

  @Test func infiniteValuesAreRejected() {
    let table = Table(columnNames: ["X"], columns: [Column(.float([1, .infinity, .nan]))])
    #expect(throws: ClusterError.nonFiniteValues("X", count: 2)) {
      try Clusterer.cluster(table, options: ClusterOptions(columns: ["X"]))
    }
  }

  @Test(
    arguments: [
      (ClusterOptions(columns: ["Score"], eps: 0), ClusterError.invalidEps(0)),
      (ClusterOptions(columns: ["Score"], eps: -1), ClusterError.invalidEps(-1)),
      (ClusterOptions(columns: ["Score"], minSamples: 0), ClusterError.invalidMinSamples(0)),
      (ClusterOptions(columns: []), ClusterError.noColumns),
      (
        ClusterOptions(columns: ["Score"], timeColumn: "Name"),
        ClusterError.column(.wrongType("Name", found: .string, expected: "a timestamp column"))
      ),
      (
        ClusterOptions(columns: ["Score"], timeColumn: "Tme"),
        ClusterError.column(
          .unknown(
            "Tme", suggestions: NameSuggester.closest(to: "Tme", among: events().columnNames)))
      ),
    ])
  func invalidOptionsAreRejected(options: ClusterOptions, error: ClusterError) {
    #expect(throws: error) { try Clusterer.cluster(Self.events(), options: options) }
  }
}
