import CEditLine
import DSL
import Engine
import Foundation
import Synchronization

/// Set by the SIGINT handler, taken by whoever asks next; atomic so the handler may set it.
private let interruptRequested = Atomic<Bool>(false)

/// The address of the `CancellationFlag` Ctrl-C sets, unretained, or 0; the line editor
/// that stored it keeps it alive until it clears it.
private let interruptTarget = Atomic<Int>(0)

/// The SIGINT handler while a line editor exists: remember the request, ask the running
/// statement to stop, keep running. Only atomic loads and stores happen here.
private func noteInterrupt(_ signal: Int32) {
  interruptRequested.store(true, ordering: .relaxed)
  guard let target = UnsafeRawPointer(bitPattern: interruptTarget.load(ordering: .acquiring))
  else { return }
  Unmanaged<CancellationFlag>.fromOpaque(target)._withUnsafeGuaranteedRef { $0.cancel() }
}

/// Where Tab's candidates come from: the line and a character offset in it. Set and read
/// only on the thread that reads lines, which is the one libedit calls back on.
nonisolated(unsafe) private var completionSource: ((String, Int) -> Completion)?

/// libedit's completion callback: `word` is the text from libedit's word start to the
/// cursor, `end` the cursor as a count of Unicode scalars. Returns libedit's match list
/// (the text to insert, then every candidate, then NULL), or NULL for no match.
private func completeWord(_ word: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
  -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
{
  evs_completion_done()
  guard let source = completionSource else { return nil }
  let typedWord = word.map { String(cString: $0) } ?? ""
  let (line, cursor) = editedLine(cursorScalars: Int(end), word: typedWord)
  let completion = source(line, cursor)
  guard !completion.candidates.isEmpty else { return nil }

  // libedit replaces its own word; candidates replace the completer's, so the two
  // are lined up: text between the two starts is added or removed.
  let characters = Array(line)
  let editorStart = max(0, cursor - typedWord.count)
  let ownStart = min(max(0, completion.start), cursor)
  let lineUp = { (text: String) -> String in
    if ownStart >= editorStart { return String(characters[editorStart..<ownStart]) + text }
    return String(text.dropFirst(editorStart - ownStart))
  }

  let typed = String(characters[ownStart..<cursor])
  var matches: [String]
  if completion.candidates.count == 1, let only = completion.candidates.first {
    let text = lineUp(only.text + only.terminator)
    matches = [text, text]
  } else {
    matches = [lineUp(completion.commonPrefix(typed: typed))]
    matches += completion.candidates.map { lineUp($0.text) }
  }
  return matchList(matches)
}

/// The line being edited and the cursor as a character offset; just the word when
/// libedit's line buffer does not agree with it.
private func editedLine(cursorScalars: Int, word: String) -> (String, Int) {
  let line = evs_line_buffer().map { String(cString: $0) } ?? ""
  let scalars = Array(line.unicodeScalars)
  guard cursorScalars <= scalars.count else { return (word, word.count) }
  var prefix = String.UnicodeScalarView()
  prefix.append(contentsOf: scalars[..<cursorScalars])
  let typed = String(prefix)
  guard typed.hasSuffix(word) else { return (word, word.count) }
  return (line, typed.count)
}

/// A NULL-terminated array of C strings that libedit frees.
private func matchList(_ texts: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
  let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (texts.count + 1)
  guard let raw = malloc(size) else { return nil }
  let list = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: texts.count + 1)
  for (index, text) in texts.enumerated() { list[index] = strdup(text) }
  list[texts.count] = nil
  return list
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
/// being typed, and elsewhere it is recorded for `takeInterrupt()` and sets the flag
/// given to `cancelOnInterrupt`. Tab asks `completer` for candidates. The previous SIGINT
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

  /// The most entries the history keeps, in memory and in its file; older ones are
  /// dropped as new ones come.
  static let historyLimit = 1000

  private let historyFile: String?
  private var previousInterruptAction = sigaction()
  /// The flag Ctrl-C sets, kept alive while the signal handler may reach it.
  private var cancellation: CancellationFlag?

  /// Where Tab finds candidates: given the line and the cursor's character offset.
  var completer: ((String, Int) -> Completion)? {
    get { completionSource }
    set { completionSource = newValue }
  }

  /// Prepares libedit and loads the history.
  /// - Parameters:
  ///   - historyFile: where history is read from and saved to; nil keeps none.
  ///   - historyLimit: the most entries kept in memory and in the file.
  init(historyFile: String?, historyLimit: Int = LineEditor.historyLimit) {
    self.historyFile = historyFile
    installInterruptHandler()

    // libedit draws multibyte prompts and input only under the user's locale.
    setlocale(LC_CTYPE, "")
    evs_set_getc_function(readCharacter)
    rl_initialize()
    evs_set_completion_function(completeWord)
    using_history()
    stifle_history(Int32(historyLimit))
    if let historyFile { _ = read_history(historyFile) }
  }

  deinit {
    clear_history()
    evs_set_getc_function(nil)
    evs_set_completion_function(nil)
    completionSource = nil
    sigaction(SIGINT, &previousInterruptAction, nil)
    interruptTarget.store(0, ordering: .releasing)
  }

  /// Makes Ctrl-C also set `flag`, so a running statement stops at its next check.
  func cancelOnInterrupt(_ flag: CancellationFlag) {
    cancellation = flag
    let address = Int(bitPattern: Unmanaged.passUnretained(flag).toOpaque())
    interruptTarget.store(address, ordering: .releasing)
  }

  /// The history, oldest first; a multi-line statement is one entry.
  var history: [String] {
    let base = evs_history_base()
    return (0..<evs_history_length()).compactMap { offset in
      history_get(base + offset)?.pointee.line.map { String(cString: $0) }
    }
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

  /// Replaces the newest history entry with `entry` (a statement that grew by a line
  /// starting with `|`) and saves the file; adds it when the history is empty.
  ///
  /// The history is built again without its newest entry, since libedit's readline
  /// interface numbers entries for removal differently from one version to the next.
  func replaceLastHistory(with entry: String) {
    let kept = history.dropLast()
    clear_history()
    for line in kept { add_history(line) }
    addHistory(entry)
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
