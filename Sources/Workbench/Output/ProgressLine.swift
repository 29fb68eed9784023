import Engine
import Foundation

/// One line on standard error showing how a long load or clustering is coming along:
/// `load  42%  420.0k rows  1.1M rows/s  ETA 1s`.
///
/// It appears only once a task has run for `delay`, is redrawn at most ten times a
/// second, and is wiped when the task ends, so short work shows nothing. It is used only
/// when standard error is a terminal; scripts whose output is captured never see it.
///
/// A class because the Engine reports from its worker threads; a lock guards the state.
final class ProgressLine: ProgressReporter, @unchecked Sendable {
  private static let erase = "\r\u{1B}[2K"

  private let lock = NSLock()
  private let write: @Sendable (String) -> Void
  private let delay: Duration
  private let interval: Duration
  private let clock = ContinuousClock()
  private var task: String?
  private var started = ContinuousClock.now
  private var lastDrawn: ContinuousClock.Instant?
  private var isShown = false

  /// A progress line on standard error, or `nil` when standard error is not a terminal.
  static func forStandardError() -> ProgressLine? {
    guard isatty(STDERR_FILENO) == 1 else { return nil }
    return ProgressLine { text in try? FileHandle.standardError.write(contentsOf: Data(text.utf8)) }
  }

  /// - Parameters:
  ///   - delay: How long a task runs before the line appears.
  ///   - interval: The least time between two drawings.
  ///   - write: Where the line's text goes (with carriage returns and erase codes).
  init(
    delay: Duration = .milliseconds(500), interval: Duration = .milliseconds(100),
    write: @escaping @Sendable (String) -> Void
  ) {
    self.delay = delay
    self.interval = interval
    self.write = write
  }

  func report(_ progress: WorkProgress) {
    lock.withLock {
      let now = clock.now
      if progress.task != task {
        task = progress.task
        started = now
        lastDrawn = nil
      }
      if progress.fraction >= 1 {
        wipe()
        task = nil
        return
      }
      guard now - started >= delay else { return }
      if let lastDrawn, now - lastDrawn < interval { return }
      lastDrawn = now
      write(Self.erase + Self.text(progress, elapsed: now - started))
      isShown = true
    }
  }

  /// Wipes the line if it shows, so that what follows starts on a clean line; for a
  /// statement that stopped before its task ended.
  func finish() {
    lock.withLock {
      wipe()
      task = nil
    }
  }

  private func wipe() {
    guard isShown else { return }
    write(Self.erase)
    isShown = false
  }

  /// `task  42%  420.0k rows  1.1M rows/s  ETA 1s`; the rate and the time left once known.
  static func text(_ progress: WorkProgress, elapsed: Duration) -> String {
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let fraction = min(max(progress.fraction, 0), 1)
    var parts = [
      progress.task, "\(Int(fraction * 100))%", "\(compact(Double(progress.rows))) rows",
    ]
    if seconds > 0, progress.rows > 0 {
      parts.append("\(compact(Double(progress.rows) / seconds)) rows/s")
    }
    if seconds > 0, fraction > 0 {
      parts.append("ETA \(duration(seconds * (1 - fraction) / fraction))")
    }
    return parts.joined(separator: "  ")
  }

  /// `950`, `12.3k`, `4.5M`.
  static func compact(_ value: Double) -> String {
    switch value {
    case ..<1000: return "\(Int(value))"
    case ..<1_000_000: return String(format: "%.1fk", value / 1000)
    default: return String(format: "%.1fM", value / 1_000_000)
    }
  }

  /// `7s`, `2m05s`.
  static func duration(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded(.up))
    return whole < 60 ? "\(whole)s" : String(format: "%dm%02ds", whole / 60, whole % 60)
  }
}
