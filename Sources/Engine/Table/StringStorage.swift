/// The strings of one column: UTF-8 bytes in one buffer plus where each row lies in it.
///
/// A column read from a file is *contiguous*: its rows lie back to back, and row `i`
/// occupies `bytes[offsets[i] ..< offsets[i + 1]]`. A column gathered in a new order (the
/// columns of a sorted table) may instead be a *selection*: it shares the buffer and
/// offsets of the contiguous column it came from and keeps only the source row of each of
/// its rows. The columns of one table gathered together share one such list of rows, so
/// reordering a table copies no text and makes no per-column array for its strings.
/// Either way a million command lines are a few arrays, not a million heap objects.
public struct StringStorage: Sendable {
  /// The bytes of the source rows, back to back.
  private var buffer: [UInt8]
  /// `sourceCount + 1` offsets into `buffer`; the first is 0, the last `buffer.count`.
  private var bounds: [Int]
  /// For a selection, the source row of each row; `nil` when contiguous.
  private var selection: [Int]?

  /// Storage without rows.
  public init() {
    buffer = []
    bounds = [0]
    selection = nil
  }

  /// Wraps prepared buffers; `offsets` must start at 0, never decrease and end at `bytes.count`.
  public init(bytes: [UInt8], offsets: [Int]) {
    precondition(offsets.first == 0 && offsets.last == bytes.count, "malformed string offsets")
    buffer = bytes
    bounds = offsets
    selection = nil
  }

  /// The rows of `source`'s contiguous rows at `rows`, sharing its buffer.
  private init(selecting rows: [Int], of source: StringStorage) {
    buffer = source.buffer
    bounds = source.bounds
    selection = rows
  }

  /// Storage holding `strings` in order.
  public init<S: Sequence>(_ strings: S) where S.Element == String {
    self.init()
    for s in strings { append(s) }
  }

  /// The number of rows.
  public var count: Int { selection?.count ?? bounds.count - 1 }

  /// Whether the rows lie back to back in their own buffer, rather than select rows of a
  /// shared one.
  public var isContiguous: Bool { selection == nil }

  /// Every row's UTF-8 bytes, back to back in row order. A selection builds this copy
  /// each time.
  /// - Complexity: O(1) when contiguous, else O(rows + bytes).
  public var bytes: [UInt8] { isContiguous ? buffer : compacted().buffer }

  /// `count + 1` offsets into `bytes`; the first is 0. A selection builds them each time.
  /// - Complexity: O(1) when contiguous, else O(rows + bytes).
  public var offsets: [Int] { isContiguous ? bounds : compacted().bounds }

  /// The same rows, contiguous: `self` when it already is, else a copy of the rows' bytes.
  /// - Complexity: O(1) when contiguous, else O(rows + bytes), the copying divided among
  ///   the cores.
  public func compacted() -> StringStorage {
    isContiguous ? self : RowGather.strings(self, Array(0..<count), sharing: false)
  }

  /// Makes room for `rows` more rows of `byteCount` bytes in all.
  public mutating func reserve(rows: Int, bytes byteCount: Int) {
    makeContiguous()
    bounds.reserveCapacity(bounds.count + rows)
    buffer.reserveCapacity(buffer.count + byteCount)
  }

  /// Adds `s` as the last row.
  public mutating func append(_ s: String) {
    makeContiguous()
    var s = s
    s.withUTF8 { buffer.append(contentsOf: $0) }
    bounds.append(buffer.count)
  }

  /// Adds the bytes in `buffer` as the last row.
  public mutating func append(bytes row: UnsafeBufferPointer<UInt8>) {
    makeContiguous()
    buffer.append(contentsOf: row)
    bounds.append(buffer.count)
  }

  /// Adds the bytes of `buffer` as the last row.
  public mutating func append<C: Collection>(utf8 row: C) where C.Element == UInt8 {
    makeContiguous()
    buffer.append(contentsOf: row)
    bounds.append(buffer.count)
  }

  /// The byte length of row `i`.
  @inline(__always)
  public func byteCount(_ i: Int) -> Int {
    let row = selection?[i] ?? i
    return bounds[row + 1] - bounds[row]
  }

  /// Row `i` as a Swift string (invalid UTF-8 is repaired).
  public subscript(i: Int) -> String {
    withBytes(i) { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with the raw bytes of row `i`.
  @inline(__always)
  public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows
    -> R
  {
    let row = selection?[i] ?? i
    let start = bounds[row]
    let end = bounds[row + 1]
    return try buffer.withUnsafeBufferPointer { all in
      try body(UnsafeBufferPointer(rebasing: all[start..<end]))
    }
  }

  /// Whether row `i` equals `other`'s row `j` byte for byte.
  public func rowEquals(_ i: Int, _ other: StringStorage, _ j: Int) -> Bool {
    guard byteCount(i) == other.byteCount(j) else { return false }
    return withBytes(i) { a in other.withBytes(j) { b in a.elementsEqual(b) } }
  }

  /// The rows at `indices`, in that order. When they are at least half as many as the
  /// rows of this storage's buffer, the result is a selection that shares it and no bytes
  /// are copied; fewer rows are copied, so that they do not keep a large buffer alive.
  /// - Complexity: O(indices.count), plus the bytes copied, divided among the cores.
  public func gather(_ indices: [Int]) -> StringStorage {
    RowGather.strings(self, indices)
  }

  /// Calls `body` with the rows as raw memory, for loops over many rows.
  @inline(__always)
  func withRows<R>(_ body: (StringRows) throws -> R) rethrows -> R {
    try buffer.withUnsafeBufferPointer { bytes in
      try bounds.withUnsafeBufferPointer { bounds in
        if let selection {
          return try selection.withUnsafeBufferPointer { selection in
            try body(StringRows(bytes: bytes, offsets: bounds, selection: selection))
          }
        }
        return try body(StringRows(bytes: bytes, offsets: bounds, selection: nil))
      }
    }
  }

  /// The number of rows of the buffer: `count` when contiguous, else the rows of the
  /// source the selection picks from.
  var sourceCount: Int { bounds.count - 1 }

  /// The source rows a selection picks, `nil` when contiguous.
  var selectedRows: [Int]? { selection }

  /// The rows of this storage's source at `rows` (source row numbers), sharing its buffer.
  func selecting(_ rows: [Int]) -> StringStorage {
    StringStorage(selecting: rows, of: self)
  }

  /// Turns a selection into contiguous storage before it grows.
  private mutating func makeContiguous() {
    if !isContiguous { self = compacted() }
  }
}

extension StringStorage: Equatable {
  /// Whether both hold the same rows, byte for byte, however they are stored.
  /// - Complexity: O(rows + bytes).
  public static func == (a: StringStorage, b: StringStorage) -> Bool {
    guard a.count == b.count else { return false }
    if a.isContiguous, b.isContiguous { return a.bounds == b.bounds && a.buffer == b.buffer }
    return a.withRows { x in
      b.withRows { y in
        (0..<x.count).allSatisfy { row in x[row].elementsEqual(y[row]) }
      }
    }
  }
}
