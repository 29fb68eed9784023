import Engine
import Foundation

/// The two places the workbench writes to.
enum ConsoleStream {
  /// Results: tables, charts, values.
  case output
  /// Errors, notices and usage messages.
  case error
}

/// Where the workbench writes; the only place output leaves the program.
protocol Console: AnyObject {
  /// Writes `text` as is; callers add line ends.
  func write(_ text: String, to stream: ConsoleStream)
}

extension Console {
  /// Writes each line followed by a line end, in one piece.
  func writeLines(_ lines: [String], to stream: ConsoleStream) {
    guard !lines.isEmpty else { return }
    write(lines.joined(separator: "\n") + "\n", to: stream)
  }

  /// Writes `evs: error: message` to standard error, with anything in the message that a
  /// terminal would act on (it may quote a path or a value) shown escaped.
  func writeError(_ message: String) {
    write("evs: error: " + VisibleText.escaped(message, keepingLineBreaks: true) + "\n", to: .error)
  }
}

/// The process's standard output and standard error.
final class StandardConsole: Console {
  func write(_ text: String, to stream: ConsoleStream) {
    let handle = stream == .output ? FileHandle.standardOutput : FileHandle.standardError
    try? handle.write(contentsOf: Data(text.utf8))
  }
}
