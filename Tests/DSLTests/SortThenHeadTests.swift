import DSL
import Engine
import Testing

/// `sort` followed by `head` copies only the rows kept, and gives what sorting everything
/// and then taking the first rows gives.
@Suite struct SortThenHeadTests {
  @Test(arguments: [0, 1, 3, 5, 9])
  func sortThenHeadEqualsTheFirstRowsOfTheSortedTable(count: Int) throws {
    let session = InterpreterTests.session()
    let sorted = try InterpreterTests.table(session, "procs | sort Score desc, Proc")

    let head = try InterpreterTests.table(session, "procs | sort Score desc, Proc | head \(count)")

    #expect(head == sorted.prefix(count))
  }

  @Test func traceShowsTheSortOrderingEveryRowAndTheHeadCuttingThem() throws {
    let session = InterpreterTests.session()

    let result = session.execute(
      "procs | sort Pid | head 2", at: SourceLocation(file: "t.evs", line: 1, column: 1))

    #expect(result.trace.map(\.verb) == ["procs", "sort", "head"])
    #expect(result.trace.map(\.rowsIn) == [nil, 5, 5])
    #expect(result.trace.map(\.rowsOut) == [5, 5, 2])
  }

  @Test func traceOfAHeadAfterAFusedSortDoesNotLeakIntoLaterStages() throws {
    let session = InterpreterTests.session()

    let result = session.execute(
      "procs | sort Pid | head 3 | where Pid > 10",
      at: SourceLocation(file: "t.evs", line: 1, column: 1))

    #expect(result.trace.map(\.rowsIn) == [nil, 5, 5, 3])
    #expect(result.trace.map(\.rowsOut) == [5, 5, 3, 2])
  }
}
