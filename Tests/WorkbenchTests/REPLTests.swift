import Foundation
import Testing

/// Drives the REPL on a real terminal: tmux with a private server and a private HOME.
@Suite(
  "REPL in a terminal",
  .enabled(
    if: TestPaths.onPath("tmux") != nil, "tmux is not installed (scripts/setup installs it)"),
  .enabled(if: TestPaths.evs != nil, "the evs executable is not built"))
struct REPLTests {
  /// A detached tmux session running evs, with its own server whose socket lives in
  /// the session's temporary HOME; the server and the folder go away with it.
  final class TerminalSession {
    let home: URL
    let tmux: URL
    private var socket: String { home.appendingPathComponent("tmux.sock").path }

    /// Starts `evs` with `arguments` in `folder` (the session's HOME when nil).
    init(evs: URL, tmux: URL, arguments: [String] = [], in folder: URL? = nil) throws {
      self.tmux = tmux
      home = try TestPaths.temporaryFolder()
      let words = ([evs.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
      let command =
        "cd '\((folder ?? home).path)' && env HOME='\(home.path)' LANG=C.UTF-8 TERM=xterm \(words)"
      _ = try run(["new-session", "-d", "-x", "100", "-y", "30", command])
    }

    deinit {
      _ = try? run(["kill-server"])
      try? FileManager.default.removeItem(at: home)
    }

    func type(_ keys: String...) throws {
      _ = try run(["send-keys"] + keys)
    }

    /// The screen and its scrollback.
    func screen() throws -> String {
      try run(["capture-pane", "-p", "-S", "-200"]).output
    }

    /// Whether `evs` is still running in the session.
    func isRunning() throws -> Bool {
      try run(["has-session"]).status == 0
    }

    /// Polls until `condition` holds, for at most ten seconds.
    func wait(until condition: () throws -> Bool) rethrows -> Bool {
      for _ in 0..<100 {
        if try condition() { return true }
        usleep(100_000)
      }
      return false
    }

    private func run(_ arguments: [String]) throws -> ProcessResult {
      try spawnAndWait(tmux, ["-S", socket, "-f", "/dev/null", "-u"] + arguments)
    }
  }

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
    try terminal.type(".width 90", "Enter")
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
}
