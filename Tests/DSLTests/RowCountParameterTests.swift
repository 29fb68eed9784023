import DSL
import Engine
import Testing

/// `head`, `tail` and `top` take their row count from a script parameter.
@Suite("Row counts from parameters")
struct RowCountParameterTests {
  private func session(overrides: [String: String] = [:]) -> Session {
    let session = InterpreterTests.session()
    session.parameterOverrides = overrides
    return session
  }

  @Test(arguments: [
    ("procs | head n", [10, 20]), ("procs | take n", [10, 20]), ("procs | tail n", [40, 50]),
    ("procs | top n by Pid desc", [50, 40]), ("procs | sort Pid desc | head n", [50, 40]),
  ])
  func parameterGivesTheRowCount(statement: String, pids: [Int64]) throws {
    let s = session()
    _ = try InterpreterTests.run(s, "param n = 2").get()

    let table = try InterpreterTests.table(s, statement)
    #expect(table.cells("Pid") == pids.map { .int($0) })
  }

  @Test func overriddenParameterGivesTheRowCount() throws {
    let s = session(overrides: ["n": "3"])
    _ = try InterpreterTests.run(s, "param n = 2").get()

    #expect(try InterpreterTests.table(s, "procs | head n").rowCount == 3)
  }

  @Test(arguments: [
    (
      "param n = -1", "procs | head n", 14,
      "'head' needs a whole number of rows (0 or more), but 'n' is -1"
    ),
    (
      "param n = 2.5", "procs | top n by Pid", 13,
      "'top' needs a whole number of rows (0 or more), but 'n' is a value of type float"
    ),
    (
      "param n = \"all\"", "procs | tail n", 14,
      "'tail' needs a whole number of rows (0 or more), but 'n' is a value of type string"
    ),
    (
      "param m = 2", "procs | head n", 14,
      "'head' needs a row count: a whole number, or a parameter that holds one; nothing is "
        + "bound to 'n'"
    ),
  ])
  func unusableParameterIsAnErrorAtTheName(
    declaration: String, statement: String, column: Int, message: String
  ) throws {
    let s = session()
    _ = try InterpreterTests.run(s, declaration).get()

    guard case .failure(let diagnostic) = InterpreterTests.run(s, statement) else {
      Issue.record("expected \(statement) to fail")
      return
    }
    #expect(diagnostic.message.hasPrefix(message))
    #expect(diagnostic.location.column == column)
  }

  @Test func negativeOverrideIsAnErrorAtTheName() throws {
    let s = session(overrides: ["n": "-4"])
    _ = try InterpreterTests.run(s, "param n = 2").get()

    guard case .failure(let diagnostic) = InterpreterTests.run(s, "procs | top n by Pid") else {
      Issue.record("expected a negative count to fail")
      return
    }
    #expect(diagnostic.message.contains("but 'n' is -4; give another value with --param n=N"))
    #expect(diagnostic.location.column == 13)
  }
}

extension Table {
  fileprivate func cells(_ name: String) -> [Value] {
    guard let column = try? column(name) else { return [] }
    return (0..<column.count).map { column[$0] }
  }
}
