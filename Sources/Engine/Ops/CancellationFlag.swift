import Synchronization

/// A flag another thread or a signal handler sets to stop long work early.
///
/// Setting it is a single atomic store, so a SIGINT handler may call `cancel()`.
public final class CancellationFlag: Sendable {
  private let flag = Atomic<Bool>(false)

  public init() {}

  /// Asks the work in progress to stop at its next check.
  public func cancel() {
    flag.store(true, ordering: .relaxed)
  }

  /// Clears the flag before new work starts.
  public func reset() {
    flag.store(false, ordering: .relaxed)
  }

  /// Whether `cancel()` was called since the last `reset()`.
  public var isCancelled: Bool {
    flag.load(ordering: .relaxed)
  }
}
