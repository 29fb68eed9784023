import Foundation

/// Runs independent pieces of work on all processor cores.
enum ParallelWork {
  /// How many pieces of work may run at once.
  static var coreCount: Int { max(ProcessInfo.processInfo.activeProcessorCount, 1) }

  /// `body(0)`, ..., `body(count - 1)`, run concurrently, results in index order.
  /// - Complexity: the slowest piece when there are enough cores.
  static func map<T>(count: Int, _ body: (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    // The buffer crosses into the pool's threads; each index is written by exactly one
    // of them and read only after all have finished.
    nonisolated(unsafe) let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer {
      _ = results.deinitialize()
      results.deallocate()
    }
    WorkerPool.shared.run(count: count) { index in
      results[index] = body(index)
    }
    return results.map { $0! }
  }
}
