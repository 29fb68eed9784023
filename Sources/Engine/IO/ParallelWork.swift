import Dispatch
import Foundation

/// Runs independent pieces of work on all processor cores.
enum ParallelWork {
  /// How many pieces of work may run at once.
  static var coreCount: Int { max(ProcessInfo.processInfo.activeProcessorCount, 1) }

  /// `body(0)`, ..., `body(count - 1)`, run concurrently, results in index order.
  /// - Complexity: the slowest piece when there are enough cores.
  static func map<T>(count: Int, _ body: (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    // The buffer and the closure cross into Dispatch's worker threads; each index is
    // written by exactly one worker and read only after all have finished.
    nonisolated(unsafe) let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer {
      _ = results.deinitialize()
      results.deallocate()
    }
    withoutActuallyEscaping(body) { body in
      nonisolated(unsafe) let work = body
      DispatchQueue.concurrentPerform(iterations: count) { index in
        results[index] = work(index)
      }
    }
    return results.map { $0! }
  }
}
