import Foundation

/// A detached tmux session running evs on a real terminal, with its own server whose
/// socket lives in the session's temporary HOME; the server and the folder go away
/// with it.
final class TerminalSession {
  let home: URL
  let tmux: URL
  private var socket: String { home.appendingPathComponent("tmux.sock").path }

  /// Starts evs in `home`, a new temporary folder, after `prepare` has put files there.
  init(
    evs: URL, tmux: URL, arguments: [String] = [], in folder: URL? = nil, width: Int = 100,
    height: Int = 30, prepare: (URL) throws -> Void = { _ in }
  ) throws {
    self.tmux = tmux
    home = try TestPaths.temporaryFolder()
    try prepare(home)
    let words = ([evs.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    let command = "env HOME='\(home.path)' LANG=C.UTF-8 TERM=xterm \(words)"
    let start = (folder ?? home).path
    _ = try run([
      "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-c", start, command,
    ])
  }

  deinit {
    _ = try? run(["kill-server"])
    try? FileManager.default.removeItem(at: home)
  }

  /// Sends keys as tmux names them: text, `Enter`, `Tab`, `C-c`.
  func type(_ keys: String...) throws {
    _ = try run(["send-keys"] + keys)
  }

  /// Sends `text` literally, without tmux reading key names in it.
  func typeLiterally(_ text: String) throws {
    _ = try run(["send-keys", "-l", text])
  }

  /// The screen and its scrollback, without trailing spaces.
  func screen() throws -> String {
    try run(["capture-pane", "-p", "-S", "-500"]).output
  }

  /// Whether `evs` is still running in the session.
  func isRunning() throws -> Bool {
    try run(["has-session"]).status == 0
  }

  /// Polls until `condition` holds, for at most `seconds`.
  func wait(seconds: Double = 10, until condition: () throws -> Bool) rethrows -> Bool {
    for _ in 0..<Int(seconds * 10) {
      if try condition() { return true }
      usleep(100_000)
    }
    return false
  }

  /// Waits until the screen's last non-empty line is an empty prompt.
  func waitForPrompt(seconds: Double = 10) throws -> Bool {
    try wait(seconds: seconds) {
      let lines = try screen().split(separator: "\n").filter { !$0.isEmpty }
      return lines.last == "evs>"
    }
  }

  private func run(_ arguments: [String]) throws -> ProcessResult {
    try spawnAndWait(tmux, ["-S", socket, "-f", "/dev/null", "-u"] + arguments)
  }
}
