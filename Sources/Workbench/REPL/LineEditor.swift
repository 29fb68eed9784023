import CEditLine
import Foundation
import Synchronization

/// Set by the SIGINT handler, taken by whoever asks next; atomic so the handler may set it.
private let interruptRequested = Atomic<Bool>(false)

/// The SIGINT handler while a line editor exists: remember the request, keep running.
private func noteInterrupt(_ signal: Int32) {
  interruptRequested.store(true, ordering: .relaxed)
}

/// libedit's character reader: one UTF-8 sequence decoded into its code point, or -1
/// (end of the line being read) at the end of input and when Ctrl-C interrupts the read.
private func readCharacter(_ file: UnsafeMutablePointer<FILE>?) -> Int32 {
  let descriptor = file.map { fileno($0) } ?? STDIN_FILENO
  guard let lead = readByte(descriptor) else { return -1 }

  let extra: Int
  var scalar: UInt32
  switch lead {
  case 0xC0...0xDF: (extra, scalar) = (1, UInt32(lead & 0x1F))
  case 0xE0...0xEF: (extra, scalar) = (2, UInt32(lead & 0x0F))
  case 0xF0...0xF7: (extra, scalar) = (3, UInt32(lead & 0x07))
  default: return Int32(lead)
  }

  for _ in 0..<extra {
    guard let next = readByte(descriptor) else { return -1 }
    scalar = scalar << 6 | UInt32(next & 0x3F)
  }
  return Int32(bitPattern: scalar)
}

/// Bytes the character reader hands out before reading input: text put on the line for
/// the user to edit, as if typed.
private let pendingInput = Mutex<[UInt8]>([])

/// One byte from `descriptor`; nil at the end of input, on an error, or on Ctrl-C.
private func readByte(_ descriptor: Int32) -> UInt8? {
  if let pending = pendingInput.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
    return pending
  }
  var byte: UInt8 = 0
  while true {
    let count = read(descriptor, &byte, 1)
    if count == 1 { return byte }
    if count < 0 && errno == EINTR && !interruptRequested.load(ordering: .relaxed) { continue }
    return nil
  }
}

/// Line editing and history for the REPL, on libedit's readline interface.
///
/// While it exists, Ctrl-C does not end the process: at the prompt it abandons the line
/// being typed, and elsewhere it is recorded for `takeInterrupt()`. The previous SIGINT
/// disposition and the history are restored and released when it goes away. Only one
/// line editor may exist at a time, since libedit's readline interface is global.
final class LineEditor {
  /// What one prompt produced.
  enum Input: Equatable {
    /// A line, without its line end.
    case line(String)
    /// Ctrl-C was pressed; whatever was typed is dropped.
    case interrupted
    /// Ctrl-D on an empty line, or the input closed.
    case endOfInput
  }

  private let historyFile: String?
  private var previousInterruptAction = sigaction()

  /// Prepares libedit and loads the history.
  /// - Parameters:
  ///   - historyFile: where history is read from and saved to; nil keeps none.
  ///   - historyLimit: the most entries kept in memory and in the file.
  init(historyFile: String?, historyLimit: Int = 1000) {
    self.historyFile = historyFile
    installInterruptHandler()

    // libedit draws multibyte prompts and input only under the user's locale.
    setlocale(LC_CTYPE, "")
    evs_set_getc_function(readCharacter)
    rl_initialize()
    using_history()
    stifle_history(Int32(historyLimit))
    if let historyFile { _ = read_history(historyFile) }
  }

  deinit {
    clear_history()
    evs_set_getc_function(nil)
    sigaction(SIGINT, &previousInterruptAction, nil)
  }

  /// Shows `prompt` and reads one line with editing and history.
  func readLine(prompt: String) -> Input {
    interruptRequested.store(false, ordering: .relaxed)
    guard let raw = readline(prompt) else {
      return takeInterrupt() ? .interrupted : .endOfInput
    }
    defer { free(raw) }
    return .line(String(cString: raw))
  }

  /// Shows `prompt` and reads one line that starts out as `text`, for the user to edit.
  func readLine(prompt: String, editing text: String) -> Input {
    let typed = text.map { $0 == "\t" || $0.isNewline ? " " : $0 }
    pendingInput.withLock { $0 = Array(String(typed).utf8) }
    defer { pendingInput.withLock { $0 = [] } }
    return readLine(prompt: prompt)
  }

  /// Adds `entry` to the history (a multi-line statement is one entry) and saves the file.
  func addHistory(_ entry: String) {
    add_history(entry)
    if let historyFile { _ = write_history(historyFile) }
  }

  /// Whether Ctrl-C was pressed since the last prompt or the last call; clears the request.
  func takeInterrupt() -> Bool {
    interruptRequested.exchange(false, ordering: .relaxed)
  }

  /// Catches SIGINT without SA_RESTART, so a pending read returns and the prompt can
  /// start over.
  private func installInterruptHandler() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = noteInterrupt
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, &previousInterruptAction)

    // A parent may have started evs with SIGINT blocked; Ctrl-C must still arrive.
    var interrupt = sigset_t()
    sigemptyset(&interrupt)
    sigaddset(&interrupt, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
  }
}
