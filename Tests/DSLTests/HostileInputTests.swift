import DSL
import Engine
import Testing

/// Inputs that once crashed evs; each must now give a result or a located error.
@Suite struct HostileInputTests {
  static func run(_ text: String, with table: Table? = nil) -> Result<Output, Diagnostic> {
    let session = Session(baseDirectory: ".")
    if let table { session.bind("t", table: table) }
    return session.execute(text, at: SourceLocation(file: "t", line: 1, column: 1)).outcome
  }

  static func message(_ text: String, with table: Table? = nil) -> String? {
    guard case .failure(let diagnostic) = run(text, with: table) else { return nil }
    return diagnostic.message
  }

  static func numbers(_ values: [Double]) -> Table {
    Table(columnNames: ["x"], columns: [Column(.float(values))])
  }

  @Test func anOverlongDurationIsAnError() {
    #expect(Self.message("let x = 200000d")?.contains("too long") == true)
  }

  @Test func deepNestingAndHugeChainsAreRefusedNotStackOverflows() {
    let deep =
      "let x = " + String(repeating: "(", count: 3000) + "1"
      + String(repeating: ")", count: 3000)
    #expect(Self.message(deep)?.contains("nests more than") == true)
    let nots = "let x = " + String(repeating: "not ", count: 5000) + "true"
    #expect(Self.message(nots)?.contains("nests more than") == true)
    let chain = "let x = " + Array(repeating: "1", count: 2000).joined(separator: "+")
    #expect(Self.message(chain)?.contains("more than 500 operators") == true)
  }

  @Test func integerOverflowGivesNullInsteadOfAnAbort() throws {
    let t = Table(columnNames: ["n"], columns: [Column(.int([Int64.max, 1, Int64.min]))])
    let output = try Self.run(
      "t | extend a = n + 1, m = n * 2, r = n % -1 | summarize s = sum(n), c = count()",
      with: t
    ).get()
    guard case .table(let result) = output else {
      Issue.record("expected a table")
      return
    }
    #expect(result.columns[0][0] == .null, "the sum overflows")
    let rows = try Self.run("t | extend a = n + 1, r = n % -1 | select a, r", with: t).get()
    guard case .table(let computed) = rows else { return }
    #expect(
      computed.columns[0] == Column(type: .int, cells: [.null, .int(2), .int(Int64.min + 1)]))
    #expect(computed.columns[1][2] == .null)
  }

  @Test func extremeTimesBinsAndSubstringsGiveNullOrAValueInsteadOfAnAbort() throws {
    let t = Table(
      columnNames: ["n", "s", "t"],
      columns: [
        Column(.int([Int64.min + 7, -7])), Column(type: .string, cells: [.string("abc"), .null]),
        Column(.timestamp([Int64.max - 10, -5])),
      ])
    let output = try Self.run(
      "t | extend b = bin(n, 100), c = substr(s, 1, 9223372036854775807), d = t + 1d,"
        + " e = t - datetime(\"1970-01-01\"), f = abs(n - 8), g = -(n - 8), h = bin(t, 1h)",
      with: t
    ).get()
    guard case .table(let result) = output else {
      Issue.record("expected a table")
      return
    }
    #expect(result.columns[3] == Column(type: .int, cells: [.null, .int(-100)]))
    #expect(result.columns[4] == Column(type: .string, cells: [.string("bc"), .null]))
    #expect(
      result.columns[5]
        == Column(type: .timestamp, cells: [.null, .timestamp(-5 + 86_400_000_000_000)]))
    #expect(result.columns[6] == Column(type: .int, cells: [.int(Int64.max - 10), .int(-5)]))
    #expect(result.columns[7][0] == .null)
    #expect(result.columns[8][0] == .null)
    #expect(result.columns[9][1] == .timestamp(-3_600_000_000_000))
    #expect(Self.message("t | extend b = bin(t, 1e19)", with: t)?.contains("bin size") == true)
  }

  @Test(arguments: ["hist x", "box x", "scatter x x", "line x x log=y"])
  func chartsOfExtremeValuesDrawInsteadOfCrashing(kind: String) throws {
    let output = try Self.run(
      "t | plot \(kind)", with: Self.numbers([1.79e308, -1.79e308, 1, 2])
    ).get()
    guard case .chart(let chart) = output else {
      Issue.record("expected a chart")
      return
    }
    #expect(!chart.render(RenderStyle(width: 80)).isEmpty)
  }

  @Test func ticksForAHugeRangeComeQuickly() throws {
    let output = try Self.run("t | plot hist x", with: Self.numbers([-5, 1e200])).get()
    guard case .chart(let chart) = output else { return }
    #expect(!chart.render(RenderStyle(width: 80)).isEmpty)
  }

  @Test(arguments: ["timechart t", "timeline t", "line t t"])
  func timesCenturiesApartAreAnErrorThatSaysWhatToFilter(kind: String) {
    let nanosPerYear = 365 * Timestamp.nanosPerDay
    let t = Table(
      columnNames: ["t"],
      columns: [Column(.timestamp([-70 * nanosPerYear, 49 * nanosPerYear, 230 * nanosPerYear]))])
    let text = Self.message("t | plot \(kind)", with: t)
    #expect(text?.contains("more than 250 years") == true, "\(text ?? "no error")")
  }
}

/// Wrong answers the break-it trial found, now right.
@Suite struct ExactnessTests {
  @Test func booleanAndNullLiteralsBindAsValues() throws {
    for (text, expected) in [("true", Value.bool(true)), ("false", .bool(false)), ("null", .null)] {
      let session = Session(baseDirectory: ".")
      _ = try session.execute("let x = \(text)", at: SourceLocation(file: "t", line: 1, column: 1))
        .outcome.get()
      guard case .value(let value)? = session.binding("x") else {
        Issue.record("x is not a value")
        continue
      }
      #expect(value == expected)
    }
  }

  @Test func largeIntegersCompareAndJoinExactly() throws {
    let big: Int64 = 9_007_199_254_740_993
    let t = Table(columnNames: ["id"], columns: [Column(.int([big, big - 1]))])
    let session = Session(baseDirectory: ".")
    session.bind("t", table: t)
    session.bind("r", table: Table(columnNames: ["id"], columns: [Column(.int([big - 1]))]))
    let at = SourceLocation(file: "t", line: 1, column: 1)
    for text in [
      "t | where id == 9007199254740992", "t | where id in (9007199254740992)",
      "t | join r on id",
    ] {
      guard case .table(let result) = try session.execute(text, at: at).outcome.get() else {
        continue
      }
      let first = result.columns[0][0]
      #expect(result.rowCount == 1, "\(text)")
      #expect(first == .int(big - 1), "\(text)")
    }
  }

  @Test func notANumberSortsAfterEveryNumber() throws {
    let t = Table(columnNames: ["x"], columns: [Column(.float([3, .nan, 1, .nan, 2]))])
    let sorted = try t.sorted(by: [SortKey("x")])
    guard case .float(let values) = sorted.columns[0].values else { return }
    #expect(Array(values.prefix(3)) == [1, 2, 3])
    let lastAreNaN = values.suffix(2).allSatisfy { $0.isNaN }
    #expect(lastAreNaN)
  }
}
