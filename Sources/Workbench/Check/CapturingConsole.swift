/// A console that keeps what is written until it is taken, so each statement's output
/// can be compared with what a script recorded for it.
final class CapturingConsole: Console {
  private var output = ""
  private var error = ""

  func write(_ text: String, to stream: ConsoleStream) {
    switch stream {
    case .output: output += text
    case .error: error += text
    }
  }

  /// What was written since the last call, and starts afresh.
  func take() -> (output: String, error: String) {
    defer {
      output = ""
      error = ""
    }
    return (output, error)
  }
}
