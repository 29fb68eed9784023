import Foundation

/// A few threads that stay around to run the pieces of one parallel loop at a time.
///
/// Dispatch's `concurrentPerform` on Linux wakes its worker threads late, so that loops of
/// a few milliseconds ran on one core. These threads wait on a condition instead and start
/// as soon as a loop is posted. The calling thread takes pieces too. A loop posted while
/// another runs (from another thread, or from inside a piece) runs on its caller alone.
///
/// A class because the threads share it; all its state is guarded by `condition`.
final class WorkerPool: @unchecked Sendable {
  /// The pool for the whole process: one thread per core besides the caller's.
  static let shared = WorkerPool(threads: ParallelWork.coreCount - 1)

  private let condition = NSCondition()
  private let threadCount: Int
  /// Bumped for every loop posted, so that a waiting thread sees there is new work.
  private var generation = 0
  private var body: ((Int) -> Void)?
  private var count = 0
  private var next = 0
  /// Pool threads that joined the current loop and have not finished with it.
  private var active = 0
  private var isBusy = false

  private init(threads: Int) {
    threadCount = max(threads, 0)
    for _ in 0..<threadCount {
      let thread = Thread { [unowned self] in self.serve() }
      thread.name = "evs worker"
      thread.start()
    }
  }

  /// Runs `body(0)`, ..., `body(count - 1)` on the pool's threads and the caller's, and
  /// returns when all have finished.
  func run(count: Int, _ body: (Int) -> Void) {
    condition.lock()
    guard !isBusy, threadCount > 0, count > 1 else {
      condition.unlock()
      for index in 0..<count { body(index) }
      return
    }
    isBusy = true
    condition.unlock()

    withoutActuallyEscaping(body) { body in
      condition.lock()
      self.body = body
      self.count = count
      next = 0
      generation += 1
      condition.broadcast()
      condition.unlock()

      while let index = take() { body(index) }

      condition.lock()
      while active > 0 { condition.wait() }
      self.body = nil
      isBusy = false
      condition.unlock()
    }
  }

  /// The next piece of the current loop, if any is left.
  private func take() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    guard next < count else { return nil }
    next += 1
    return next - 1
  }

  /// A pool thread's life: wait for a loop, take pieces until none is left, report.
  private func serve() {
    var seen = 0
    while true {
      condition.lock()
      while generation == seen { condition.wait() }
      seen = generation
      // A thread that wakes after its loop has ended finds no body and waits again.
      var body = self.body
      if body != nil { active += 1 }
      condition.unlock()
      guard body != nil else { continue }

      while let index = take() { body?(index) }
      body = nil

      condition.lock()
      active -= 1
      if active == 0 { condition.broadcast() }
      condition.unlock()
    }
  }
}
