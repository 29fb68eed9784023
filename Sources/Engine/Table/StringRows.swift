/// The rows of a `StringStorage` as raw memory, contiguous or sharing a buffer alike, for
/// loops over many rows; valid only inside `StringStorage.withRows`.
///
/// Row `i` lies at `bytes[start(i) ..< end(i)]`. Contiguous rows also lie back to back,
/// so a loop may sweep `bytes[start(first) ..< end(last)]` at once when `isContiguous`.
struct StringRows {
  /// The buffer the rows lie in.
  let bytes: UnsafeBufferPointer<UInt8>
  /// Contiguous: `count + 1` offsets. Shared: a start and an end per row.
  private let bounds: UnsafeBufferPointer<Int>
  /// 1 when contiguous, 2 when shared.
  private let stride: Int
  /// The number of rows.
  let count: Int

  init(bytes: UnsafeBufferPointer<UInt8>, bounds: UnsafeBufferPointer<Int>, stride: Int, count: Int)
  {
    self.bytes = bytes
    self.bounds = bounds
    self.stride = stride
    self.count = count
  }

  /// Whether the rows lie back to back in row order.
  var isContiguous: Bool { stride == 1 }

  /// Where row `row` starts in `bytes`.
  @inline(__always)
  func start(_ row: Int) -> Int { bounds[row &* stride] }

  /// Where row `row` ends in `bytes`.
  @inline(__always)
  func end(_ row: Int) -> Int { bounds[row &* stride &+ 1] }

  /// The byte length of row `row`.
  @inline(__always)
  func length(_ row: Int) -> Int { end(row) - start(row) }

  /// The bytes of row `row`.
  @inline(__always)
  subscript(row: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: bytes[start(row)..<end(row)])
  }
}
