import DSL
import Engine
import Foundation
import Testing

@testable import Workbench

/// Listings of a table's columns (`schema`, `describe`, `.schema`) show every column,
/// however low `.maxrows` is; other results are still cut.
@Suite struct ColumnListingTests {
  /// One row of a table far wider than the row limit.
  static let columnCount = 104
  static let wide = Table(
    columnNames: (0..<columnCount).map { "field\($0)" },
    columns: (0..<columnCount).map { Column(.int([Int64($0)])) })

  private func shell(_ console: RecordingConsole) -> Shell {
    let session = Session(baseDirectory: "/")
    session.bind("wide", table: Self.wide)
    return Shell(session: session, console: console, interactive: false, terminal: { notATerminal })
  }

  /// How many of the wide table's column names the output shows as a row of its own.
  private func listedColumns(_ output: String) -> Int {
    (0..<Self.columnCount).count { output.contains("│ field\($0) ") }
  }

  @Test(arguments: ["wide | schema", "wide | describe", ".schema wide"])
  func aColumnListingShowsEveryColumnPastTheRowLimit(statement: String) {
    let console = RecordingConsole()
    let shell = shell(console)
    #expect(shell.settings.maxRows < Self.columnCount)

    if statement.hasPrefix(".") {
      #expect(shell.runMeta(statement, at: location) == .proceed)
    } else {
      #expect(shell.runStatement(statement, at: location))
    }

    #expect(listedColumns(console.output) == Self.columnCount)
    #expect(!console.output.contains("hidden"))
  }

  @Test func otherResultsAreStillCutAtTheRowLimit() {
    let console = RecordingConsole()
    let shell = shell(console)

    #expect(shell.runStatement("wide | schema | where Type == \"int\"", at: location))

    #expect(listedColumns(console.output) == shell.settings.maxRows)
    #expect(console.output.contains("hidden"))
  }

  private let location = DSL.SourceLocation(file: "t.evs", line: 1, column: 1)
}
