import DSL

/// One line of `evs-bench` output: a stage of a statement, or a whole statement.
struct BenchRecord {
  /// The record's fields in output order; values are already JSON text.
  private var fields: [(String, String)]

  /// A stage's verb, rows and time.
  init(stage: StageTrace, statement: Int) {
    fields = [
      ("kind", Self.quoted("stage")),
      ("statement", "\(statement)"),
      ("verb", Self.quoted(stage.verb)),
      ("rowsIn", stage.rowsIn.map { "\($0)" } ?? "null"),
      ("rowsOut", stage.rowsOut.map { "\($0)" } ?? "null"),
      ("seconds", "\(stage.seconds)"),
    ]
  }

  /// A whole statement's outcome, wall time and processor time.
  init(statement: Int, ok: Bool, seconds: Double, cpuSeconds: Double) {
    fields = [
      ("kind", Self.quoted("statement")),
      ("statement", "\(statement)"),
      ("ok", ok ? "true" : "false"),
      ("seconds", "\(seconds)"),
      ("cpuSeconds", "\(cpuSeconds)"),
    ]
  }

  /// The record as one line of JSON.
  var json: String {
    "{" + fields.map { "\(Self.quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}"
  }

  /// `text` as a JSON string literal.
  private static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20:
        result +=
          "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
          + String(scalar.value, radix: 16)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
