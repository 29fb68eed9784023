/// Creates several arrays at once and lets one piece of code fill them all through
/// buffer pointers, without zero-filling them first.
enum UninitializedArrays {
  /// Arrays with room for `capacities[i]` elements each; `body` gets their buffers in
  /// the same order and returns how many leading elements of each it initialized.
  ///
  /// The arrays are created one inside the other, so keep `capacities` short (a few dozen).
  /// - Complexity: O(1) beyond `body`.
  static func make<Element>(
    capacities: [Int], _ body: ([UnsafeMutableBufferPointer<Element>]) -> [Int]
  ) -> [[Element]] {
    var buffers: [UnsafeMutableBufferPointer<Element>] = []
    var initialized: [Int] = []
    var arrays: [[Element]] = []
    nest(capacities[...], &buffers, &initialized, &arrays, body)
    return arrays.reversed()
  }

  private static func nest<Element>(
    _ capacities: ArraySlice<Int>, _ buffers: inout [UnsafeMutableBufferPointer<Element>],
    _ initialized: inout [Int], _ arrays: inout [[Element]],
    _ body: ([UnsafeMutableBufferPointer<Element>]) -> [Int]
  ) {
    guard let capacity = capacities.first else {
      initialized = body(buffers)
      return
    }
    let level = buffers.count
    let array = [Element](unsafeUninitializedCapacity: capacity) { buffer, count in
      MemoryAdvice.preferHugePages(UnsafeMutableRawBufferPointer(buffer))
      buffers.append(buffer)
      nest(capacities.dropFirst(), &buffers, &initialized, &arrays, body)
      count = initialized[level]
    }
    arrays.append(array)
  }
}
