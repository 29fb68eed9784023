/// Where a grouping looks at its cancellation flag: between its steps, and within one
/// aggregation every `rowsPerCheck` rows of groups.
struct GroupWork {
  /// About how many rows are aggregated between two looks at the flag.
  static let rowsPerCheck = 1 << 16

  let cancellation: CancellationFlag?

  /// Throws `GroupError.cancelled` once the flag is set.
  func check() throws(GroupError) {
    if cancellation?.isCancelled == true { throw .cancelled }
  }

  /// `groups.map(body)`, looking at the flag every `rowsPerCheck` rows or so.
  func map<T>(_ groups: [[Int]], _ body: ([Int]) -> T) throws(GroupError) -> [T] {
    guard cancellation != nil else { return groups.map(body) }
    var results: [T] = []
    results.reserveCapacity(groups.count)
    var rowsSinceCheck = 0
    for rows in groups {
      rowsSinceCheck += rows.count + 1
      if rowsSinceCheck >= Self.rowsPerCheck {
        try check()
        rowsSinceCheck = 0
      }
      results.append(body(rows))
    }
    return results
  }
}
