import Engine
import Foundation
import Testing

@testable import Workbench

/// The progress line on standard error: what it says, when it appears, and that it is
/// wiped when the work ends.
@Suite("Progress line")
struct ProgressLineTests {
  /// Keeps what a progress line writes.
  final class Written: @unchecked Sendable {
    private let lock = NSLock()
    private var pieces: [String] = []

    var all: [String] { lock.withLock { pieces } }

    func append(_ text: String) {
      lock.withLock { pieces.append(text) }
    }
  }

  private static let erase = "\r\u{1B}[2K"

  @Test func lineNamesTaskShareRowsRateAndTimeLeft() {
    let text = ProgressLine.text(
      WorkProgress(task: "load", fraction: 0.42, rows: 420_000), elapsed: .seconds(1))

    #expect(text == "load  42%  420.0k rows  420.0k rows/s  ETA 2s")
  }

  @Test(arguments: [(0.0, "0"), (950.0, "950"), (12_345.0, "12.3k"), (4_560_000.0, "4.6M")])
  func countsAreShortened(value: Double, shown: String) {
    #expect(ProgressLine.compact(value) == shown)
  }

  @Test(arguments: [(6.2, "7s"), (125.0, "2m05s")])
  func timesLeftAreInSecondsAndMinutes(seconds: Double, shown: String) {
    #expect(ProgressLine.duration(seconds) == shown)
  }

  @Test func shortWorkShowsNothing() {
    let written = Written()
    let line = ProgressLine(delay: .seconds(3600)) { written.append($0) }

    line.report(WorkProgress(task: "load", fraction: 0.5, rows: 10))
    line.report(WorkProgress(task: "load", fraction: 1, rows: 20))

    #expect(written.all.isEmpty)
  }

  @Test func longWorkIsDrawnThenWipedAtTheEnd() {
    let written = Written()
    let line = ProgressLine(delay: .zero, interval: .zero) { written.append($0) }

    line.report(WorkProgress(task: "cluster", fraction: 0.5, rows: 500))
    line.report(WorkProgress(task: "cluster", fraction: 1, rows: 1000))

    #expect(written.all.count == 2)
    #expect(written.all.first?.hasPrefix(Self.erase + "cluster  50%  500 rows") == true)
    #expect(written.all.last == Self.erase)
  }

  @Test func redrawsAreThrottled() {
    let written = Written()
    let line = ProgressLine(delay: .zero, interval: .seconds(3600)) { written.append($0) }

    for step in 1...9 {
      line.report(WorkProgress(task: "load", fraction: Double(step) / 10, rows: step))
    }

    #expect(written.all.count == 1)
  }

  @Test func finishWipesALineLeftByWorkThatStopped() {
    let written = Written()
    let line = ProgressLine(delay: .zero, interval: .zero) { written.append($0) }

    line.report(WorkProgress(task: "load", fraction: 0.3, rows: 3))
    line.finish()
    line.finish()

    #expect(written.all.count == 2)
    #expect(written.all.last == Self.erase)
  }
}
