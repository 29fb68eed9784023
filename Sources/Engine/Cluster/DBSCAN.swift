/// Density-based clustering (DBSCAN) with Euclidean distance, giving the labels
/// scikit-learn's `DBSCAN(eps, min_samples).fit(X)` gives for the same points.
///
/// A point is *core* when at least `minSamples` points (itself included) lie within
/// `eps` of it, distance `eps` included. Core points within `eps` of each other share
/// a cluster; clusters are numbered from 0 in the order of their first core point by
/// row. A non-core point within `eps` of core points joins the lowest-numbered of
/// their clusters (the first that reaches it, as scikit-learn expands clusters one
/// after another); any other point is noise, -1.
///
/// Identical points are clustered once, weighted by how often they occur, and a
/// uniform grid answers the radius queries, so repeated event vectors cost little.
public struct DBSCAN: Sendable {
  /// The neighbourhood radius.
  public let eps: Double
  /// How many points, the point itself included, make a point core.
  public let minSamples: Int

  /// A clusterer with radius `eps` and density threshold `minSamples`.
  /// - Throws: `ClusterError.invalidEps` unless `eps` is positive and finite,
  ///   `ClusterError.invalidMinSamples` when `minSamples` is below 1.
  public init(eps: Double = 0.01, minSamples: Int = 2) throws(ClusterError) {
    guard eps > 0, eps.isFinite else { throw .invalidEps(eps) }
    guard minSamples >= 1 else { throw .invalidMinSamples(minSamples) }
    self.eps = eps
    self.minSamples = minSamples
  }

  /// How many points are handled between two looks at the cancellation flag.
  static let pointsPerCheck = 4096

  /// Labels every row of `points`.
  /// - Parameters:
  ///   - progress: Told after each step (distinct points, index, core points, clusters)
  ///     how far the work has come.
  ///   - cancellation: Checked between the steps and every few thousand points within
  ///     them; once it is set the work stops, and the labels returned are incomplete and
  ///     must be dropped.
  /// - Complexity: O(rows × dimensions) to find the distinct points, plus, over the
  ///   distinct points, the sum of the sizes of their grid neighbourhoods.
  public func fit(
    _ points: FeatureMatrix, progress: (any ProgressReporter)? = nil,
    cancellation: CancellationFlag? = nil
  ) -> DBSCANResult {
    let isCancelled = { cancellation?.isCancelled == true }
    let report = { (fraction: Double) in
      let rows = Int(Double(points.rowCount) * fraction)
      progress?.report(WorkProgress(task: "cluster", fraction: fraction, rows: rows))
    }
    let distinct = DistinctPoints(points)
    report(0.4)
    if isCancelled() { return DBSCANResult.none(rows: points.rowCount) }
    let grid = GridIndex(
      points: distinct.values, count: distinct.count, dimensions: distinct.dimensions, eps: eps)
    report(0.5)
    let isCore = corePoints(distinct, grid, isCancelled)
    report(0.8)
    if isCancelled() { return DBSCANResult.none(rows: points.rowCount) }
    let (labels, clusterCount) = expandClusters(isCore, grid, isCancelled)
    report(1)
    return DBSCANResult(
      labels: distinct.ids.map { labels[Int($0)] },
      isCore: distinct.ids.map { isCore[Int($0)] },
      clusterCount: clusterCount,
      distinctPointCount: distinct.count)
  }

  /// Whether each distinct point's neighbourhood weighs at least `minSamples`.
  /// Once `isCancelled` says so, the points left count as not core.
  private func corePoints(
    _ distinct: DistinctPoints, _ grid: GridIndex, _ isCancelled: () -> Bool
  ) -> [Bool] {
    let weights = distinct.weights
    var stopped = false
    return (0..<distinct.count).map { i in
      if i % Self.pointsPerCheck == 0, !stopped { stopped = isCancelled() }
      guard !stopped else { return false }
      var weight = weights[i]
      guard weight < minSamples else { return true }
      weight = 0
      grid.forEachNeighbour(of: i) { j in
        weight += weights[j]
        return weight < minSamples
      }
      return weight >= minSamples
    }
  }

  /// Grows one cluster at a time from the first unlabelled core point, through core
  /// points, claiming every unlabelled point they reach. Stops once `isCancelled` says so.
  private func expandClusters(_ isCore: [Bool], _ grid: GridIndex, _ isCancelled: () -> Bool)
    -> ([Int], Int)
  {
    var labels = [Int](repeating: -1, count: isCore.count)
    var clusterCount = 0
    var stack: [Int] = []
    var visited = 0
    for seed in 0..<isCore.count where isCore[seed] && labels[seed] == -1 {
      labels[seed] = clusterCount
      stack.append(seed)
      while let point = stack.popLast() {
        visited += 1
        if visited % Self.pointsPerCheck == 0, isCancelled() { return (labels, clusterCount) }
        grid.forEachNeighbour(of: point) { j in
          if labels[j] == -1 {
            labels[j] = clusterCount
            if isCore[j] { stack.append(j) }
          }
          return true
        }
      }
      clusterCount += 1
    }
    return (labels, clusterCount)
  }
}

/// The outcome of `DBSCAN.fit`: one label per row.
public struct DBSCANResult: Sendable, Equatable {
  /// Every one of `rows` rows noise, no core points: what a cancelled fit gives.
  static func none(rows: Int) -> DBSCANResult {
    DBSCANResult(
      labels: Array(repeating: -1, count: rows), isCore: Array(repeating: false, count: rows),
      clusterCount: 0, distinctPointCount: 0)
  }

  /// The cluster of each row, from 0, or -1 for noise.
  public var labels: [Int]
  /// Whether each row is a core point.
  public var isCore: [Bool]
  /// How many clusters there are (labels run from 0 to `clusterCount - 1`).
  public var clusterCount: Int
  /// How many distinct points the rows hold.
  public var distinctPointCount: Int

  /// A result from its parts.
  public init(labels: [Int], isCore: [Bool], clusterCount: Int, distinctPointCount: Int) {
    self.labels = labels
    self.isCore = isCore
    self.clusterCount = clusterCount
    self.distinctPointCount = distinctPointCount
  }
}
