import Engine
import Testing

@Suite("Join cancellation")
struct JoinCancellationTests {
  static let keys = Table(
    columnNames: ["k", "v"], columns: [Column(.int([1, 1, 1])), Column(.int([1, 2, 3]))])

  @Test func aCancelledJoinStopsWithoutRows() throws {
    let flag = CancellationFlag()
    flag.cancel()
    let joined = try Self.keys.joined(
      with: Self.keys, on: [("k", "k")], kind: .inner, cancellation: flag)
    #expect(joined.rowCount == 0)
  }

  @Test func aJoinThatIsNotCancelledPairsEveryMatch() throws {
    let joined = try Self.keys.joined(
      with: Self.keys, on: [("k", "k")], kind: .inner, cancellation: CancellationFlag())
    #expect(joined.rowCount == 9)
    #expect(joined.columnNames == ["k", "v", "v1"])
  }
}
