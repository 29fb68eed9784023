import Foundation

/// The rows of a `StringStorage` as raw memory, contiguous or a selection alike, for loops
/// over many rows; valid only inside `StringStorage.withRows`.
///
/// Row `i` lies at `bytes[start(i) ..< end(i)]`. Contiguous rows also lie back to back,
/// so a loop may sweep `bytes[start(first) ..< end(last)]` at once when `isContiguous`.
struct StringRows {
  /// The buffer the rows lie in.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The offsets of the buffer's own rows, one more than there are.
  private let offsets: UnsafeBufferPointer<Int>
  /// For a selection, the buffer row of each row.
  private let selection: UnsafeBufferPointer<Int>?
  /// The number of rows.
  let count: Int

  init(
    bytes: UnsafeBufferPointer<UInt8>, offsets: UnsafeBufferPointer<Int>,
    selection: UnsafeBufferPointer<Int>?
  ) {
    self.bytes = bytes
    self.offsets = offsets
    self.selection = selection
    count = selection?.count ?? offsets.count - 1
  }

  /// Whether the rows lie back to back in row order.
  var isContiguous: Bool { selection == nil }

  /// The buffer row that row `row` is.
  @inline(__always)
  func bufferRow(_ row: Int) -> Int {
    guard let selection else { return row }
    return selection[row]
  }

  /// Where row `row` starts in `bytes`.
  @inline(__always)
  func start(_ row: Int) -> Int { offsets[bufferRow(row)] }

  /// Where row `row` ends in `bytes`.
  @inline(__always)
  func end(_ row: Int) -> Int { offsets[bufferRow(row) + 1] }

  /// The byte length of row `row`.
  @inline(__always)
  func length(_ row: Int) -> Int {
    let at = bufferRow(row)
    return offsets[at + 1] - offsets[at]
  }

  /// The bytes of row `row`.
  @inline(__always)
  subscript(row: Int) -> UnsafeBufferPointer<UInt8> {
    let at = bufferRow(row)
    return UnsafeBufferPointer(rebasing: bytes[offsets[at]..<offsets[at + 1]])
  }

  /// How row `a` compares with row `b` byte by byte (a prefix before the longer string):
  /// -1, 0 or 1.
  @inline(__always)
  func compare(_ a: Int, _ b: Int) -> Int {
    let (x, y) = (self[a], self[b])
    let common = min(x.count, y.count)
    if common > 0, let first = x.baseAddress, let second = y.baseAddress {
      let order = memcmp(first, second, common)
      if order != 0 { return order < 0 ? -1 : 1 }
    }
    return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
  }
}
