import Foundation

@testable import Workbench

/// A console that keeps what is written, for checking output without a process.
final class RecordingConsole: Console {
  private(set) var output = ""
  private(set) var error = ""

  func write(_ text: String, to stream: ConsoleStream) {
    switch stream {
    case .output: output += text
    case .error: error += text
    }
  }
}

/// A terminal that is not one: output to a file or pipe, 80 columns, no colour.
let notATerminal = TerminalInfo(isTerminal: false, reportedColumns: nil, environment: [:])

/// Where the package and its build products are.
enum TestPaths {
  /// The package root, two folders above this file (Tests/WorkbenchTests/File.swift).
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The golden files of rendered tables, kept outside the test target's sources.
  static let goldenFolder = packageRoot.appendingPathComponent("Tests/Golden/TableRenderer")

  /// The `evs` executable built next to the test bundle, else in `.build/debug`.
  static var evs: URL? {
    var candidates: [URL] = []
    if let executable = Bundle.main.executableURL {
      candidates.append(executable.deletingLastPathComponent().appendingPathComponent("evs"))
    }
    candidates.append(packageRoot.appendingPathComponent(".build/debug/evs"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// A program found on PATH, such as `tmux`.
  static func onPath(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":")
      .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// A new empty folder under the system's temporary folder.
  static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("evs-test-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }
}

/// What a finished process left behind.
struct ProcessResult {
  var status: Int32
  var output: String
  var error: String
}

/// Runs `executable` with `arguments` and `input` on standard input, in a clean
/// environment (no COLUMNS, no colour settings) unless `environment` adds to it.
/// Output goes through files, so a chatty process cannot block on a full pipe.
func runProcess(
  _ executable: URL, _ arguments: [String], input: String = "",
  environment: [String: String] = [:], in folder: URL? = nil
) throws -> ProcessResult {
  let scratch = try TestPaths.temporaryFolder()
  defer { try? FileManager.default.removeItem(at: scratch) }
  let files = ["in", "out", "err"].map { scratch.appendingPathComponent($0) }
  try Data(input.utf8).write(to: files[0])
  for file in files.dropFirst() { try Data().write(to: file) }

  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"].merging(environment) {
    $1
  }
  if let folder { process.currentDirectoryURL = folder }
  process.standardInput = try FileHandle(forReadingFrom: files[0])
  process.standardOutput = try FileHandle(forWritingTo: files[1])
  process.standardError = try FileHandle(forWritingTo: files[2])
  try process.run()
  process.waitUntilExit()

  return ProcessResult(
    status: process.terminationStatus,
    output: String(decoding: try Data(contentsOf: files[1]), as: UTF8.self),
    error: String(decoding: try Data(contentsOf: files[2]), as: UTF8.self))
}

/// Runs `executable` with posix_spawn and waits for it, for programs that leave a
/// daemon behind (tmux starts its server this way). Unlike `Process`, the child gets
/// no inherited descriptors beyond the standard three and no blocked signals, so the
/// daemon neither keeps the test waiting nor ignores Ctrl-C and termination.
func spawnAndWait(_ executable: URL, _ arguments: [String]) throws -> ProcessResult {
  let scratch = try TestPaths.temporaryFolder()
  defer { try? FileManager.default.removeItem(at: scratch) }
  let outputPath = scratch.appendingPathComponent("out").path
  let errorPath = scratch.appendingPathComponent("err").path

  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  closeInheritedDescriptors(&actions)

  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var noSignals = sigset_t()
  sigemptyset(&noSignals)
  posix_spawnattr_setsigmask(&attributes, &noSignals)
  var defaultSignals = sigset_t()
  sigemptyset(&defaultSignals)
  for signal in [SIGINT, SIGTERM, SIGPIPE, SIGCHLD] { sigaddset(&defaultSignals, signal) }
  posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

  let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  var pid = pid_t()
  let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, argv, environ)
  guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }

  var status: Int32 = 0
  while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
  return ProcessResult(
    status: (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
    output: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
    error: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
}

/// Adds "close every descriptor from 3 on" to `actions`, through glibc's
/// posix_spawn_file_actions_addclosefrom_np (2.34 and later), which Swift does not import.
private func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
  typealias CloseFrom =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32)
    -> Int32
  guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
  _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
}
