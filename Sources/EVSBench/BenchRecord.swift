import DSL
import Engine

/// One line of `evs-bench` output: a stage of a statement, or a whole statement.
struct BenchRecord {
  /// The record's fields in output order; values are already JSON text.
  private var fields: [(String, String)]

  /// A stage's verb, rows and time.
  init(stage: StageTrace, statement: Int) {
    fields = [
      ("kind", JSONText.quoted("stage")),
      ("statement", "\(statement)"),
      ("verb", JSONText.quoted(stage.verb)),
      ("rowsIn", stage.rowsIn.map { "\($0)" } ?? "null"),
      ("rowsOut", stage.rowsOut.map { "\($0)" } ?? "null"),
      ("seconds", "\(stage.seconds)"),
    ]
  }

  /// A whole statement's outcome, wall time and processor time.
  init(statement: Int, ok: Bool, seconds: Double, cpuSeconds: Double) {
    fields = [
      ("kind", JSONText.quoted("statement")),
      ("statement", "\(statement)"),
      ("ok", ok ? "true" : "false"),
      ("seconds", "\(seconds)"),
      ("cpuSeconds", "\(cpuSeconds)"),
    ]
  }

  /// The record as one line of JSON.
  var json: String {
    "{" + fields.map { "\(JSONText.quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}"
  }
}
