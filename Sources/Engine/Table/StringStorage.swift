/// The strings of one column: UTF-8 bytes in one buffer plus where each row lies in it.
///
/// A column read from a file is *contiguous*: its rows lie back to back, and row `i`
/// occupies `bytes[offsets[i] ..< offsets[i + 1]]`. A column gathered in a new order (the
/// columns of a sorted table) may instead *share* the buffer of the column it came from
/// and keep a start and an end for each of its rows, so that reordering copies no text.
/// Either way a million command lines are a few arrays, not a million heap objects.
public struct StringStorage: Sendable {
  /// The bytes the rows lie in; when shared, possibly more than the rows use.
  private var buffer: [UInt8]
  /// Contiguous: `count + 1` offsets into `buffer`, the first 0 and the last
  /// `buffer.count`. Shared: each row's start and end, two numbers per row.
  private var bounds: [Int]
  /// The distance in `bounds` from one row's start to the next row's: 1 when contiguous,
  /// 2 when shared.
  private var stride: Int

  public init() {
    buffer = []
    bounds = [0]
    stride = 1
  }

  /// Wraps prepared buffers; `offsets` must start at 0, never decrease and end at `bytes.count`.
  public init(bytes: [UInt8], offsets: [Int]) {
    precondition(offsets.first == 0 && offsets.last == bytes.count, "malformed string offsets")
    buffer = bytes
    bounds = offsets
    stride = 1
  }

  /// Rows that lie anywhere in `buffer`: row `i` is `buffer[spans[2 * i] ..< spans[2 * i + 1]]`.
  /// `spans` must not be empty, and each span must lie within `buffer`.
  init(sharing buffer: [UInt8], spans: [Int]) {
    precondition(!spans.isEmpty && spans.count % 2 == 0, "malformed string spans")
    self.buffer = buffer
    bounds = spans
    stride = 2
  }

  /// Storage holding `strings` in order.
  public init<S: Sequence>(_ strings: S) where S.Element == String {
    self.init()
    for s in strings { append(s) }
  }

  /// The number of rows.
  public var count: Int { stride == 1 ? bounds.count - 1 : bounds.count / 2 }

  /// Whether the rows lie back to back in their own buffer, rather than sharing one.
  public var isContiguous: Bool { stride == 1 }

  /// Every row's UTF-8 bytes, back to back in row order. Storage that shares a buffer
  /// builds this copy each time.
  /// - Complexity: O(1) when contiguous, else O(rows + bytes).
  public var bytes: [UInt8] { isContiguous ? buffer : compacted().buffer }

  /// `count + 1` offsets into `bytes`; the first is 0. Storage that shares a buffer builds
  /// them each time.
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
  public func byteCount(_ i: Int) -> Int { bounds[i * stride + 1] - bounds[i * stride] }

  /// Row `i` as a Swift string (invalid UTF-8 is repaired).
  public subscript(i: Int) -> String {
    withBytes(i) { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with the raw bytes of row `i`.
  @inline(__always)
  public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows
    -> R
  {
    let start = bounds[i * stride]
    let end = bounds[i * stride + 1]
    return try buffer.withUnsafeBufferPointer { all in
      try body(UnsafeBufferPointer(rebasing: all[start..<end]))
    }
  }

  /// Whether row `i` equals `other`'s row `j` byte for byte.
  public func rowEquals(_ i: Int, _ other: StringStorage, _ j: Int) -> Bool {
    guard byteCount(i) == other.byteCount(j) else { return false }
    return withBytes(i) { a in other.withBytes(j) { b in a.elementsEqual(b) } }
  }

  /// The rows at `indices`, in that order. When they use at least half of this storage's
  /// buffer, the result shares it and no bytes are copied.
  /// - Complexity: O(indices.count), plus the bytes copied when the result does not share
  ///   the buffer, divided among the cores.
  public func gather(_ indices: [Int]) -> StringStorage {
    RowGather.strings(self, indices)
  }

  /// Calls `body` with the rows as raw memory, for loops over many rows.
  @inline(__always)
  func withRows<R>(_ body: (StringRows) throws -> R) rethrows -> R {
    try buffer.withUnsafeBufferPointer { bytes in
      try bounds.withUnsafeBufferPointer { bounds in
        try body(StringRows(bytes: bytes, bounds: bounds, stride: stride, count: count))
      }
    }
  }

  /// The byte count of the buffer the rows lie in, which shared storage may not use whole.
  var bufferCount: Int { buffer.count }

  /// Rows at `spans` (a start and an end per row) of this storage's buffer, sharing it.
  func sharingBuffer(spans: [Int]) -> StringStorage {
    StringStorage(sharing: buffer, spans: spans)
  }

  /// Turns shared storage into contiguous storage before it grows.
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
