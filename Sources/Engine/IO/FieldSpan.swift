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

/// The field spans of a chunk's records, stored column by column so that building one
/// column reads contiguous memory.
///
/// A class because it owns manually managed buffers; it is filled by one scanner and only
/// read afterwards, which makes sharing it between the column builders safe.
final class SpanTable: @unchecked Sendable {
  let columnCount: Int
  private(set) var rowCount = 0
  private var capacity: Int
  private var columns: [UnsafeMutablePointer<FieldSpan>]

  /// An empty table with room for `rows` records before it grows.
  init(columnCount: Int, expectedRows rows: Int) {
    self.columnCount = columnCount
    capacity = max(rows, 16)
    columns = (0..<columnCount).map { _ in .allocate(capacity: max(rows, 16)) }
  }

  deinit {
    for column in columns { column.deallocate() }
  }

  /// Adds one record; `record` holds exactly `columnCount` spans.
  @inline(__always)
  func append(_ record: UnsafeBufferPointer<FieldSpan>) {
    if rowCount == capacity { grow() }
    for index in 0..<columnCount {
      (columns[index] + rowCount).initialize(to: record[index])
    }
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
    columns = columns.map { old in
      let new = UnsafeMutablePointer<FieldSpan>.allocate(capacity: newCapacity)
      new.moveInitialize(from: old, count: rowCount)
      old.deallocate()
      return new
    }
    capacity = newCapacity
  }
}
