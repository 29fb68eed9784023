import Dispatch
import Engine
import Foundation
import Testing

/// Long Engine work stops soon after its cancellation flag is set: before it starts, from
/// another thread while it runs, and not at all when the flag stays clear.
@Suite("Cancellation of long work", .serialized)
struct CancellationTests {
  /// Rows in the generated events: enough that a load reads several segments.
  static let rowCount = 300_000

  /// Generated process events: paths, command lines, sessions, two numbers and a key.
  static let events: Table = {
    let rows = 0..<rowCount
    let paths = rows.map { #"C:\Windows\System32\tool\#($0 % 5000).exe"# }
    let lines = rows.map { "tool\($0 % 7000).exe /run --item=\($0) --mode=\($0 % 3)" }
    return Table(
      columnNames: [
        "NewProcessName", "CommandLine", "SubjectLogonId", "x", "y", "Host",
      ],
      columns: [
        Column(.string(StringStorage(paths))),
        Column(.string(StringStorage(lines))),
        Column(.string(StringStorage(rows.map { $0 % 10 == 0 ? "0x3e7" : "0x\($0 % 97)" }))),
        Column(.float(rows.map { Double($0 % 1000) })),
        Column(.float(rows.map { Double($0 % 37) })),
        Column(.string(StringStorage(rows.map { "host\($0 % 20_000)" }))),
      ])
  }()

  /// Runs `body` with a fresh folder that holds the events written as CSV by the
  /// project's writer and as JSON lines, and removes the folder after.
  static func withFiles(_ body: (_ folder: String, _ csv: String, _ json: String) throws -> Void)
    throws
  {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("evs-cancel-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let csv = folder + "/events.csv"
    try TableWriter.writeCSV(events, to: csv)

    var json = ""
    for row in 0..<rowCount {
      json += #"{"Host": "host\#(row % 20_000)", "x": \#(row % 1000), "#
      json += #""CommandLine": "tool\#(row % 7000).exe /run --item=\#(row)"}"# + "\n"
    }
    let jsonPath = folder + "/events.jsonl"
    try Data(json.utf8).write(to: URL(fileURLWithPath: jsonPath))
    try body(folder, csv, jsonPath)
  }

  /// How long after the work starts another thread sets the flag: far shorter than any
  /// of the work takes.
  static let shortDelay = Duration.milliseconds(10)

  /// A flag already set.
  static func cancelledFlag() -> CancellationFlag {
    let flag = CancellationFlag()
    flag.cancel()
    return flag
  }

  /// A flag that another thread sets `delay` from now.
  static func flagCancelled(after delay: Duration) -> CancellationFlag {
    let flag = CancellationFlag()
    let nanoseconds =
      delay.components.seconds * 1_000_000_000
      + delay.components.attoseconds / 1_000_000_000
    DispatchQueue.global().asyncAfter(
      deadline: .now() + .nanoseconds(Int(nanoseconds))
    ) { flag.cancel() }
    return flag
  }

  // MARK: load

  @Test func aCSVLoadStopsWhenCancelledBeforeOrWhileItRunsAndOtherwiseReadsEveryRow() throws {
    try Self.withFiles { _, csv, _ in
      let loaded = try TableReader.read(path: csv, cancellation: CancellationFlag())
      #expect(loaded.table.rowCount == Self.rowCount)
      #expect(loaded.table.columnNames == Self.events.columnNames)

      #expect(throws: LoadError.cancelled(path: csv)) {
        try TableReader.read(path: csv, cancellation: Self.cancelledFlag())
      }

      let flag = CancellationFlag()
      let reporter = CancellingReporter(flag)
      #expect(throws: LoadError.cancelled(path: csv)) {
        try TableReader.read(path: csv, progress: reporter, cancellation: flag)
      }
      // The flag was set after the first segment; the load read no more than one more.
      let reports = reporter.reports
      #expect(reports.count >= 1 && reports.count <= 2)
      #expect((reports.last?.fraction ?? 1) < 1)
    }
  }

  @Test func aJSONLoadStopsWhenCancelledBeforeOrWhileItRunsAndOtherwiseReadsEveryRow() throws {
    try Self.withFiles { _, _, json in
      let loaded = try TableReader.read(path: json, cancellation: CancellationFlag())
      #expect(loaded.table.rowCount == Self.rowCount)
      #expect(loaded.table.columnNames == ["Host", "x", "CommandLine"])

      #expect(throws: LoadError.cancelled(path: json)) {
        try TableReader.read(path: json, cancellation: Self.cancelledFlag())
      }

      let flag = Self.flagCancelled(after: Self.shortDelay)
      let outcome = Result { () throws(LoadError) in
        try TableReader.read(path: json, cancellation: flag).table.rowCount
      }
      #expect(outcome.map { _ in 0 } == .failure(.cancelled(path: json)))
    }
  }

  // MARK: features

  @Test func featuresThatAreNotCancelledAddEveryColumn() throws {
    let result = try ProcessFeatures.add(to: Self.events, cancellation: CancellationFlag())
    #expect(result.columnCount == Self.events.columnCount + ProcessFeatures.addedColumns.count)
  }

  @Test func featuresCancelledBeforeTheyStartAddNothing() throws {
    let result = try ProcessFeatures.add(to: Self.events, cancellation: Self.cancelledFlag())
    #expect(result.columnNames == Self.events.columnNames)
  }

  @Test func featuresCancelledFromAnotherThreadAddNothing() throws {
    let flag = Self.flagCancelled(after: Self.shortDelay)
    let result = try ProcessFeatures.add(to: Self.events, cancellation: flag)
    #expect(result.columnNames == Self.events.columnNames)
  }

  // MARK: cluster

  static let clusterOptions = ClusterOptions(
    columns: ["x", "y"], eps: 0.5, normalize: false, keep: .all)

  @Test func aClusteringThatIsNotCancelledLabelsEveryRow() throws {
    let result = try Clusterer.cluster(
      Self.events, options: Self.clusterOptions, cancellation: CancellationFlag())
    #expect(result.rowCount == Self.rowCount)
    #expect(result.columnNames.contains(Clusterer.clusterIdColumn))
  }

  @Test func aClusteringCancelledBeforeItStartsThrowsCancelled() {
    #expect(throws: ClusterError.cancelled) {
      try Clusterer.cluster(
        Self.events, options: Self.clusterOptions, cancellation: Self.cancelledFlag())
    }
  }

  @Test func aClusteringCancelledFromAnotherThreadWhileItRunsThrowsCancelled() throws {
    let flag = CancellationFlag()
    let reporter = CancellingReporter(flag)
    #expect(throws: ClusterError.cancelled) {
      try Clusterer.cluster(
        Self.events, options: Self.clusterOptions, progress: reporter, cancellation: flag)
    }
    // Cancelled at the first report, the work stopped before its last step.
    #expect(!reporter.reports.contains { $0.fraction == 1 })
  }

  @Test func dbscanStopsPartWayWhenCancelled() throws {
    let points = FeatureMatrix(
      rows: (0..<50_000).map { [Double($0 % 500), Double($0 % 7)] }, dimensions: 2)
    let dbscan = try DBSCAN(eps: 0.5, minSamples: 2)
    let whole = dbscan.fit(points)
    let stopped = dbscan.fit(points, cancellation: Self.cancelledFlag())
    #expect(whole.clusterCount > 0)
    #expect(stopped.clusterCount == 0)
  }

  // MARK: groupby, distinct, expressions

  static let aggregations = [
    Aggregation(.count), Aggregation(.dcount, "x"), Aggregation(.mean, "y"),
  ]

  @Test func aGroupingThatIsNotCancelledGivesEveryGroup() throws {
    let result = try Self.events.grouped(
      by: ["Host"], aggregations: Self.aggregations, cancellation: CancellationFlag())
    #expect(result.rowCount == 20_000)
    #expect(result.columnNames == ["Host", "count", "dcount_x", "mean_y"])
  }

  @Test func aGroupingCancelledBeforeItStartsThrowsCancelled() {
    #expect(throws: GroupError.cancelled) {
      try Self.events.grouped(
        by: ["Host"], aggregations: Self.aggregations, cancellation: Self.cancelledFlag())
    }
  }

  @Test func aGroupingCancelledFromAnotherThreadWhileItRunsThrowsCancelled() throws {
    // Listing every group's distinct command lines takes seconds; it is stopped early.
    let slow = [Aggregation(.values, "CommandLine"), Aggregation(.dcount, "CommandLine")]
    let flag = Self.flagCancelled(after: Self.shortDelay)
    let outcome = Result { () throws(GroupError) in
      try Self.events.grouped(by: ["Host"], aggregations: slow, cancellation: flag).rowCount
    }
    #expect(outcome == .failure(.cancelled))
  }

  @Test func distinctCancelledGivesNoRowsAndOtherwiseEveryCombination() throws {
    let all = try Self.events.distinct(["Host"], cancellation: CancellationFlag())
    let none = try Self.events.distinct(["Host"], cancellation: Self.cancelledFlag())
    #expect(all.rowCount == 20_000)
    #expect(none.rowCount == 0)
  }

  @Test func anExpressionCancelledBeforeItIsEvaluatedThrowsCancelled() throws {
    let condition = Expression.binary(.greater, .column("x"), .literal(.float(10)))
    var evaluator = ExpressionEvaluator(table: Self.events)
    #expect(try evaluator.matchingRows(condition).count == Self.rowCount * 989 / 1000)
    evaluator.cancellation = Self.cancelledFlag()
    #expect(throws: ExpressionError.cancelled) { try evaluator.matchingRows(condition) }
  }

  /// Per-row work over the command lines: a regex call, a regex replace and a regex test.
  static let slowExpressions: [Engine.Expression] = [
    .call("extract", [.literal(.string("([0-9]+)")), .literal(.int(1)), .column("CommandLine")]),
    .call(
      "replace",
      [.literal(.string("[0-9]+")), .literal(.string("N")), .column("CommandLine")]),
    .binary(.matches, .column("CommandLine"), .literal(.string("item=[0-9]+7 "))),
  ]

  @Test(arguments: slowExpressions)
  func aPerRowExpressionCancelledFromAnotherThreadWhileItRunsThrowsCancelled(
    expression: Engine.Expression
  ) throws {
    var whole = ExpressionEvaluator(table: Self.events)
    whole.cancellation = CancellationFlag()
    #expect(try whole.evaluate(expression).count == Self.rowCount)

    // The flag is still clear when the rows start; it is set while they run.
    var evaluator = ExpressionEvaluator(table: Self.events)
    evaluator.cancellation = Self.flagCancelled(after: Self.shortDelay)
    let outcome = Result { () throws(ExpressionError) in
      try evaluator.evaluate(expression).count
    }
    #expect(outcome == .failure(.cancelled))
  }

  // MARK: save

  @Test func aCancelledSaveLeavesNoFileBehind() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("evs-cancel-save-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/out.csv"
    #expect(throws: WriteError.cancelled(path: path)) {
      try TableWriter.writeCSV(Self.events, to: path, cancellation: Self.cancelledFlag())
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)

    try TableWriter.writeCSV(Self.events, to: path, cancellation: CancellationFlag())
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
  }
}

/// A progress reporter that, at the first report, has another thread set `flag` and waits
/// until it has, so that the work goes on only after the flag is set.
final class CancellingReporter: ProgressReporter, @unchecked Sendable {
  private let flag: CancellationFlag
  private let lock = NSLock()
  private var kept: [WorkProgress] = []

  init(_ flag: CancellationFlag) {
    self.flag = flag
  }

  /// The reports so far.
  var reports: [WorkProgress] {
    lock.withLock { kept }
  }

  func report(_ progress: WorkProgress) {
    let isFirst = lock.withLock {
      kept.append(progress)
      return kept.count == 1
    }
    guard isFirst else { return }
    let done = DispatchSemaphore(value: 0)
    let flag = flag
    DispatchQueue.global().async {
      flag.cancel()
      done.signal()
    }
    done.wait()
  }
}
