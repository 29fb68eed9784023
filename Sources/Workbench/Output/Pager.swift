import Foundation

/// Shows long text through the user's pager: `$PAGER`, else `less -FRSX` (which quits
/// at once when the text fits the screen, keeps colours, and cuts long lines rather than
/// wrapping them, so that wide tables stay tables).
enum Pager {
  /// The pager used when `$PAGER` is not set, if `less` is on the PATH. Its options are
  /// given here, so the user's `LESS` variable need not hold them.
  static let defaultCommand = "less -FRSX"

  /// The pager command for this environment: `$PAGER` when it is set (empty means no
  /// pager), else `defaultCommand` when `less` is on the PATH, else none.
  /// - Parameters:
  ///   - environment: The process environment, of which `PAGER` and `PATH` are read.
  ///   - isExecutable: Whether a path names an executable file.
  /// - Returns: The command line to run through `/bin/sh`, or nil to print the text.
  static func command(
    environment: [String: String],
    isExecutable: (String) -> Bool = { FileManager.default.isExecutableFile(atPath: $0) }
  ) -> String? {
    if let pager = environment["PAGER"] { return pager.isEmpty ? nil : pager }
    let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
    let hasLess = folders.contains { !$0.isEmpty && isExecutable($0 + "/less") }
    return hasLess ? defaultCommand : nil
  }

  /// Pipes `text` to the pager's standard input and waits until the pager ends.
  /// - Parameter command: the pager command line, run by `/bin/sh`.
  /// - Returns: false when the pager could not be started, so the caller can print the
  ///   text instead.
  static func show(_ text: String, command: String) -> Bool {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { return false }
    let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, readEnd, STDIN_FILENO)
    posix_spawn_file_actions_addclose(&actions, readEnd)
    posix_spawn_file_actions_addclose(&actions, writeEnd)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    sigaddset(&defaults, SIGINT)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

    let words: [String] = ["/bin/sh", "-c", command]
    let argv = words.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var child = pid_t()
    let spawned = posix_spawn(&child, "/bin/sh", &actions, &attributes, argv, environ)
    close(readEnd)
    guard spawned == 0 else {
      close(writeEnd)
      return false
    }

    // A pager that quits early closes the pipe; that must not end evs.
    let previous = signal(SIGPIPE, SIG_IGN)
    writeAll(Array(text.utf8), to: writeEnd)
    close(writeEnd)
    var status: Int32 = 0
    while waitpid(child, &status, 0) == -1 && errno == EINTR {}
    signal(SIGPIPE, previous)
    return true
  }

  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        write(descriptor, buffer.baseAddress! + written, buffer.count - written)
      }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return }
      written += count
    }
  }
}
