import Dispatch

/// Makes loaded bytes valid UTF-8, replacing each invalid sequence with U+FFFD.
///
/// A replaced sequence is a "maximal subpart" as the Unicode standard recommends (the same
/// rule as Swift's `String(decoding:as:)`): a truncated but well-begun sequence becomes one
/// U+FFFD, any other stray byte one U+FFFD each.
enum UTF8Repair {
  /// U+FFFD REPLACEMENT CHARACTER in UTF-8.
  static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

  /// Replaces the invalid sequences in `bytes` and returns how many there were.
  /// - Complexity: O(n), split over the processor cores; valid input is not copied.
  static func repair(_ bytes: inout [UInt8]) -> Int {
    guard let firstInvalid = bytes.withUnsafeBufferPointer(firstInvalidOffset) else {
      return 0
    }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 64)
    var replacements = 0
    bytes.withUnsafeBufferPointer { input in
      output.append(contentsOf: UnsafeBufferPointer(rebasing: input[..<firstInvalid]))
      var index = firstInvalid
      while index < input.count {
        let (valid, length) = sequence(in: input, at: index)
        if valid {
          output.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<index + length]))
        } else {
          output.append(contentsOf: replacement)
          replacements += 1
        }
        index += length
      }
    }
    bytes = output
    return replacements
  }

  /// The offset of the first invalid sequence, or `nil` when all of `bytes` is valid.
  static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let sliceCount = bytes.count < 1 << 20 ? 1 : ParallelWork.coreCount
    let sliceLength = (bytes.count + sliceCount - 1) / max(sliceCount, 1)
    let found = ParallelWork.map(count: sliceCount) { slice -> Int? in
      var start = slice * sliceLength
      let end = min(start + sliceLength, bytes.count)
      while start < end, start > 0, bytes[start] & 0xC0 == 0x80, start > slice * sliceLength - 3 {
        start += 1
      }
      return firstInvalidOffset(bytes, from: start, to: end)
    }
    return found.compactMap { $0 }.min()
  }

  /// Checks the sequences that start in `start..<end`; the last may run past `end`.
  private static func firstInvalidOffset(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
  ) -> Int? {
    guard let base = UnsafeRawPointer(bytes.baseAddress) else { return nil }
    var index = start
    while index < end {
      if index + 8 <= end,
        base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        index += 8
        continue
      }
      if bytes[index] < 0x80 {
        index += 1
        continue
      }
      let (valid, length) = sequence(in: bytes, at: index)
      if !valid { return index }
      index += length
    }
    return nil
  }

  /// Whether the sequence at `index` is valid, and how many bytes it (or its maximal
  /// invalid subpart) spans.
  @inline(__always)
  static func sequence(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Bool, Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (true, 1) }

    let length: Int
    var secondRange: ClosedRange<UInt8> = 0x80...0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: (length, secondRange) = (3, 0xA0...0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: (length, secondRange) = (3, 0x80...0x9F)
    case 0xF0: (length, secondRange) = (4, 0x90...0xBF)
    case 0xF1...0xF3: length = 4
    case 0xF4: (length, secondRange) = (4, 0x80...0x8F)
    default: return (false, 1)
    }

    for offset in 1..<length {
      let position = index + offset
      guard position < bytes.count else { return (false, offset) }
      let range = offset == 1 ? secondRange : 0x80...0xBF
      guard range.contains(bytes[position]) else { return (false, offset) }
    }
    return (true, length)
  }
}
