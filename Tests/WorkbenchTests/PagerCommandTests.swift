import Foundation
import Testing

@testable import Workbench

/// The pager `.last` runs: the user's `$PAGER`, else `less` cutting long lines so that
/// wide tables do not wrap, else none.
@Suite struct PagerCommandTests {
  /// A check for executables that answers yes for `paths` only.
  static func fakeExecutables(_ paths: Set<String>) -> (String) -> Bool {
    { paths.contains($0) }
  }

  @Test func withoutPagerLessOnThePathIsRunCuttingLongLinesAndKeepingColours() throws {
    let command = Pager.command(
      environment: ["PATH": "/opt/none:/usr/local/bin"],
      isExecutable: Self.fakeExecutables(["/usr/local/bin/less"]))

    let words = try #require(command).split(separator: " ")
    #expect(words.first == "less")
    let flags = Set(words.dropFirst().filter { $0.hasPrefix("-") }.flatMap { $0.dropFirst() })
    #expect(flags.isSuperset(of: ["S", "R"]))
  }

  @Test func withoutPagerOrLessTheTextIsPrinted() {
    let command = Pager.command(
      environment: ["PATH": "/opt/none:/usr/local/bin"],
      isExecutable: Self.fakeExecutables(["/usr/bin/less"]))

    #expect(command == nil)
  }

  @Test(arguments: ["more", "less -R", "most"])
  func aSetPagerIsHonoured(pager: String) {
    let command = Pager.command(
      environment: ["PAGER": pager, "PATH": "/usr/bin"],
      isExecutable: Self.fakeExecutables(["/usr/bin/less"]))

    #expect(command == pager)
  }

  @Test func anEmptyPagerMeansNoPager() {
    let command = Pager.command(
      environment: ["PAGER": "", "PATH": "/usr/bin"],
      isExecutable: Self.fakeExecutables(["/usr/bin/less"]))

    #expect(command == nil)
  }

  @Test func lessIsFoundOnTheRealPathWhenItIsInstalled() throws {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let installed = path.split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/less")
    }
    let command = Pager.command(environment: ["PATH": path])

    #expect((command != nil) == installed)
  }
}
