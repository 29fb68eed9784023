/// Makes loaded bytes valid UTF-8, replacing each invalid sequence with U+FFFD.
///
/// A replaced sequence is a "maximal subpart" as the Unicode standard recommends (the same
/// rule as Swift's `String(decoding:as:)`): a truncated but well-begun sequence becomes one
/// U+FFFD, any other stray byte one U+FFFD each.
enum UTF8Repair {
  /// U+FFFD REPLACEMENT CHARACTER in UTF-8.
  static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

  /// Replaces the invalid sequences in `bytes` and returns how many there were.
  /// - Complexity: O(n); checking valid input is split over the processor cores and
  ///   copies nothing.
  static func repair(_ bytes: inout [UInt8]) -> Int {
    guard !bytes.withUnsafeBufferPointer(isValid) else { return 0 }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 64)
    var replacements = 0
    bytes.withUnsafeBufferPointer { input in
      var runStart = 0
      var index = 0
      while index < input.count {
        index = endOfValidRun(input, from: index, to: input.count)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
        guard index < input.count else { break }
        output.append(contentsOf: replacement)
        replacements += 1
        index += sequence(in: input, at: index).1
        runStart = index
      }
    }
    bytes = output
    return replacements
  }

  /// Whether all of `bytes` is valid UTF-8.
  ///
  /// Each core checks a slice, starting at the first sequence that begins in it (found by
  /// stepping back over at most three continuation bytes) and finishing the last sequence
  /// that begins in it, so every sequence of valid input is checked from its real start.
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let sliceCount = bytes.count < 1 << 20 ? 1 : ParallelWork.coreCount
    let sliceLength = (bytes.count + sliceCount - 1) / max(sliceCount, 1)
    let valid = ParallelWork.map(count: sliceCount) { slice -> Bool in
      let nominal = slice * sliceLength
      guard nominal < bytes.count else { return true }
      let end = min(nominal + sliceLength, bytes.count)
      var start = nominal
      while start > max(nominal - 3, 0), bytes[start] & 0xC0 == 0x80 { start -= 1 }
      if bytes[start] & 0xC0 == 0x80 && start > 0 { return false }
      return endOfValidRun(bytes, from: start, to: end) >= end
    }
    return !valid.contains(false)
  }

  /// The offset of the first invalid sequence that starts in `start..<end`, or where the
  /// last valid one that starts there ends.
  private static func endOfValidRun(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
  ) -> Int {
    guard let base = UnsafeRawPointer(bytes.baseAddress) else { return end }
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
    return index
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
