import Foundation
import Testing

/// Drives the REPL on a real terminal: tmux with a private server and a private HOME.
@Suite(
  "REPL in a terminal",
  .enabled(
    if: TestPaths.onPath("tmux") != nil, "tmux is not installed (scripts/setup installs it)"),
  .enabled(if: TestPaths.evs != nil, "the evs executable is not built"))
struct REPLTests {
  @Test func helpErrorsAndQuitWorkAndHistoryIsSaved() throws {
    let terminal = try TerminalSession(
      evs: try #require(TestPaths.evs), tmux: try #require(TestPaths.onPath("tmux")))

    // capture-pane drops trailing spaces, so prompts are matched without theirs.
    #expect(try terminal.wait { try terminal.screen().contains("evs>") })
    try terminal.type(".help", "Enter")
    #expect(try terminal.wait { try terminal.screen().contains("Commands:") })
    #expect(try terminal.screen().contains("cluster"))

    try terminal.type("frobnicate", "Enter")
    #expect(try terminal.wait { try terminal.screen().contains("error: ") })
    try terminal.type(".hepl", "Enter")
    #expect(try terminal.wait { try terminal.screen().contains("did you mean .help?") })

    try terminal.type("procs |", "Enter")
    #expect(try terminal.wait { try terminal.screen().contains("procs |\n  …>") })
    try terminal.type("  head 3", "Enter")
    let errorCount = { try terminal.screen().components(separatedBy: "error: ").count - 1 }
    #expect(try terminal.wait { try errorCount() == 3 })
    #expect(try terminal.screen().contains("  …>   head 3\nerror: "))

    try terminal.type("half typed")
    try terminal.type("C-c")
    try terminal.type(".width 90", "Enter", ".width", "Enter")
    #expect(try terminal.wait { try terminal.screen().contains("width: 90") })
    #expect(try terminal.isRunning())

    try terminal.type(".quit", "Enter")
    #expect(try terminal.wait { try !terminal.isRunning() })

    let history = try String(
      contentsOf: terminal.home.appendingPathComponent(".evs_history"), encoding: .utf8)
    #expect(history.contains(".help"))
    #expect(history.contains("frobnicate"))
    #expect(history.contains(#"procs\040|\012\040\040head\0403"#))
    #expect(!history.contains("half"))
  }

  /// A few events, and a table whose self-join on its one key takes seconds.
  static func prepare(_ folder: URL) throws {
    try Data(ConsistencyTests.events.utf8).write(to: folder.appendingPathComponent("events.csv"))
    let pairs = "k,v\n" + (0..<4000).map { "1,\($0)\n" }.joined()
    try Data(pairs.utf8).write(to: folder.appendingPathComponent("pairs.csv"))
  }

  @Test func tabCompletesErrorsShowAndCtrlCCancelsALongStatement() throws {
    let terminal = try TerminalSession(
      evs: try #require(TestPaths.evs), tmux: try #require(TestPaths.onPath("tmux")),
      prepare: Self.prepare)
    let shows = { (text: String) in try terminal.wait { try terminal.screen().contains(text) } }
    #expect(try terminal.waitForPrompt())

    try terminal.typeLiterally(#"let ev = load "ev"#)
    try terminal.type("Tab")
    #expect(try shows(#"evs> let ev = load "events.csv""#))
    try terminal.type("Enter")
    #expect(try shows("ev: 4 rows"))

    for (text, key) in [
      ("ev | wh", "Tab"), ("Acc", "Tab"), (#"== "bob" | sel"#, "Tab"), ("Comm", "Tab"),
      ("", "Enter"),
    ] {
      if !text.isEmpty { try terminal.typeLiterally(text) }
      try terminal.type(key)
    }
    #expect(try shows(#"evs> ev | where Account == "bob" | select CommandLine"#))
    #expect(try shows("│ reg.exe query HKLM\\Software"))

    try terminal.typeLiterally(#"ev | where Acount == "bob""#)
    try terminal.type("Enter")
    #expect(try shows("error: unknown column 'Acount'; did you mean Account?"))

    try terminal.typeLiterally(#"let pairs = load "pairs.csv""#)
    try terminal.type("Enter")
    #expect(try shows("pairs: 4000 rows"))
    try terminal.typeLiterally("pairs | join pairs on k | count")
    try terminal.type("Enter")
    usleep(1_000_000)
    let pressed = ContinuousClock.now
    try terminal.type("C-c")
    #expect(try terminal.wait(seconds: 30) { try terminal.screen().contains("cancelled;") })
    #expect(ContinuousClock.now - pressed < .seconds(10))
    #expect(try !terminal.screen().contains("16000000"))
    #expect(try terminal.waitForPrompt())

    try terminal.type(".vars", "Enter")
    #expect(try shows("pairs  4000 rows × 2 columns"))
    try terminal.typeLiterally("let few = ev | where EventID == 4688")
    try terminal.type("Enter")
    #expect(try shows("few: 3 rows"))
    try terminal.typeLiterally("| sel")
    try terminal.type("Tab")
    try terminal.typeLiterally("Acc")
    try terminal.type("Tab", "Enter")
    #expect(try shows("evs> | select Account\nfew: 3 rows"))
    try terminal.type("few", "Enter")
    #expect(try shows("3 rows × 1 column"))
    try terminal.type("| count", "Enter")
    #expect(try shows("evs> | count\n┌───────┐\n│ count │\n├───────┤\n│     3 │"))

    // Ctrl-C flushes keys typed after it, so Ctrl-D waits for the new prompt.
    try terminal.typeLiterally("half typed")
    try terminal.type("C-c")
    #expect(try terminal.waitForPrompt())
    try terminal.type("C-d")
    #expect(try terminal.wait { try !terminal.isRunning() })
  }
}
