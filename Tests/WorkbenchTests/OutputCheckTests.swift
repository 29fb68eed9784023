import DSL
import Foundation
import Testing

@testable import Workbench

/// `evs check`: comparing outputs with the `#>` lines, and `--update`.
@Suite("evs check")
struct OutputCheckTests {
  /// A folder with `hosts.csv` and a script `hunt.evs` of the given text.
  final class Workspace {
    let folder: URL
    var script: URL { folder.appendingPathComponent("hunt.evs") }

    init(script text: String) throws {
      folder = try TestPaths.temporaryFolder()
      let csv = "Host,Logons\nWS1,3\nWS2,5\nWS3,7\n"
      try Data(csv.utf8).write(to: folder.appendingPathComponent("hosts.csv"))
      try Data(text.utf8).write(to: script)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var text: String {
      get throws { try String(contentsOf: script, encoding: .utf8) }
    }

    func check(update: Bool = false) -> (status: Int32, console: RecordingConsole) {
      let console = RecordingConsole()
      let options = ScriptOptions(update: update)
      let status = OutputCheck(path: script.path, options: options).run(console: console)
      return (status, console)
    }
  }

  static let recorded = """
    ## # Hosts
    let hosts = load "hosts.csv"
    hosts | count
    #> ┌───────┐
    #> │ count │
    #> ├───────┤
    #> │     3 │
    #> └───────┘
    #> 1 row × 1 column

    hosts | where Logons > 4 | select Host
    #> ┌──────┐
    #> │ Host │
    #> ├──────┤
    #> │ WS2  │
    #> │ WS3  │
    #> └──────┘
    #> 2 rows × 1 column

    """

  @Test func recordedOutputsThatMatchPass() throws {
    let workspace = try Workspace(script: Self.recorded)
    let (status, console) = workspace.check()
    #expect(status == 0)
    #expect(
      console.output == "\(workspace.script.path): all 3 statements match their recorded output\n")
    #expect(console.error.isEmpty)
  }

  @Test func changedNumberFailsWithADiffAtItsLine() throws {
    let changed = Self.recorded.replacingOccurrences(of: "#> │     3 │", with: "#> │     4 │")
    let workspace = try Workspace(script: changed)
    let (status, console) = workspace.check()
    let path = workspace.script.path

    #expect(status == 1)
    let expected = """
      --- \(path):3 recorded
      +++ \(path):3 now
      @@ -4,6 +4,6 @@
       ┌───────┐
       │ count │
       ├───────┤
      -│     4 │
      +│     3 │
       └───────┘
       1 row × 1 column
      \(path): 1 of 3 statements differ from their recorded output

      """
    #expect(console.output == expected)
  }

  @Test func recordedControlCharactersAreShownEscapedInTheDiff() throws {
    let hostile = Self.recorded.replacingOccurrences(
      of: "#> │     3 │", with: "#> \u{1B}]2;owned\u{07}")
    let workspace = try Workspace(script: hostile)
    let (status, console) = workspace.check()

    #expect(status == 1)
    #expect(console.output.contains("-\\e]2;owned\\x07\n"))
    #expect(!console.output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
  }

  @Test func statementWithOutputButNothingRecordedFailsWithAHint() throws {
    let workspace = try Workspace(script: "let hosts = load \"hosts.csv\"\nhosts | count\n")
    let (status, console) = workspace.check()
    #expect(status == 1)
    #expect(console.output.contains("@@ -2,0 +3,6 @@\n+┌───────┐"))
    #expect(console.output.contains("evs check --update"))
  }

  @Test func updateRecordsOutputsAndKeepsEveryOtherLine() throws {
    // CR LF line ends, a comment, indentation, a stale block, a statement with no block,
    // a failing statement and no line end after the last line.
    let original = [
      "# hosts with many logons", "let hosts = load \"hosts.csv\"", "  hosts | count",
      "  #> stale", "#> more stale", "", "hosts", "  | where Logons > 4  # busy ones",
      "  | select Host", "frobnicate",
    ].joined(separator: "\r\n")
    let workspace = try Workspace(script: original)

    let (status, console) = workspace.check(update: true)
    #expect(status == 0)
    #expect(
      console.output == "\(workspace.script.path): recorded new output for 3 of 4 statements\n")
    let updated = try Data(contentsOf: workspace.script)
    let text = String(decoding: updated, as: UTF8.self)

    let kept = text.components(separatedBy: "\r\n").filter {
      !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#>")
    }
    let originalKept = original.components(separatedBy: "\r\n").filter {
      !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#>")
    }
    #expect(kept == originalKept)
    #expect(!text.contains("stale"))
    #expect(text.contains("  hosts | count\r\n  #> ┌───────┐\r\n"))
    #expect(text.contains("\r\n#> error: unknown name 'frobnicate'"))
    #expect(!text.hasSuffix("\n"))
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))

    #expect(workspace.check().status == 0)
    let again = workspace.check(update: true)
    #expect(
      again.console.output.hasSuffix(
        "all 4 statements match their recorded output; nothing to update\n"))
    #expect(try Data(contentsOf: workspace.script) == updated)
  }

  @Test(arguments: [
    ("a\n", 1, ["x"], "a\n#> x\n"),
    ("a", 1, ["x", ""], "a\n#> x\n#>"),
    ("a\r\n#> old\r\nb\r\n", 1, ["new"], "a\r\n#> new\r\nb\r\n"),
    ("a\n#> old", 1, [], "a"),
    ("a\r\nb", 2, ["x"], "a\r\nb\r\n#> x"),
  ])
  func blockWriterKeepsLineEnds(
    _ text: String, _ line: Int, _ output: [String], _ expected: String
  ) throws {
    let entries = ScriptReader.entries(in: text, file: "t.evs")
    let entry = try #require(entries.first { $0.item.location.line == line })
    let rewritten = ExpectedBlockWriter.rewrite(Array(text.utf8), [(entry, output)])
    #expect(String(decoding: rewritten, as: UTF8.self) == expected)
  }

  @Test func diffShowsRemovedBeforeAddedWithContext() {
    let old = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
    var new = old
    new[1] = "B"
    new[8] = "I"
    let hunks = LineDiff(old: old, new: new).unified(oldStart: 10, newStart: 10, context: 1)
    #expect(
      hunks == [
        "@@ -10,3 +10,3 @@", " a", "-b", "+B", " c", "@@ -17,3 +17,3 @@", " h", "-i", "+I", " j",
      ])
  }
}
