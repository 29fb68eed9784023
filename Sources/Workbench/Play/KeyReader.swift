import Foundation

/// Reads single key presses from the terminal on standard input, without waiting for
/// Enter and without echoing them; the terminal's settings are restored after each key.
final class KeyReader {
  /// One key press.
  enum Key: Equatable {
    case enter
    case character(Character)
    /// Ctrl-C (while a line editor catches SIGINT, the read is interrupted).
    case interrupt
    /// Ctrl-D, or standard input closed.
    case endOfInput
  }

  private let descriptor: Int32

  init(descriptor: Int32 = STDIN_FILENO) {
    self.descriptor = descriptor
  }

  /// Waits for the next key.
  func read() -> Key {
    var saved = termios()
    let isTerminal = tcgetattr(descriptor, &saved) == 0
    if isTerminal {
      var raw = saved
      raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
      withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
        bytes[Int(VMIN)] = 1
        bytes[Int(VTIME)] = 0
      }
      tcsetattr(descriptor, TCSANOW, &raw)
    }
    defer {
      if isTerminal { tcsetattr(descriptor, TCSANOW, &saved) }
    }

    var byte: UInt8 = 0
    let count = Foundation.read(descriptor, &byte, 1)
    if count < 0 { return errno == EINTR ? .interrupt : .endOfInput }
    if count == 0 { return .endOfInput }
    switch byte {
    case 0x0A, 0x0D: return .enter
    case 0x03: return .interrupt
    case 0x04: return .endOfInput
    default: return .character(Character(Unicode.Scalar(byte)))
    }
  }
}
