/// The `cluster` verb: DBSCAN over chosen columns of a table, then msticpy's
/// `dbcluster_events` collapse of each cluster to one exemplar row.
public enum Clusterer {
  /// The cluster id column (-1 for noise).
  public static let clusterIdColumn = "ClusterId"
  /// The number of rows in the row's cluster (1 for noise).
  public static let clusterSizeColumn = "ClusterSize"
  /// Whether the row belongs to a cluster.
  public static let clusteredColumn = "Clustered"
  /// The earliest time in the cluster.
  public static let firstTimeColumn = "FirstEventTime"
  /// The latest time in the cluster.
  public static let lastTimeColumn = "LastEventTime"

  /// The DBSCAN labels of the rows of `table` under `options` (its `keep` and
  /// `timeColumn` play no part).
  /// - Throws: `ClusterError` for invalid `eps` or `minSamples`, and for cluster
  ///   columns that are missing, not numeric, null or not finite;
  ///   `ClusterError.cancelled` when `cancellation` was set before the labels were found.
  /// - Parameters:
  ///   - progress: Told how far the clustering has come, now and then.
  ///   - cancellation: Checked between the steps of the work and every few thousand
  ///     points within them; once it is set the clustering stops and throws.
  /// - Complexity: See `DBSCAN.fit`.
  public static func labels(
    _ table: Table, options: ClusterOptions, progress: (any ProgressReporter)? = nil,
    cancellation: CancellationFlag? = nil
  ) throws(ClusterError) -> DBSCANResult {
    let dbscan = try DBSCAN(eps: options.eps, minSamples: options.minSamples)
    var points = try FeatureMatrix(table: table, columns: options.columns)
    if cancellation?.isCancelled == true { throw .cancelled }
    if options.normalize { points = points.normalizedRows() }
    let result = dbscan.fit(points, progress: progress, cancellation: cancellation)
    if cancellation?.isCancelled == true { throw .cancelled }
    return result
  }

  /// Clusters the rows of `table` and returns them labelled or collapsed.
  ///
  /// With `keep: .exemplars` the result holds every noise row in row order, then the
  /// first row of each cluster in cluster order, with `ClusterId`, `ClusterSize`,
  /// `Clustered` and, when there is a time column, `FirstEventTime` and
  /// `LastEventTime` (the earliest and latest non-null time of the cluster, or of the
  /// noise row itself). An exemplar's time column is set to its cluster's first time;
  /// a noise row keeps its own. With `keep: .all` every row is returned in order with
  /// `ClusterId`, `ClusterSize` and `Clustered`. Added columns replace columns of the
  /// same name. An empty table gives an empty table with the added columns.
  /// - Throws: As `labels(_:options:progress:cancellation:)`, and `ClusterError.column`
  ///   for a named time column that is missing or not a timestamp column.
  /// - Parameters:
  ///   - progress: Told how far the clustering has come, now and then.
  ///   - cancellation: As for `labels(_:options:progress:cancellation:)`.
  /// - Complexity: See `DBSCAN.fit`, plus O(rows × columns) to build the result.
  public static func cluster(
    _ table: Table, options: ClusterOptions, progress: (any ProgressReporter)? = nil,
    cancellation: CancellationFlag? = nil
  ) throws(ClusterError) -> Table {
    let time = try timeColumn(of: table, named: options.timeColumn)
    let result = try labels(
      table, options: options, progress: progress, cancellation: cancellation)
    let summary = ClusterSummary(result, times: time?.column)
    switch options.keep {
    case .all:
      return labelledRows(table, result.labels, summary)
    case .exemplars:
      return exemplarRows(table, result.labels, summary, timeName: time?.name)
    }
  }

  /// The time column to report: the named one, or `TimeGenerated` when it is there as
  /// a timestamp, or none.
  private static func timeColumn(of table: Table, named name: String?) throws(ClusterError)
    -> (name: String, column: Column)?
  {
    guard let name else {
      let fallback = ClusterOptions.defaultTimeColumn
      guard let column = try? table.column(fallback), column.type == .timestamp else {
        return nil
      }
      return (fallback, column)
    }
    let column: Column
    do {
      column = try table.column(name)
    } catch {
      throw .column(error)
    }
    guard column.type == .timestamp else {
      throw .column(.wrongType(name, found: column.type, expected: "a timestamp column"))
    }
    return (name, column)
  }

  /// Every row with its cluster id, size and membership flag.
  private static func labelledRows(_ table: Table, _ labels: [Int], _ summary: ClusterSummary)
    -> Table
  {
    var result = table
    result.setColumn(clusterIdColumn, Column(.int(labels.map { Int64($0) })))
    result.setColumn(clusterSizeColumn, Column(.int(labels.map { Int64(summary.size(of: $0)) })))
    result.setColumn(clusteredColumn, Column(.bool(labels.map { $0 >= 0 })))
    return result
  }

  /// Noise rows, then one exemplar per cluster, with cluster columns and times.
  private static func exemplarRows(
    _ table: Table, _ labels: [Int], _ summary: ClusterSummary, timeName: String?
  ) -> Table {
    let noiseRows = labels.indices.filter { labels[$0] < 0 }
    let rows = noiseRows + summary.firstRows
    let rowLabels = rows.map { labels[$0] }
    var result = table.gather(rows)
    result.setColumn(clusterIdColumn, Column(.int(rowLabels.map { Int64($0) })))
    result.setColumn(
      clusterSizeColumn, Column(.int(rowLabels.map { Int64(summary.size(of: $0)) })))
    result.setColumn(clusteredColumn, Column(.bool(rowLabels.map { $0 >= 0 })))
    guard let timeName else { return result }

    let firstTimes = zip(rows, rowLabels).map { summary.firstTime(of: $1, row: $0) }
    let lastTimes = zip(rows, rowLabels).map { summary.lastTime(of: $1, row: $0) }
    result.setColumn(timeName, timestampColumn(firstTimes))
    result.setColumn(firstTimeColumn, timestampColumn(firstTimes))
    result.setColumn(lastTimeColumn, timestampColumn(lastTimes))
    return result
  }

  private static func timestampColumn(_ times: [Int64?]) -> Column {
    Column(
      .timestamp(times.map { $0 ?? 0 }), validity: NullMask(valid: times.map { $0 != nil }))
  }
}
