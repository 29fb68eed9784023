import DSL
import Engine
import Testing

/// Every function of the language on hand-checked inputs, nulls included.
@Suite struct FunctionTableTests {
  static func value(_ expression: String) throws -> Value {
    let session = Session(baseDirectory: ".")
    let result = session.execute(
      "let v = \(expression)", at: SourceLocation(file: "t", line: 1, column: 1))
    _ = try result.outcome.get()
    guard case .value(let value)? = session.binding("v") else { return .string("<table>") }
    return value
  }

  static let jan15 = Timestamp.nanos(year: 2019, month: 1, day: 15, hour: 5, minute: 24)

  @Test(arguments: [
    ("len(\"cmd.exe\")", Value.int(7)), ("len(\"é\")", .int(1)), ("len(null)", .null),
    ("lower(\"CMD\")", .string("cmd")), ("upper(\"cmd\")", .string("CMD")),
    ("trim(\"  a b \")", .string("a b")),
    ("basename(\"C:\\\\Windows\\\\cmd.exe\")", .string("cmd.exe")),
    ("basename(\"/usr/bin/ls\")", .string("ls")),
    ("split(\"a,b,c\", \",\", 1)", .string("b")), ("split(\"a,b\", \",\", 5)", .null),
    ("substr(\"powershell\", 5, 5)", .string("shell")), ("substr(\"abc\", 1)", .string("bc")),
    ("replace(\"a1b22\", \"[0-9]+\", \"#\")", .string("a#b#")),
    ("extract(\"user (\\\\w+)\", 1, \"net user bob /add\")", .string("bob")),
    ("ord_score(\"ab\")", .int(195)), ("ord_score(\"ab\", 2)", .int(97)),
    ("delim_count(\"a b-c\")", .int(2)), ("delim_count(\"a,b;c\", \"[,;]\")", .int(2)),
    ("token_count(\"a b  c\")", .int(4)), ("crc32(\"abc\")", .int(891_568_578)),
    ("log10(1000)", .float(3)), ("log10(0)", .null), ("ln(1)", .float(0)),
    ("abs(-3)", .int(3)), ("abs(-2.5)", .float(2.5)), ("round(2.567, 2)", .float(2.57)),
    ("round(2.5)", .float(3)), ("floor(2.7)", .float(2)), ("ceil(2.1)", .float(3)),
    ("floor(4)", .int(4)), ("isnull(null)", .bool(true)), ("isnotnull(1)", .bool(true)),
    ("coalesce(null, 2, 3)", .int(2)), ("isempty(\"\")", .bool(true)),
    ("isempty(null)", .bool(true)), ("isempty(\"a\")", .bool(false)),
    ("isnotempty(\"a\")", .bool(true)), ("isnotempty(null)", .bool(false)),
    ("iff(1 > 2, \"a\", \"b\")", .string("b")),
    ("tostring(12)", .string("12")), ("toint(\"42\")", .int(42)), ("toint(\"x\")", .null),
    ("todouble(\"2.5\")", .float(2.5)), ("bin(17, 5)", .int(15)), ("bin(-1, 5)", .int(-5)),
    ("bin(2.7, 0.5)", .float(2.5)),
    ("hour(datetime(\"2019-01-15 05:24:00\"))", .int(5)),
    ("dayofweek(datetime(\"2019-01-15 05:24:00\"))", .int(2)),
    ("datetime(\"2019-01-15T05:24:00Z\")", .timestamp(jan15)),
    ("bin(datetime(\"2019-01-15 05:24:00\"), 1h)", .timestamp(jan15 - 24 * 60_000_000_000)),
    ("datetime(\"2019-01-15 05:24:00\") + 1m", .timestamp(jan15 + 60_000_000_000)),
    ("\"abc\" contains \"B\"", .bool(true)), ("\"abc\" startswith \"AB\"", .bool(true)),
    ("\"abc\" endswith \"bc\"", .bool(true)), ("\"abc\" matches \"^a.c$\"", .bool(true)),
    ("\"Abc\" =~ \"aBC\"", .bool(true)), ("\"abc\" == \"ABC\"", .bool(false)),
    ("2 in (1, 2.0)", .bool(true)), ("3 !in (1, 2)", .bool(true)),
    ("7 / 2", .float(3.5)), ("7 % 4", .int(3)), ("1 / 0", .null),
    ("null + 1", .null), ("false and null", .bool(false)), ("true or null", .bool(true)),
    ("not true", .bool(false)), ("\"a\" + \"b\"", .string("ab")),
  ])
  func functionsGiveHandCheckedValues(expression: String, expected: Value) throws {
    #expect(try Self.value(expression) == expected, "\(expression)")
  }

  @Test(arguments: [
    ("strlen(\"cmd.exe\")", "len(\"cmd.exe\")"), ("tolower(\"CMD\")", "lower(\"CMD\")"),
    ("toupper(\"cmd\")", "upper(\"cmd\")"), ("tolong(\"42\")", "toint(\"42\")"),
    ("toreal(\"2.5\")", "todouble(\"2.5\")"),
    ("todatetime(\"2019-01-15 05:24:00\")", "datetime(\"2019-01-15 05:24:00\")"),
    ("hourofday(datetime(\"2019-01-15 05:24:00\"))", "hour(datetime(\"2019-01-15 05:24:00\"))"),
  ])
  func kqlSpellingsGiveTheSameValues(kql: String, evs: String) throws {
    #expect(try Self.value(kql) == Self.value(evs), "\(kql)")
  }

  @Test func unknownFunctionSuggestsAKQLSpellingToo() {
    let session = Session(baseDirectory: ".")
    let result = session.execute(
      "let v = tolowr(\"A\")", at: SourceLocation(file: "t", line: 1, column: 1))
    guard case .failure(let diagnostic) = result.outcome else {
      Issue.record("tolowr should be unknown")
      return
    }
    #expect(diagnostic.message == "unknown function 'tolowr'; did you mean tolower?")
  }

  static let events = Table(
    columnNames: ["g", "n", "s"],
    columns: [
      Column(type: .string, cells: ["a", "a", "b", "a"].map { .string($0) }),
      Column(type: .int, cells: [.int(1), .int(3), .int(10), .null]),
      Column(type: .string, cells: [.string("x"), .string("y"), .null, .string("x")]),
    ])

  @Test(arguments: [
    ("count()", [Value.int(3), .int(1)]), ("dcount(s)", [.int(2), .int(0)]),
    ("sum(n)", [.int(4), .int(10)]), ("mean(n)", [.float(2), .float(10)]),
    ("avg(n)", [.float(2), .float(10)]), ("min(n)", [.int(1), .int(10)]),
    ("max(n)", [.int(3), .int(10)]), ("first(s)", [.string("x"), .null]),
    ("last(n)", [.int(3), .int(10)]), ("median(n)", [.float(2), .float(10)]),
    ("stdev(n)", [.float(2.0.squareRoot()), .null]),
    ("values(s)", [.string("[x, y]"), .string("[]")]),
  ])
  func aggregatesGiveHandCheckedValuesPerGroup(aggregate: String, expected: [Value]) throws {
    let session = Session(baseDirectory: ".")
    session.bind("e", table: Self.events)
    let output = try session.execute(
      "e | groupby g agg r = \(aggregate)", at: SourceLocation(file: "t", line: 1, column: 1)
    ).outcome.get()
    guard case .table(let table) = output else {
      Issue.record("expected a table")
      return
    }
    let column = try table.column("r")
    #expect((0..<table.rowCount).map { column[$0] } == expected, "\(aggregate)")
  }

  @Test func datetimeOfABadRowIsNullButABadLiteralIsAnError() throws {
    let session = Session(baseDirectory: ".")
    session.bind(
      "e",
      table: Table(
        columnNames: ["when"],
        columns: [Column(type: .string, cells: [.string("2019-01-15 05:24:00"), .string("n/a")])]))
    let at = SourceLocation(file: "t", line: 1, column: 1)
    guard
      case .table(let table) = try session.execute(
        "e | extend t = datetime(when)", at: at
      ).outcome.get()
    else { return }
    #expect(try table.column("t")[0] == .timestamp(Self.jan15))
    #expect(try table.column("t")[1] == .null)

    let literal = session.execute("e | where datetime(\"yesterday\") > now()", at: at)
    guard case .failure(let diagnostic) = literal.outcome else {
      Issue.record("a bad literal must be an error")
      return
    }
    #expect(diagnostic.message.hasPrefix("'yesterday' is not a date and time"))
    #expect(diagnostic.location.column == 20)
  }

  @Test func aggregatesOfAnEmptyTableGiveOneRowWithoutGroups() throws {
    let session = Session(baseDirectory: ".")
    session.bind("e", table: Self.events.prefix(0))
    let output = try session.execute(
      "e | summarize c = count(), s = sum(n)", at: SourceLocation(file: "t", line: 1, column: 1)
    ).outcome.get()
    guard case .table(let table) = output else { return }
    #expect(table.rowCount == 1)
    #expect(try table.column("c")[0] == .int(0))
  }
}
