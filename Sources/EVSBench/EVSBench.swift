import DSL
import Foundation

/// `evs-bench`: runs an evs script the way `evs run` does, without displaying results,
/// and reports how long each statement and each of its stages took, for `scripts/bench`.
///
/// ```
/// evs-bench SCRIPT.evs
/// ```
///
/// Prints one JSON object per line to standard output: for every stage
/// `{"kind":"stage","statement":N,"verb":...,"rowsIn":...,"rowsOut":...,"seconds":...}`,
/// then for its statement
/// `{"kind":"statement","statement":N,"ok":true,"seconds":...,"cpuSeconds":...}`, where
/// `cpuSeconds` is the processor time of all threads of the process (user and system) spent
/// during the statement. Stops at the first failing statement, with its message on
/// standard error and exit status 1.
@main
struct EVSBench {
  static func main() {
    let arguments = CommandLine.arguments.dropFirst()
    guard arguments.count == 1, let path = arguments.first, !path.hasPrefix("-") else {
      FileHandle.standardError.write(Data("usage: evs-bench SCRIPT.evs\n".utf8))
      exit(2)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      FileHandle.standardError.write(Data("evs-bench: cannot read \(path)\n".utf8))
      exit(1)
    }

    let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
    let session = Session(baseDirectory: folder)
    let text = String(decoding: data, as: UTF8.self)
    var number = 0
    for case .statement(let source, let location, _) in ScriptReader.items(in: text, file: path) {
      number += 1
      let measured = StatementTimer.measure { session.execute(source, at: location) }
      for stage in measured.result.trace {
        emit(BenchRecord(stage: stage, statement: number))
      }
      let ok: Bool
      if case .failure(let diagnostic) = measured.result.outcome {
        FileHandle.standardError.write(Data((diagnostic.rendered + "\n").utf8))
        ok = false
      } else {
        ok = true
      }
      emit(
        BenchRecord(
          statement: number, ok: ok, seconds: measured.seconds, cpuSeconds: measured.cpuSeconds))
      if !ok { exit(1) }
    }
  }

  private static func emit(_ record: BenchRecord) {
    print(record.json)
  }
}
