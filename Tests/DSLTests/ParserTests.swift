import Engine
import Testing

@testable import DSL

@Suite struct ParserTests {
  static func stages(_ text: String) throws -> [Verb] {
    guard case .show(let pipeline) = try Parser.parse(text).kind else { return [] }
    return pipeline.stages.map(\.verb)
  }

  static let col = Expression.column
  static func int(_ v: Int64) -> Expression { .literal(.int(v)) }
  static func str(_ s: String) -> Expression { .literal(.string(s)) }
  static func keys(_ names: String...) -> [(name: String, Expression)] {
    names.map { ($0, col($0)) }
  }

  @Test(
    arguments: [
      (
        "t | where a + b * c > 2",
        Verb.whereRows(
          .binary(
            .greater,
            .binary(
              .add, col("a"),
              .binary(.multiply, col("b"), col("c"))), int(2)))
      ),
      (
        "t | where a or b and not c",
        .whereRows(
          .binary(
            .or, col("a"),
            .binary(.and, col("b"), .not(col("c")))))
      ),
      (
        "t | where x in (1, 2) and y !in (\"a\")",
        .whereRows(
          .binary(
            .and,
            .inList(col("x"), [int(1), int(2)], negated: false),
            .inList(col("y"), [str("a")], negated: true)))
      ),
      (
        "t | where CommandLine !contains \"x\"",
        .whereRows(
          .binary(
            .notContains,
            col("CommandLine"), str("x")))
      ),
      (
        "t | where Account =~ \"system\"",
        .whereRows(
          .binary(
            .equalIgnoringCase,
            col("Account"), str("system")))
      ),
      ("t | where `Odd Name` == -3", .whereRows(.binary(.equal, col("Odd Name"), int(-3)))),
      ("t | where t > 90s", .whereRows(.binary(.greater, col("t"), int(90_000_000_000)))),
      ("t | extend n = len(CommandLine)", .extend([("n", .call("len", [col("CommandLine")]))])),
      (
        "t | project a, b = a % 2",
        .select([
          ("a", col("a")),
          (
            "b",
            .binary(
              .modulo, col("a"),
              int(2))
          ),
        ])
      ),
      ("t | project-away a, b", .drop(["a", "b"])),
      ("t | order by a desc, b", .sort([SortKey("a", descending: true), SortKey("b")])),
      ("t | take 5", .head(5)),
      ("t | top 3 by n desc", .top(3, SortKey("n", descending: true))),
      ("t | groupby a, b", .groupby(keys: keys("a", "b"), [Aggregation(.count)])),
      (
        "t | groupby a agg n = dcount(b), avg(c)",
        .groupby(
          keys: keys("a"),
          [
            Aggregation(.dcount, "b", name: "n"), Aggregation(.mean, "c"),
          ])
      ),
      (
        "t | summarize count() by Account, LogonType",
        .groupby(
          keys: keys("Account", "LogonType"),
          [Aggregation(.count)])
      ),
      (
        "t | summarize count() by bin(T, 1h), Hour = hour(T), a + b, a",
        .groupby(
          keys: [
            ("T", .call("bin", [col("T"), int(3_600_000_000_000)])),
            ("Hour", .call("hour", [col("T")])), ("Column1", .binary(.add, col("a"), col("b"))),
            ("a", col("a")),
          ],
          [Aggregation(.count)])
      ),
      (
        "t | summarize c = countif(a > 1), sum(len(b)) by a",
        .groupby(
          keys: keys("a"),
          [
            Aggregation(.sum, "iff(a > 1, 1, 0)", name: "c"),
            Aggregation(.sum, "len(b)", name: "sum_b"),
          ],
          inputs: [
            (
              "iff(a > 1, 1, 0)",
              .call("iff", [.binary(.greater, col("a"), int(1)), int(1), int(0)])
            ),
            ("len(b)", .call("len", [col("b")])),
          ])
      ),
      (
        "t | groupby a, a",
        .groupby(keys: [("a", col("a")), ("a_2", col("a"))], [Aggregation(.count)])
      ),
      ("t | where a !~ \"x\"", .whereRows(.not(.binary(.equalIgnoringCase, col("a"), str("x"))))),
      ("t | where a !startswith \"x\"", .whereRows(.not(.binary(.startsWith, col("a"), str("x"))))),
      ("t | where a !has \"x\"", .whereRows(.binary(.notContains, col("a"), str("x")))),
      ("t | where a matches regex \"x\" // KQL", .whereRows(.binary(.matches, col("a"), str("x")))),
      ("t | summarize make_set(a)", .groupby(keys: [], [Aggregation(.values, "a")])),
      (
        "t | where a in~ (\"x\")",
        .whereRows(
          .inList(.call("lower", [col("a")]), [.call("lower", [str("x")])], negated: false))
      ),
      (
        "t | where a !between (1 .. 2 + 3)",
        .whereRows(
          .not(
            .binary(
              .and, .binary(.greaterOrEqual, col("a"), int(1)),
              .binary(.lessOrEqual, col("a"), .binary(.add, int(2), int(3))))))
      ),
      ("t | count", .count),
    ] as [(String, Verb)])
  func parsesVerbsAndPrecedence(text: String, expected: Verb) throws {
    #expect(try Self.stages(text) == [expected])
  }

  @Test func parsesClusterOptions() throws {
    guard
      case .cluster(let columns, let options) = try Self.stages(
        "t | cluster a, b eps=0.0001 min=3 keep=all"
      ).first
    else {
      Issue.record("expected cluster")
      return
    }
    #expect(columns == ["a", "b"])
    #expect(options["eps"] == .literal(.float(0.0001)))
    #expect(options["min"] == .literal(.int(3)))
    #expect(options["keep"] == .name("all"))
  }

  @Test func parsesPlotWithByAndOptions() throws {
    guard
      case .plot(let spec) = try Self.stages(
        "t | plot box commandlineTokensFull by processName title=\"Tokens\""
      ).first
    else {
      Issue.record("expected plot")
      return
    }
    #expect(spec.kind == .box)
    #expect(spec.columns == ["commandlineTokensFull"])
    #expect(spec.by == "processName")
    #expect(spec.options["title"] == .string("Tokens"))
  }

  @Test(arguments: [
    "t | plot timeline TimeGenerated by=processName",
    "t | plot timeline TimeGenerated by processName",
  ])
  func plotTakesByAsAKeywordOrAnOption(text: String) throws {
    guard case .plot(let spec) = try Self.stages(text).first else {
      Issue.record("expected plot")
      return
    }
    #expect(spec.columns == ["TimeGenerated"])
    #expect(spec.by == "processName")
  }

  @Test func aParameterDefaultMayBeADate() throws {
    let statement = try Parser.parse("param since = datetime(\"2021-03-09 12:00:00\")")
    let expected = Timestamp.parse("2021-03-09 12:00:00").map(Value.timestamp)
    #expect(statement.kind == .param(name: "since", try #require(expected)))
    #expect(throws: ParseError.self) { try Parser.parse("param since = datetime(\"soon\")") }
  }

  @Test func continuationLinesFormOnePipeline() throws {
    let statement = try Parser.parse("let x = load \"a.csv\"\n  | where a > 1\n  | count")
    guard case .bind("x", let pipeline) = statement.kind else {
      Issue.record("expected a binding")
      return
    }
    #expect(
      pipeline.source
        == .load(path: "a.csv", options: Options(), span: Span(offset: 13, length: 7)))
    #expect(pipeline.stages.count == 2)
  }

  @Test(
    arguments: [
      (
        "t | where a >", "expected a value, a column name or '(', found the end of the statement",
        13
      ),
      ("t | wehre a > 1", "unknown verb 'wehre'; did you mean where?", 4),
      (
        "t | head \"x\"",
        "expected a row count (a whole number, or a parameter that holds one), found \"x\"", 9
      ),
      ("t | where a == \"x", "this string has no closing \"; add one at the end of the text", 15),
      (
        "t | cluster a eps=1 mni=2",
        "'cluster' has no option 'mni' (options: eps, min, normalize, time, keep);"
          + " did you mean min?",
        20
      ),
      ("t | cluster a eps=0.1 eps=0.2", "eps is given twice; keep one of them", 22),
      ("load \"x.csv\" format=csv format=json", "format is given twice; keep one of them", 24),
      ("t | plot bar a title=\"A\" title=\"B\"", "title is given twice; keep one of them", 25),
      ("t | save \"o.csv\" format=csv format=tsv", "format is given twice; keep one of them", 28),
      ("t | groupby a agg cuont()", "unknown aggregate 'cuont'; did you mean count?", 18),
      (
        "t | plot pie a",
        "expected a chart kind (bar, hist, box, scatter, line, timechart, timeline) after 'plot'", 9
      ),
      ("load events.csv", "expected a quoted path after 'load', as in load \"events.csv\"", 5),
      (
        "t | where 12abc > 1", "'12abc' is not a number; durations are written like 90s 5m 1h 2d",
        10
      ),
      ("t | count 5", "unexpected 5; a new verb must follow a '|'", 10),
      (
        "t | where a between (1 5)",
        "expected '..' between the ends of the range, as in between (1 .. 10), found 5", 23
      ),
      ("t | summarize count() by |", "expected a column to group by, found '|'", 25),
      (
        "t | summarize s = max(a) - min(a)",
        "aggregates cannot be combined with operators here; name them and compute in a"
          + " following extend, as in summarize a = max(X), b = min(X) | extend span = a - b", 25
      ),
      (
        "t | summarize x = count(), x = sum(a)",
        "the name 'x' is given twice; give one of them another name", 27
      ),
      (
        "t | summarize arg_max(a)",
        "unknown aggregate 'arg_max'; sort by X desc | head 1 gives the row with the largest X", 14
      ),
      ("t | where EventID = 4688", "'=' names a column; to compare, write '=='", 18),
      (
        "t | where t > datetime(2021-03-09 12:00)",
        "unexpected character ':'; times and paths are quoted, as in"
          + " datetime(\"2021-03-09 12:00\")", 36
      ),
    ] as [(String, String, Int)])
  func reportsSyntaxErrorsWithTheirPlace(text: String, message: String, offset: Int) {
    #expect(throws: ParseError.self) { try Parser.parse(text) }
    do {
      _ = try Parser.parse(text)
    } catch {
      #expect(error.message == message)
      #expect(error.offset == offset)
    }
  }
}
