import DSL
import Engine
import Foundation
import Testing

/// Checking a whole script against the headers of the files it loads.
@Suite struct ScriptCheckerTests {
  /// A folder holding `events.csv` with the given text.
  static func folder(_ csv: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("evs-checker-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(csv.utf8).write(to: folder.appendingPathComponent("events.csv"))
    return folder
  }

  static let csv = "TimeGenerated,Account,Count\n2021-03-09 14:00:00,alice,3\n"

  /// The first problem found in `statements`, one per line, as `line: message`.
  static func firstProblem(_ statements: [String], csv: String = csv) throws -> String? {
    let folder = try folder(csv)
    defer { try? FileManager.default.removeItem(at: folder) }
    var checker = ScriptChecker(baseDirectory: folder.path)
    for (index, statement) in statements.enumerated() {
      let location = SourceLocation(file: "s.evs", line: index + 1, column: 1)
      if let problem = checker.check(statement, at: location) {
        return "\(problem.location.line): \(problem.message)"
      }
    }
    return nil
  }

  @Test(arguments: [
    (["let e = load \"events.csv\"", "e | select Acount"], "2: unknown column 'Acount'"),
    (["let e = load \"events.csv\"", "e | count", "e | count | where Count > 1"], "3: unknown"),
    (["let e = load \"events.csv\"", "let f = e | drop Count", "f | sort Count"], "3: unknown"),
    (["let e = load \"events.csv\"", "ee | count"], "2: unknown name 'ee'"),
    (["let e = load \"events.csv\"", "e | where Count > limit"], "2: unknown column 'limit'"),
    (["let e = load \"events.csv\"", "e | join other on Account"], "2: join needs"),
    (["let e = load \"events.csv\"", "e | features process"], "2: unknown column"),
    (["let e = load \"events.csv\"", "e | where"], "2: "),
  ])
  func surelyFailingStatementsAreFound(_ statements: [String], _ expected: String) throws {
    let problem = try #require(try Self.firstProblem(statements))
    #expect(problem.hasPrefix(expected))
  }

  @Test(arguments: [
    ["let e = load \"events.csv\"", "param limit = 2", "e | where Count > limit"],
    ["let e = load \"events.csv\"", "let o = e | select Account", "e | join o on Account"],
    ["let e = load \"missing.csv\"", "e | select Anything"],
    ["let e = load \"events.csv\"", "e | where Account > 3"],
    [
      "let e = load \"events.csv\"", "e | save \"events.csv\" | drop Count",
      "load \"events.csv\" | select Later",
    ],
    ["let e = load \"events.csv\"", "e | cluster Count eps=0.1", "_ | select ClusterId"],
  ])
  func statementsThatMightWorkAreLeftToRunTime(_ statements: [String]) throws {
    #expect(try Self.firstProblem(statements) == nil)
  }

  @Test func unknownColumnAfterATypeMismatchIsStillFound() throws {
    // The mismatch may vanish once the whole file is read; the unknown name cannot.
    let problem = try Self.firstProblem([
      "let e = load \"events.csv\"", "e | where Account > 3 | select Nope",
    ])
    #expect(problem?.hasPrefix("2: unknown column 'Nope'") == true)
  }

  @Test func aKeyThatOnlyLaterJSONRecordsHaveIsNotCalledUnknown() throws {
    let folder = try Self.folder(Self.csv)
    defer { try? FileManager.default.removeItem(at: folder) }
    var lines = (0..<400).map { #"{"EventID": 4688, "Account": "user\#($0)"}"# }
    lines.append(#"{"EventID": 4624, "LogonId": "0x3e7"}"#)
    let file = folder.appendingPathComponent("sparse.jsonl")
    try Data(lines.joined(separator: "\n").utf8).write(to: file)

    var checker = ScriptChecker(baseDirectory: folder.path, sampleBytes: 1024)
    let location = SourceLocation(file: "s.evs", line: 1, column: 1)
    #expect(checker.check(#"load "sparse.jsonl" | where LogonId == "0x3e7""#, at: location) == nil)

    let table = try TableReader.read(path: file.path).table
    #expect(table.columnNames == ["EventID", "Account", "LogonId"])
  }

  @Test func unknownColumnNamesTheFileItsTableCameFrom() throws {
    let problem = try Self.firstProblem(["load \"events.csv\" | where SubjectLogonId == \"x\""])
    #expect(problem?.contains("(the columns come from \"events.csv\")") == true)
  }

  @Test func afterAGroupingTheUnknownColumnIsNotSaidToComeFromTheFile() throws {
    let problem = try Self.firstProblem([
      "load \"events.csv\" | summarize count() by Account | sort by count_ desc"
    ])
    #expect(problem == "1: unknown column 'count_'; did you mean count?")
  }

  @Test func parameterOverridesAreValidatedAgainstTheDeclarations() throws {
    var checker = ScriptChecker(baseDirectory: ".", parameterOverrides: ["limit": "x"])
    _ = checker.check("param limit = 2", at: SourceLocation(file: "s.evs", line: 1, column: 1))
    #expect(checker.declaredParameters.map(\.name) == ["limit"])
    #expect(throws: ParameterError.self) { try checker.validateParameterOverrides() }

    checker.parameterOverrides = ["limit": "7"]
    #expect(throws: Never.self) { try checker.validateParameterOverrides() }
  }
}
