/// Per-cluster facts the result rows need: size, first row, first and last time.
struct ClusterSummary {
  /// The number of rows in each cluster.
  private(set) var sizes: [Int]
  /// The first row of each cluster, in cluster order.
  private(set) var firstRows: [Int]
  private var firstTimes: [Int64?]
  private var lastTimes: [Int64?]
  /// The time of each row, when there is a time column.
  private let times: [Int64]?
  private let timeValidity: NullMask?

  /// Summarises `result`, reading times from the timestamp column `times` if given.
  /// - Complexity: O(rows)
  init(_ result: DBSCANResult, times: Column?) {
    let count = result.clusterCount
    sizes = Array(repeating: 0, count: count)
    firstRows = Array(repeating: -1, count: count)
    firstTimes = Array(repeating: nil, count: count)
    lastTimes = Array(repeating: nil, count: count)
    if case .timestamp(let values)? = times?.values {
      self.times = values
    } else {
      self.times = nil
    }
    timeValidity = times?.validity
    for (row, label) in result.labels.enumerated() where label >= 0 {
      sizes[label] += 1
      if firstRows[label] < 0 { firstRows[label] = row }
      guard let time = time(at: row) else { continue }
      firstTimes[label] = min(firstTimes[label] ?? time, time)
      lastTimes[label] = max(lastTimes[label] ?? time, time)
    }
  }

  /// The size of cluster `label`; a noise row counts as a cluster of one.
  func size(of label: Int) -> Int {
    label < 0 ? 1 : sizes[label]
  }

  /// The earliest time of cluster `label`, or the time of `row` for noise.
  func firstTime(of label: Int, row: Int) -> Int64? {
    label < 0 ? time(at: row) : firstTimes[label]
  }

  /// The latest time of cluster `label`, or the time of `row` for noise.
  func lastTime(of label: Int, row: Int) -> Int64? {
    label < 0 ? time(at: row) : lastTimes[label]
  }

  private func time(at row: Int) -> Int64? {
    guard let times, timeValidity?.isValid(row) ?? true else { return nil }
    return times[row]
  }
}
