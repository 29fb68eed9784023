/// The field spans of a chunk whose columns are found while it is scanned, as JSON keys
/// are: a column can be added at any row, and a row that gives a column no value holds an
/// empty span (a null) there.
///
/// Spans are stored column by column like `SpanTable`'s, which `makeTable(order:)` then
/// takes them over as. A class because it owns manually managed buffers.
final class SpanColumns {
  /// One buffer of `capacity` spans per column.
  private var buffers: [UnsafeMutablePointer<FieldSpan>] = []
  /// For each column, how many leading rows have their span written.
  private var filled: [Int] = []
  private var capacity: Int
  /// The rows committed; the row being written is row `rowCount`.
  private(set) var rowCount = 0

  /// An empty store with room for `rows` rows in each column before it grows.
  init(expectedRows rows: Int) {
    capacity = max(rows, 16)
  }

  deinit {
    for buffer in buffers { buffer.deallocate() }
  }

  var columnCount: Int { buffers.count }

  /// Adds a column, empty in every row so far, and returns its index.
  func addColumn() -> Int {
    buffers.append(.allocate(capacity: capacity))
    filled.append(0)
    return buffers.count - 1
  }

  /// Gives `column` the value at `span` in the row being written, replacing one given
  /// before in the same row.
  @inline(__always)
  func set(_ span: FieldSpan, column: Int) {
    let row = rowCount
    let done = filled[column]
    if done < row {
      (buffers[column] + done).initialize(repeating: .empty, count: row - done)
    }
    (buffers[column] + row).initialize(to: span)
    filled[column] = row + 1
  }

  /// Ends the row being written; columns it gave no value stay empty there.
  @inline(__always)
  func commitRow() {
    rowCount += 1
    if rowCount == capacity { grow() }
  }

  /// A table of the spans whose column `i` is this store's column `order[i]`, or empty in
  /// every row when `order[i]` is `nil`. The store gives up its buffers and is empty
  /// afterwards.
  /// - Complexity: O(rows × order.count) for the empty stretches filled in.
  func makeTable(order: [Int?]) -> SpanTable {
    for column in buffers.indices where filled[column] < rowCount {
      let done = filled[column]
      (buffers[column] + done).initialize(repeating: .empty, count: rowCount - done)
      filled[column] = rowCount
    }
    let arranged = order.map { column -> UnsafeMutablePointer<FieldSpan> in
      if let column { return buffers[column] }
      let empty = UnsafeMutablePointer<FieldSpan>.allocate(capacity: capacity)
      empty.initialize(repeating: .empty, count: rowCount)
      return empty
    }
    let used = Set(order.compactMap { $0 })
    for column in buffers.indices where !used.contains(column) { buffers[column].deallocate() }
    let table = SpanTable(adopting: arranged, rows: rowCount, capacity: capacity)
    buffers = []
    filled = []
    rowCount = 0
    return table
  }

  private func grow() {
    let newCapacity = capacity * 2
    for column in buffers.indices {
      let old = buffers[column]
      let new = UnsafeMutablePointer<FieldSpan>.allocate(capacity: newCapacity)
      new.moveInitialize(from: old, count: filled[column])
      old.deallocate()
      buffers[column] = new
    }
    capacity = newCapacity
  }
}

extension FieldSpan {
  /// The span of an absent value: no bytes, so the value is null.
  static let empty = FieldSpan(start: 0, end: 0, quoted: false)
}
