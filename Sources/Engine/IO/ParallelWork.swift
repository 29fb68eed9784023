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

extension ParallelWork {
  /// Arrays shorter than this are filled on one core.
  static let arrayThreshold = 1 << 14

  /// The array `[value(0), ..., value(count - 1)]`, its ranges filled on all cores.
  /// - Complexity: O(count) calls of `value`, divided among the cores.
  static func array<T>(count: Int, _ value: (Int) -> T) -> [T] {
    let parts = count < arrayThreshold ? 1 : coreCount * 2
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      // Each part initialises its own range of the buffer only.
      nonisolated(unsafe) let output = buffer
      _ = map(count: parts) { part in
        guard let base = output.baseAddress else { return }
        for index in (count * part / parts)..<(count * (part + 1) / parts) {
          (base + index).initialize(to: value(index))
        }
      }
      initialized = count
    }
  }
}
