import Engine
import Foundation
import Synchronization

/// How many times Ctrl-C was pressed while a script ran; atomic so the handler may count.
private let scriptInterrupts = Atomic<Int>(0)

/// The address of the `CancellationFlag` the first Ctrl-C sets, unretained, or 0.
private let scriptCancellationTarget = Atomic<Int>(0)

/// The SIGINT handler while a script runs: the first press asks the running statement to
/// stop; a second one ends the process at once. Only atomic operations, `write` and
/// `_exit` happen here, which a signal handler may call.
private func noteScriptInterrupt(_ signal: Int32) {
  let presses = scriptInterrupts.add(1, ordering: .relaxed).newValue
  if presses > 1 {
    let message = Array("\nevs: interrupted\n".utf8)
    _ = message.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    _exit(ScriptInterrupt.status)
  }
  let address = scriptCancellationTarget.load(ordering: .acquiring)
  guard let target = UnsafeRawPointer(bitPattern: address) else { return }
  Unmanaged<CancellationFlag>.fromOpaque(target)._withUnsafeGuaranteedRef { $0.cancel() }
}

/// Ctrl-C while a script or `-c` statements run: the first press cancels the running
/// statement, which reports the cancellation, and the script stops there; a second press
/// ends the process at once. Either way the exit status is `status`.
enum ScriptInterrupt {
  /// The exit status of an interrupted run, as shells report a process ended by SIGINT.
  static let status: Int32 = 130

  /// Makes Ctrl-C set `flag` until `body` returns; `body` learns nothing of it, but its
  /// statements see the flag.
  /// - Returns: what `body` returned, and whether Ctrl-C was pressed meanwhile.
  static func catching<T>(cancelling flag: CancellationFlag, _ body: () -> T) -> (T, Bool) {
    scriptInterrupts.store(0, ordering: .relaxed)
    let address = Int(bitPattern: Unmanaged.passUnretained(flag).toOpaque())
    scriptCancellationTarget.store(address, ordering: .releasing)

    var action = sigaction()
    action.__sigaction_handler.sa_handler = noteScriptInterrupt
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    var previous = sigaction()
    sigaction(SIGINT, &action, &previous)

    let result = withExtendedLifetime(flag) { body() }

    sigaction(SIGINT, &previous, nil)
    scriptCancellationTarget.store(0, ordering: .releasing)
    return (result, scriptInterrupts.load(ordering: .relaxed) > 0)
  }
}
