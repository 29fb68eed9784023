/// Where one field lies: byte offsets relative to the start of its chunk, and whether the
/// field begins with a quote (its bytes then still hold the quoting).
struct FieldSpan: Sendable {
  private static let quotedFlag: UInt32 = 1 << 31

  let start: UInt32
  private let endAndFlag: UInt32

  @inline(__always)
  init(start: Int, end: Int, quoted: Bool) {
    self.start = UInt32(truncatingIfNeeded: start)
    endAndFlag = UInt32(truncatingIfNeeded: end) | (quoted ? Self.quotedFlag : 0)
  }

  @inline(__always) var end: UInt32 { endAndFlag & ~Self.quotedFlag }
  @inline(__always) var isQuoted: Bool { endAndFlag & Self.quotedFlag != 0 }
}

/// The largest chunk the scanner keeps offsets for; `FieldSpan` spends one bit on the
/// quote flag, so offsets stay below 2^31.
let maximumChunkExtent = Int(Int32.max)

/// Receives the fields of one record as the scanner finds them.
protocol FieldSink {
  /// Takes the span of the field at `index` (counted from 0) in the record.
  mutating func take(_ span: FieldSpan, at index: Int)
}

extension Array: FieldSink where Element == FieldSpan {
  mutating func take(_ span: FieldSpan, at index: Int) {
    append(span)
  }
}

/// The field spans of a chunk's records, stored column by column so that building one
/// column reads contiguous memory.
///
/// A class because it owns manually managed buffers; it is filled by one scanner and only
/// read afterwards, which makes sharing it between the column builders safe.
final class SpanTable: @unchecked Sendable {
  let columnCount: Int
  private(set) var rowCount = 0
  private var capacity: Int
  /// One buffer of `capacity` spans per column.
  private let columns: UnsafeMutablePointer<UnsafeMutablePointer<FieldSpan>>

  /// Writes the fields of the record being scanned into the row after the last.
  struct RowWriter: FieldSink {
    fileprivate let columns: UnsafeMutablePointer<UnsafeMutablePointer<FieldSpan>>
    fileprivate let columnCount: Int
    fileprivate let row: Int

    /// Stores the span; fields beyond the table's columns are dropped (such a record is
    /// ragged and never committed).
    @inline(__always)
    mutating func take(_ span: FieldSpan, at index: Int) {
      if index < columnCount { columns[index][row] = span }
    }
  }

  /// An empty table with room for `rows` records before it grows.
  init(columnCount: Int, expectedRows rows: Int) {
    self.columnCount = columnCount
    capacity = max(rows, 16)
    columns = .allocate(capacity: max(columnCount, 1))
    for index in 0..<columnCount {
      (columns + index).initialize(to: .allocate(capacity: capacity))
    }
  }

  /// A table that takes over `buffers`, one per column, each with room for `capacity`
  /// spans of which the first `rows` are written; the table deallocates them.
  init(adopting buffers: [UnsafeMutablePointer<FieldSpan>], rows: Int, capacity: Int) {
    columnCount = buffers.count
    self.capacity = max(capacity, rows)
    rowCount = rows
    columns = .allocate(capacity: max(buffers.count, 1))
    columns.initialize(from: buffers, count: buffers.count)
  }

  deinit {
    for index in 0..<columnCount { columns[index].deallocate() }
    columns.deallocate()
  }

  /// A writer for the next row; its fields count only after `commitRow()`.
  @inline(__always)
  func nextRow() -> RowWriter {
    if rowCount == capacity { grow() }
    return RowWriter(columns: columns, columnCount: columnCount, row: rowCount)
  }

  /// Keeps the row written through the last `nextRow()` writer, whose fields must all
  /// have been given.
  @inline(__always)
  func commitRow() {
    rowCount += 1
  }

  /// The spans of one column, one per record; valid while the table lives and is not
  /// appended to.
  @inline(__always)
  func column(_ index: Int) -> UnsafeBufferPointer<FieldSpan> {
    UnsafeBufferPointer(start: columns[index], count: rowCount)
  }

  private func grow() {
    let newCapacity = capacity * 2
    for index in 0..<columnCount {
      let old = columns[index]
      let new = UnsafeMutablePointer<FieldSpan>.allocate(capacity: newCapacity)
      new.moveInitialize(from: old, count: rowCount)
      old.deallocate()
      columns[index] = new
    }
    capacity = newCapacity
  }
}
