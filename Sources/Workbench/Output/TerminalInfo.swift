import Foundation

/// What the process's output is connected to, and what that allows.
///
/// Outside a terminal everything is fixed (80 columns, box-drawing characters, no
/// colour) so that script output is the same on every machine.
struct TerminalInfo {
  /// Whether standard output is a terminal.
  var isTerminal: Bool
  /// The terminal's width in columns, when it reports one.
  var reportedColumns: Int?
  /// The environment variables that matter: COLUMNS, NO_COLOR, TERM and the locale.
  var environment: [String: String]

  /// What standard output is connected to right now.
  static func current() -> TerminalInfo {
    let isTerminal = isatty(STDOUT_FILENO) == 1
    return TerminalInfo(
      isTerminal: isTerminal,
      reportedColumns: isTerminal ? windowColumns() : nil,
      environment: ProcessInfo.processInfo.environment)
  }

  /// Whether standard input is a terminal, so that `evs` alone starts the REPL.
  static var inputIsTerminal: Bool {
    isatty(STDIN_FILENO) == 1
  }

  /// The widths output can be laid out for, as `.width` and `plot width=` take them.
  static let widths = 20...1000

  /// The width output is laid out for: COLUMNS when set, else the terminal's width,
  /// else 80; kept within `widths`.
  var columns: Int {
    let clamp = { (value: Int) in min(max(value, Self.widths.lowerBound), Self.widths.upperBound) }
    if let text = environment["COLUMNS"], let value = Int(text), value > 0 { return clamp(value) }
    if isTerminal, let reportedColumns, reportedColumns > 0 { return clamp(reportedColumns) }
    return 80
  }

  /// Colour only on a terminal that is not dumb, and never with NO_COLOR set.
  var usesColor: Bool {
    guard isTerminal else { return false }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    return environment["TERM"] != "dumb"
  }

  /// Whether box-drawing and other non-ASCII characters may be written: always outside
  /// a terminal (so that saved output is the same everywhere), and on a terminal that is
  /// not `TERM=dumb` and whose locale is UTF-8.
  var showsUnicode: Bool {
    guard isTerminal else { return true }
    if environment["TERM"] == "dumb" { return false }
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy
      .compactMap { self.environment[$0] }
      .first { !$0.isEmpty }
    guard let locale = locale?.lowercased() else { return false }
    return locale.contains("utf-8") || locale.contains("utf8")
  }

  /// The terminal's width from the TIOCGWINSZ ioctl on standard output.
  private static func windowColumns() -> Int? {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
      return nil
    }
    return Int(size.ws_col)
  }
}

extension TerminalInfo {
  /// A file: 80 columns, box-drawing characters, no colour, whatever the environment.
  static let file = TerminalInfo(isTerminal: false, reportedColumns: nil, environment: [:])
}
