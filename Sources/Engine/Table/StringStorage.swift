/// The strings of one column: all UTF-8 bytes in one buffer plus row offsets.
///
/// Row `i` occupies `bytes[offsets[i] ..< offsets[i + 1]]`. A million command
/// lines are two arrays, not a million heap objects.
public struct StringStorage: Sendable, Equatable {
  /// Every row's UTF-8 bytes, back to back.
  public private(set) var bytes: [UInt8]
  /// `count + 1` offsets into `bytes`; the first is 0.
  public private(set) var offsets: [Int]

  public init() {
    bytes = []
    offsets = [0]
  }

  /// Wraps prepared buffers; `offsets` must start at 0, never decrease and end at `bytes.count`.
  public init(bytes: [UInt8], offsets: [Int]) {
    precondition(offsets.first == 0 && offsets.last == bytes.count, "malformed string offsets")
    self.bytes = bytes
    self.offsets = offsets
  }

  /// Storage holding `strings` in order.
  public init<S: Sequence>(_ strings: S) where S.Element == String {
    self.init()
    for s in strings { append(s) }
  }

  /// The number of rows.
  public var count: Int { offsets.count - 1 }

  /// Makes room for `rows` more rows of `byteCount` bytes in all.
  public mutating func reserve(rows: Int, bytes byteCount: Int) {
    offsets.reserveCapacity(rows + 1)
    bytes.reserveCapacity(byteCount)
  }

  /// Adds `s` as the last row.
  public mutating func append(_ s: String) {
    var s = s
    s.withUTF8 { bytes.append(contentsOf: $0) }
    offsets.append(bytes.count)
  }

  /// Adds the bytes in `buffer` as the last row.
  public mutating func append(bytes buffer: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: buffer)
    offsets.append(bytes.count)
  }

  /// Adds the bytes of `buffer` as the last row.
  public mutating func append<C: Collection>(utf8 buffer: C) where C.Element == UInt8 {
    bytes.append(contentsOf: buffer)
    offsets.append(bytes.count)
  }

  /// The byte length of row `i`.
  @inline(__always)
  public func byteCount(_ i: Int) -> Int { offsets[i + 1] - offsets[i] }

  /// Row `i` as a Swift string (invalid UTF-8 is repaired).
  public subscript(i: Int) -> String {
    withBytes(i) { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with the raw bytes of row `i`.
  @inline(__always)
  public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows
    -> R
  {
    let start = offsets[i]
    let end = offsets[i + 1]
    return try bytes.withUnsafeBufferPointer { all in
      try body(UnsafeBufferPointer(rebasing: all[start..<end]))
    }
  }

  /// Whether row `i` equals `other`'s row `j` byte for byte.
  public func rowEquals(_ i: Int, _ other: StringStorage, _ j: Int) -> Bool {
    guard byteCount(i) == other.byteCount(j) else { return false }
    return withBytes(i) { a in other.withBytes(j) { b in a.elementsEqual(b) } }
  }

  /// The rows at `indices`, in that order.
  /// - Complexity: O(rows + bytes copied), the copying divided among the cores.
  public func gather(_ indices: [Int]) -> StringStorage {
    RowGather.strings(self, indices)
  }
}
