import DSL
import Testing

/// A location in the test script `t.evs`.
private func at(_ line: Int, _ column: Int = 1) -> DSL.SourceLocation {
  DSL.SourceLocation(file: "t.evs", line: line, column: column)
}

/// One row of the reader's table: a script and the items it must split into.
struct ReaderCase: CustomTestStringConvertible, Sendable {
  var name: String
  var script: String
  var items: [ScriptItem]

  var testDescription: String { name }
}

@Suite("ScriptReader")
struct ScriptReaderTests {
  static let cases: [ReaderCase] = [
    ReaderCase(
      name: "one line is one statement", script: "procs | head 3",
      items: [.statement("procs | head 3", at: at(1), expected: [])]),
    ReaderCase(
      name: "lines starting with a pipe continue the statement",
      script: "let f = procs\n  | features process\n  | head 3\nf",
      items: [
        .statement("let f = procs\n  | features process\n  | head 3", at: at(1), expected: []),
        .statement("f", at: at(4), expected: []),
      ]),
    ReaderCase(
      name: "a line ending with a pipe continues on the next",
      script: "procs |\n  head 3\nprocs",
      items: [
        .statement("procs |\n  head 3", at: at(1), expected: []),
        .statement("procs", at: at(3), expected: []),
      ]),
    ReaderCase(
      name: "a trailing comment after the pipe still continues",
      script: "procs | # more below\nhead 3",
      items: [.statement("procs | # more below\nhead 3", at: at(1), expected: [])]),
    ReaderCase(
      name: "a pipe inside quotes does not continue",
      script: "procs | where c == \"|\"\nhead 3",
      items: [
        .statement("procs | where c == \"|\"", at: at(1), expected: []),
        .statement("head 3", at: at(2), expected: []),
      ]),
    ReaderCase(
      name: "a hash inside quotes is not a comment",
      script: "procs | where c == \"#\" |\nhead 3",
      items: [.statement("procs | where c == \"#\" |\nhead 3", at: at(1), expected: [])]),
    ReaderCase(
      name: "a blank line ends a statement even after a pipe",
      script: "procs |\n\nhead 3",
      items: [
        .statement("procs |", at: at(1), expected: []),
        .statement("head 3", at: at(3), expected: []),
      ]),
    ReaderCase(
      name: "comments between continuation lines are skipped",
      script: "procs\n  # keep the first few\n  | head 3",
      items: [.statement("procs\n  | head 3", at: at(1), expected: [])]),
    ReaderCase(
      name: "an indented statement starts where its text starts",
      script: "   procs",
      items: [.statement("procs", at: at(1, 4), expected: [])]),
    ReaderCase(
      name: "dot lines are meta commands",
      script: ".width 100\n.help",
      items: [
        .meta(".width 100", at: at(1), expected: []),
        .meta(".help", at: at(2), expected: []),
      ]),
    ReaderCase(
      name: "a meta command takes no continuation lines",
      script: ".help\n| head 3",
      items: [
        .meta(".help", at: at(1), expected: []),
        .statement("| head 3", at: at(2), expected: []),
      ]),
    ReaderCase(
      name: "consecutive narration lines are one item",
      script: "## # Step 1\n## Load the data.\n##\n## Then look.\nprocs",
      items: [
        .narration("# Step 1\nLoad the data.\n\nThen look.", at: at(1)),
        .statement("procs", at: at(5), expected: []),
      ]),
    ReaderCase(
      name: "a blank line splits narration",
      script: "## one\n\n## two",
      items: [.narration("one", at: at(1)), .narration("two", at: at(3))]),
    ReaderCase(
      name: "expected lines attach to the statement above",
      script: "procs | count\n#> 363\n#>\n#>   indented\nprocs",
      items: [
        .statement("procs | count", at: at(1), expected: ["363", "", "  indented"]),
        .statement("procs", at: at(5), expected: []),
      ]),
    ReaderCase(
      name: "expected lines attach to a continued statement",
      script: "procs\n| count\n#> 363",
      items: [.statement("procs\n| count", at: at(1), expected: ["363"])]),
    ReaderCase(
      name: "expected lines attach to a meta command",
      script: ".width\n#> width: 80",
      items: [.meta(".width", at: at(1), expected: ["width: 80"])]),
    ReaderCase(
      name: "expected lines after a blank line attach to nothing",
      script: "procs\n\n#> 363",
      items: [.statement("procs", at: at(1), expected: [])]),
    ReaderCase(
      name: "expected lines after a comment attach to nothing",
      script: "procs\n# a note\n#> 363",
      items: [.statement("procs", at: at(1), expected: [])]),
    ReaderCase(
      name: "a pipe line after expected lines starts its own statement",
      script: "procs\n#> x\n| head 3",
      items: [
        .statement("procs", at: at(1), expected: ["x"]),
        .statement("| head 3", at: at(3), expected: []),
      ]),
    ReaderCase(
      name: "comments, a shebang and blank lines are skipped",
      script: "#!/usr/bin/env evs\n# hunt\n\n\nprocs\n# done\n",
      items: [.statement("procs", at: at(5), expected: [])]),
    ReaderCase(
      name: "CRLF line ends are accepted",
      script: "procs\r\n  | head 3\r\n#> x\r\n",
      items: [.statement("procs\n  | head 3", at: at(1), expected: ["x"])]),
    ReaderCase(name: "an empty script has no items", script: "", items: []),
  ]

  @Test(arguments: cases)
  func splitsScriptIntoItems(_ row: ReaderCase) {
    #expect(ScriptReader.items(in: row.script, file: "t.evs") == row.items)
  }

  @Test(arguments: [
    ("procs |", true),
    ("procs |   ", true),
    ("procs | # comment", true),
    ("first\nsecond |", true),
    ("procs", false),
    ("first |\nsecond", false),
    ("where c == \"|\"", false),
    ("where c == \"\\\"|\"", false),
    ("where `odd|name` == 1", false),
    ("procs # a comment |", false),
  ])
  func endsWithPipeLooksAtTheLastLineOutsideQuotesAndComments(_ text: String, _ expected: Bool) {
    #expect(ScriptReader.endsWithPipe(text) == expected)
  }

  @Test func itemsExposeTheirTextLocationAndExpectedLines() {
    let items = ScriptReader.items(in: "## hi\n.help\n#> out", file: "<stdin>")
    #expect(items.map(\.text) == ["hi", ".help"])
    #expect(items.map(\.location.line) == [1, 2])
    #expect(items.map(\.expected) == [[], ["out"]])
    #expect(items.allSatisfy { $0.location.file == "<stdin>" })
  }
}
