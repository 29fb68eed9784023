import Foundation

/// Quote counting that lets a CSV input be cut into chunks without scanning it in order.
///
/// In well-formed CSV every quote either opens or closes a quoted field or is one of a
/// doubled pair, so a line feed preceded by an even number of quotes ends a record.
enum QuoteParity {
  /// The number of `"` bytes in `start..<end`.
  /// - Complexity: O(end - start)
  static func count(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
    guard let base = bytes.baseAddress, start < end else { return 0 }
    let raw = UnsafeRawPointer(base)
    let quotes: UInt64 = 0x2222_2222_2222_2222
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    var total = 0
    var position = start
    while position + 8 <= end {
      let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self) ^ quotes
      let nonzero = ((word & low7) &+ low7) | word
      total += (~nonzero & ~low7).nonzeroBitCount
      position += 8
    }
    while position < end {
      if base[position] == UInt8(ascii: "\"") { total += 1 }
      position += 1
    }
    return total
  }

  /// The offset just past the first line feed at or after `start` that lies outside
  /// quotes, given whether `start` itself lies inside a quoted field; the end of the input
  /// when there is none.
  static func recordStart(
    in bytes: UnsafeBufferPointer<UInt8>, from start: Int, insideQuotes: Bool
  ) -> Int {
    var inside = insideQuotes
    var position = start
    while position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: "\""): inside.toggle()
      case UInt8(ascii: "\n") where !inside: return position + 1
      default: break
      }
      position += 1
    }
    return bytes.count
  }
}

extension QuoteParity {
  /// The offset just past the first line feed at or after `start`; the end of the input
  /// when there is none.
  static func lineStart(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = bytes.baseAddress, start < bytes.count else { return bytes.count }
    guard let hit = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else {
      return bytes.count
    }
    return UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base + 1
  }
}

/// Physical line numbers for byte offsets, computed only when an error needs one.
///
/// A line ends at an LF, a CR LF or a lone CR, as editors count them.
enum LineCounter {
  /// The 1-based line that holds the byte at `offset`.
  /// - Complexity: O(offset)
  static func line(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 1 }
    let end = min(offset, bytes.count)
    var lines = 1
    lines += occurrences(of: UInt8(ascii: "\n"), in: base, end: end) { _ in true }
    lines += occurrences(of: UInt8(ascii: "\r"), in: base, end: end) { position in
      position + 1 >= bytes.count || base[position + 1] != UInt8(ascii: "\n")
    }
    return lines
  }

  /// How many times `byte` occurs in the first `end` bytes at `base` at a position that
  /// `counts`.
  private static func occurrences(
    of byte: UInt8, in base: UnsafePointer<UInt8>, end: Int, counts: (Int) -> Bool
  ) -> Int {
    var found = 0
    var position = 0
    while position < end {
      guard let hit = memchr(base + position, Int32(byte), end - position) else { break }
      let index = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
      if counts(index) { found += 1 }
      position = index + 1
    }
    return found
  }
}
