import Foundation

/// Wall-clock and processor time spent on one piece of work.
struct StatementTimer {
  /// Runs `work` and returns its result with the wall time and the process's processor
  /// time (all threads, user and system) it took.
  static func measure<T>(_ work: () -> T) -> (result: T, seconds: Double, cpuSeconds: Double) {
    let clock = ContinuousClock()
    let cpuStart = processorSeconds()
    let start = clock.now
    let result = work()
    let elapsed = clock.now - start
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return (result, seconds, processorSeconds() - cpuStart)
  }

  /// The processor time the process has used so far, in seconds.
  private static func processorSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
    return user + system
  }
}
