import Engine
import Foundation
import Testing

@testable import Workbench

/// The REPL's history and Ctrl-C on a real terminal: reverse search, multi-line entries,
/// the size limit of the history file, and cancelling a long load.
@Suite(
  "REPL history and Ctrl-C in a terminal",
  .enabled(
    if: TestPaths.onPath("tmux") != nil, "tmux is not installed (scripts/setup installs it)"),
  .enabled(if: TestPaths.evs != nil, "the evs executable is not built"))
struct REPLHistoryTests {
  /// How long a step may take on a busy machine before the test gives up on it.
  static let patience = 30.0

  private func start(prepare: @escaping (URL) throws -> Void = { _ in }) throws
    -> TerminalSession
  {
    try TerminalSession(
      evs: try #require(TestPaths.evs), tmux: try #require(TestPaths.onPath("tmux")),
      prepare: { folder in
        try Data(ConsistencyTests.events.utf8)
          .write(to: folder.appendingPathComponent("events.csv"))
        try prepare(folder)
      })
  }

  /// Types `text` and Enter.
  private func enter(_ text: String, in terminal: TerminalSession) throws {
    try terminal.typeLiterally(text)
    try terminal.type("Enter")
  }

  /// How many times `text` shows on the screen and in its scrollback.
  private func occurrences(of text: String, in terminal: TerminalSession) throws -> Int {
    try terminal.screen().components(separatedBy: text).count - 1
  }

  /// The entries of the history file in `home`, decoded from libedit's escapes.
  private func historyEntries(in home: URL) throws -> [String] {
    let text = try String(
      contentsOf: home.appendingPathComponent(".evs_history"), encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { line in
      line.replacingOccurrences(of: #"\040"#, with: " ")
        .replacingOccurrences(of: #"\012"#, with: "\n")
    }
  }

  @Test func ctrlRFindsAnEarlierStatementAndEnterRunsItAgain() throws {
    let terminal = try start()
    #expect(try terminal.waitForPrompt(seconds: Self.patience))
    try enter(#"let ev = load "events.csv""#, in: terminal)
    #expect(try terminal.wait(seconds: Self.patience) { try terminal.screen().contains("ev: 4") })
    try enter(#"ev | where Account == "bob" | count"#, in: terminal)
    #expect(
      try terminal.wait(seconds: Self.patience) {
        try occurrences(of: "│     2 │", in: terminal) == 1
      })
    try enter(".vars", in: terminal)
    #expect(
      try terminal.wait(seconds: Self.patience) { try terminal.screen().contains("ev  4 rows") })

    try terminal.type("C-r")
    try terminal.typeLiterally("bob")
    #expect(
      try terminal.wait(seconds: Self.patience) {
        try terminal.screen().contains(#"evs> ev | where Account == "bob" | count"#)
          && terminal.screen().contains("bob")
      })
    try terminal.type("Enter")
    #expect(
      try terminal.wait(seconds: Self.patience) {
        try occurrences(of: "│     2 │", in: terminal) == 2
      })
    #expect(try terminal.waitForPrompt(seconds: Self.patience))
  }

  @Test func aStatementContinuedOnLinesStartingWithAPipeIsOneHistoryEntry() throws {
    let terminal = try start()
    #expect(try terminal.waitForPrompt(seconds: Self.patience))
    try enter(#"let ev = load "events.csv""#, in: terminal)
    #expect(try terminal.wait(seconds: Self.patience) { try terminal.screen().contains("ev: 4") })
    try enter("let few = ev | where EventID == 4688", in: terminal)
    #expect(
      try terminal.wait(seconds: Self.patience) { try terminal.screen().contains("few: 3 rows") })
    try enter("| select Account", in: terminal)
    #expect(
      try terminal.wait(seconds: Self.patience) {
        try occurrences(of: "few: 3 rows", in: terminal) == 2
      })
    try enter("| head 2", in: terminal)
    #expect(
      try terminal.wait(seconds: Self.patience) { try terminal.screen().contains("few: 2 rows") })
    #expect(try terminal.waitForPrompt(seconds: Self.patience))

    // One Up brings back all three lines; Enter runs them as one statement.
    try terminal.type("Up")
    let recalled = "evs> let few = ev | where EventID == 4688\n| select Account\n| head 2"
    #expect(try terminal.wait(seconds: Self.patience) { try terminal.screen().contains(recalled) })
    try terminal.type("Enter")
    #expect(
      try terminal.wait(seconds: Self.patience) {
        try occurrences(of: "few: 2 rows", in: terminal) == 2
      })
    try enter(".quit", in: terminal)
    #expect(try terminal.wait(seconds: Self.patience) { try !terminal.isRunning() })

    let statement = "let few = ev | where EventID == 4688\n| select Account\n| head 2"
    let entries = try historyEntries(in: terminal.home)
    #expect(entries == [#"let ev = load "events.csv""#, statement, statement, ".quit"])
  }

  @Test func theHistoryFileKeepsOnlyTheNewestEntriesUpToItsLimit() throws {
    let limit = LineEditor.historyLimit
    let earlier = (0..<(limit + 200)).map { "old \($0)" }
    let terminal = try start { folder in
      let lines =
        ["_HiStOrY_V2_"] + earlier.map { $0.replacingOccurrences(of: " ", with: #"\040"#) }
      try Data((lines.joined(separator: "\n") + "\n").utf8)
        .write(to: folder.appendingPathComponent(".evs_history"))
    }
    #expect(try terminal.waitForPrompt(seconds: Self.patience))
    try terminal.type("Up")
    #expect(
      try terminal.wait(seconds: Self.patience) {
        try terminal.screen().contains("evs> old \(limit + 199)")
      })
    try terminal.type("C-u")
    try enter(".vars", in: terminal)
    #expect(
      try terminal.wait(seconds: Self.patience) { try terminal.screen().contains("evs> .vars") })
    #expect(try terminal.waitForPrompt(seconds: Self.patience))
    try enter(".quit", in: terminal)
    #expect(try terminal.wait(seconds: Self.patience) { try !terminal.isRunning() })

    let entries = try historyEntries(in: terminal.home)
    #expect(entries.count == limit)
    #expect(entries.suffix(2) == [".vars", ".quit"])
    #expect(entries.first == earlier[earlier.count - limit + 2])
  }

  /// A big CSV: the small events' header and rows, repeated to about `megabytes` MB.
  static func writeBigCSV(to url: URL, megabytes: Int) throws {
    let rows = (0..<20_000).map { row in
      [
        Value.string("2019-01-15 05:\(row % 60):00"), .string("user\(row % 300)"),
        .int(Int64(4600 + row % 90)), .string("tool\(row % 700).exe /run --item=\(row)"),
      ]
    }
    let table = Table(
      columnNames: ["TimeGenerated", "Account", "EventID", "CommandLine"],
      columns: (0..<4).map { column in Column(inferringFrom: rows.map { $0[column] }) })
    let text = TableWriter.csvBytes(table)
    let header = text.prefix { $0 != UInt8(ascii: "\n") }.count + 1
    let body = text[header...]

    FileManager.default.createFile(atPath: url.path, contents: Data(text[..<header]))
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.seekToEnd()
    for _ in 0..<max(1, megabytes * 1_000_000 / body.count) { try handle.write(contentsOf: body) }
  }

  @Test func ctrlCDuringALongLoadBindsNothingAndKeepsTheSession() throws {
    let terminal = try start { folder in
      try Self.writeBigCSV(to: folder.appendingPathComponent("big.csv"), megabytes: 150)
    }
    #expect(try terminal.waitForPrompt(seconds: Self.patience))
    try enter(#"let ev = load "events.csv""#, in: terminal)
    #expect(try terminal.wait(seconds: Self.patience) { try terminal.screen().contains("ev: 4") })

    try enter(#"let big = load "big.csv""#, in: terminal)
    // The progress line shows once the load has run for a while: it is under way.
    let loading = try terminal.wait(seconds: Self.patience) {
      try terminal.screen().contains("load  ")
    }
    #expect(loading)
    let pressed = ContinuousClock.now
    try terminal.type("C-c")
    #expect(
      try terminal.wait(seconds: Self.patience) { try terminal.screen().contains("cancelled;") })
    #expect(try terminal.waitForPrompt(seconds: Self.patience))
    #expect(ContinuousClock.now - pressed < .seconds(5))
    #expect(try !terminal.screen().contains("big:"))

    try enter(".vars", in: terminal)
    #expect(
      try terminal.wait(seconds: Self.patience) { try terminal.screen().contains("ev  4 rows") })
    let lines = try terminal.screen().split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("ev  4 rows") })
    #expect(!lines.contains { $0.hasPrefix("big ") })
    try enter("ev | count", in: terminal)
    #expect(
      try terminal.wait(seconds: Self.patience) { try terminal.screen().contains("│     4 │") })
    try terminal.type("C-d")
    #expect(try terminal.wait(seconds: Self.patience) { try !terminal.isRunning() })
  }

  @Test func ctrlCDuringAScriptStopsItWithAMessageAndStatus130() throws {
    let evs = try #require(TestPaths.evs)
    // bash, unlike some shells, waits for a child that handles Ctrl-C and goes on after.
    let terminal = try TerminalSession(
      evs: try #require(TestPaths.onPath("bash")), tmux: try #require(TestPaths.onPath("tmux")),
      arguments: ["-c", "\"\(evs.path)\" run long.evs; echo status=$?; sleep 600"],
      prepare: { folder in
        try Self.writeBigCSV(to: folder.appendingPathComponent("big.csv"), megabytes: 150)
        let script = "let big = load \"big.csv\"\nbig | count\n"
        try Data(script.utf8).write(to: folder.appendingPathComponent("long.evs"))
      })
    #expect(try terminal.wait(seconds: Self.patience) { try terminal.screen().contains("load  ") })
    try terminal.type("C-c")
    #expect(
      try terminal.wait(seconds: Self.patience) { try terminal.screen().contains("status=") })
    let screen = try terminal.screen()
    #expect(screen.contains("long.evs:1:16: error: cancelled; nothing was bound or changed"))
    #expect(screen.contains("evs: interrupted\nstatus=130"))
    #expect(!screen.contains("count"))
  }
}
