import Testing

@testable import Engine

/// The column-wide string tests (split among the cores, `contains` in one sweep over the
/// bytes) agree row for row with the single-value reference in `BinaryOperations`.
@Suite("String tests on whole columns")
struct StringTestsFastPathTests {
  /// Strings with the needle in either case, at the start or end of a row, cut across two
  /// rows, near misses, empties and nulls.
  static func column(rows: Int, seed: UInt64) -> Column {
    var random = SeededGenerator(seed: seed)
    let pieces = [
      "PowerShell", "powershell", "pow", "ershell", "xpowershelx", "", "cmd.exe /c",
      "POWERSHELL.EXE -enc", "p", "power shell", "ll",
    ]
    let cells: [Value] = (0..<rows).map { _ in
      if Int.random(in: 0..<20, using: &random) == 0 { return .null }
      let count = Int.random(in: 0..<3, using: &random)
      return .string(
        (0..<count).map { _ in pieces.randomElement(using: &random) ?? "" }.joined())
    }
    return Column(type: .string, cells: cells)
  }

  static let cases: [(BinaryOperator, String)] = [
    (.contains, "powershell"), (.contains, "PowerShell"), (.notContains, "shell"),
    (.contains, ""), (.contains, "ll"), (.equal, "powershell"), (.notEqual, "pow"),
    (.equal, ""), (.startsWith, "POW"), (.endsWith, "SHELL"), (.equalIgnoringCase, "POWERSHELL"),
  ]

  @Test(arguments: cases)
  func columnResultEqualsTheReferenceRowByRow(op: BinaryOperator, needle: String) throws {
    let column = Self.column(rows: 40_000, seed: 3)
    let table = Table(columnNames: ["s"], columns: [column])
    var evaluator = ExpressionEvaluator(table: table)

    let result = try evaluator.evaluate(.binary(op, .column("s"), .literal(.string(needle))))

    var regexes = RegexCache()
    let expected = try (0..<column.count).map { row in
      try BinaryOperations.apply(op, column[row], .string(needle), regexes: &regexes)
    }
    let wrong = (0..<column.count).filter { result[$0] != expected[$0] }
    #expect(wrong.isEmpty, "rows \(wrong.prefix(5)) differ")
  }
}
