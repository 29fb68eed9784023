/// Receives news about long work, such as loading a large file or clustering, while it
/// runs, so that a front end can show how far it has come.
///
/// The Engine never prints; it calls `report` now and then (after each stretch of work,
/// not per row) from whichever thread does the work, so implementations must be safe to
/// call from any thread and should return quickly.
public protocol ProgressReporter: AnyObject, Sendable {
  /// Called as the work advances; the last call of a task has `fraction` 1.
  /// - Parameter progress: The task, how much of it is done and the rows handled so far.
  func report(_ progress: WorkProgress)
}

/// How far one long task has come.
public struct WorkProgress: Sendable, Equatable {
  /// What is being done, such as `load` or `cluster`.
  public var task: String
  /// How much of the work is done, from 0 to 1.
  public var fraction: Double
  /// How many rows have been handled so far.
  public var rows: Int

  /// A report that `task` is `fraction` done after `rows` rows.
  public init(task: String, fraction: Double, rows: Int) {
    self.task = task
    self.fraction = fraction
    self.rows = rows
  }
}
