import Foundation

/// Byte-level string tests: equality and KQL's case-insensitive `contains`,
/// `startswith`, `endswith` and `=~`, run over a string column without making strings.
enum StringTests {
  /// The fast path for a string column against a string literal; nil when it does not apply.
  ///
  /// The rows are split among the cores. `contains` searches each part's bytes in one
  /// sweep for the needle's first byte (either case), eight bytes at a time, rather than
  /// row by row, and checks that a match lies within one row.
  static func evaluate(_ op: BinaryOperator, _ a: Operand, _ b: Operand, rowCount: Int)
    -> Operand?
  {
    guard op == .equal || op == .notEqual || (op.isStringTest && op != .matches),
      case .column(let column) = a, case .string(let strings) = column.values,
      case .scalar(.string(let literal)) = b
    else { return nil }

    let needle = Array(literal.utf8)
    let parts = rowCount < ParallelWork.arrayThreshold ? 1 : ParallelWork.coreCount * 2
    var flags = [Bool](repeating: false, count: rowCount)
    flags.withUnsafeMutableBufferPointer { flags in
      // Each part writes the flags of its own rows only.
      nonisolated(unsafe) let output = flags
      strings.bytes.withUnsafeBufferPointer { bytes in
        strings.offsets.withUnsafeBufferPointer { offsets in
          needle.withUnsafeBufferPointer { needle in
            _ = ParallelWork.map(count: parts) { part in
              let rows = (rowCount * part / parts)..<(rowCount * (part + 1) / parts)
              let rowStrings = RowBytes(bytes: bytes, offsets: offsets)
              if op == .contains || op == .notContains {
                markContaining(needle, rows, rowStrings, output, negated: op == .notContains)
              } else if op == .equal || op == .notEqual {
                for row in rows {
                  output[row] = equal(rowStrings[row], needle) == (op == .equal)
                }
              } else {
                for row in rows { output[row] = test(op, rowStrings[row], needle) }
              }
            }
          }
        }
      }
    }
    return .column(Column(.bool(flags), validity: column.validity))
  }

  /// Whether two byte strings are equal.
  @inline(__always)
  private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard a.count == b.count else { return false }
    guard let x = a.baseAddress, let y = b.baseAddress else { return true }
    return memcmp(x, y, a.count) == 0
  }

  /// The rows of a string column as byte buffers.
  private struct RowBytes {
    let bytes: UnsafeBufferPointer<UInt8>
    let offsets: UnsafeBufferPointer<Int>

    @inline(__always)
    subscript(row: Int) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: bytes[offsets[row]..<offsets[row + 1]])
    }
  }

  /// Sets `flags[row]` for the `rows` that contain `needle` (ignoring ASCII case), or for
  /// those that do not when `negated`.
  private static func markContaining(
    _ needle: UnsafeBufferPointer<UInt8>, _ rows: Range<Int>, _ strings: RowBytes,
    _ flags: UnsafeMutableBufferPointer<Bool>, negated: Bool
  ) {
    for row in rows { flags[row] = negated }
    guard let first = needle.first, !rows.isEmpty else {
      for row in rows { flags[row] = !negated }
      return
    }
    let bytes = strings.bytes
    let end = strings.offsets[rows.upperBound]
    var position = strings.offsets[rows.lowerBound]
    var row = rows.lowerBound
    let finder = ByteFinder(fold(first))
    while true {
      position = finder.next(in: bytes, from: position, to: end)
      guard position < end else { return }
      while strings.offsets[row + 1] <= position { row += 1 }
      let rowEnd = strings.offsets[row + 1]
      if position + needle.count <= rowEnd,
        hasFoldedPrefix(UnsafeBufferPointer(rebasing: bytes[position..<rowEnd]), needle, at: 0)
      {
        flags[row] = !negated
        position = rowEnd
      } else {
        position += 1
      }
    }
  }

  static func test<S: Collection, N: Collection>(_ op: BinaryOperator, _ s: S, _ needle: N)
    -> Bool
  where S.Element == UInt8, N.Element == UInt8, S.Index == Int, N.Index == Int {
    switch op {
    case .equal: return s.elementsEqual(needle)
    case .notEqual: return !s.elementsEqual(needle)
    case .equalIgnoringCase: return s.count == needle.count && hasFoldedPrefix(s, needle, at: 0)
    case .contains: return contains(s, needle)
    case .notContains: return !contains(s, needle)
    case .startsWith: return s.count >= needle.count && hasFoldedPrefix(s, needle, at: 0)
    case .endsWith:
      return s.count >= needle.count && hasFoldedPrefix(s, needle, at: s.count - needle.count)
    default: return false
    }
  }

  /// Case-insensitive (ASCII letters) substring search.
  static func contains<S: Collection, N: Collection>(_ s: S, _ needle: N) -> Bool
  where S.Element == UInt8, N.Element == UInt8, S.Index == Int, N.Index == Int {
    if needle.isEmpty { return true }
    if s.count < needle.count { return false }
    let first = fold(needle[needle.startIndex])
    for start in 0...(s.count - needle.count)
    where fold(s[s.startIndex + start]) == first && hasFoldedPrefix(s, needle, at: start) {
      return true
    }
    return false
  }

  @inline(__always)
  static func hasFoldedPrefix<S: Collection, N: Collection>(_ s: S, _ needle: N, at start: Int)
    -> Bool
  where S.Element == UInt8, N.Element == UInt8, S.Index == Int, N.Index == Int {
    for k in 0..<needle.count
    where fold(s[s.startIndex + start + k]) != fold(needle[needle.startIndex + k]) {
      return false
    }
    return true
  }

  @inline(__always)
  static func fold(_ byte: UInt8) -> UInt8 {
    byte >= 65 && byte <= 90 ? byte | 0x20 : byte
  }
}

/// Finds a byte in either ASCII case, eight bytes at a time.
struct ByteFinder {
  private let lower: UInt8
  private let upper: UInt8
  private let lowerWord: UInt64
  private let upperWord: UInt64

  /// A finder of `byte`, and of its other case when it is an ASCII letter.
  init(_ byte: UInt8) {
    let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    lower = isLetter ? byte | 0x20 : byte
    upper = isLetter ? byte & ~0x20 : byte
    lowerWord = UInt64(lower) &* 0x0101_0101_0101_0101
    upperWord = UInt64(upper) &* 0x0101_0101_0101_0101
  }

  /// The first offset in `start..<end` holding the byte, or `end`.
  @inline(__always)
  func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
    guard let base = bytes.baseAddress else { return end }
    let raw = UnsafeRawPointer(base)
    var position = start
    while position + 8 <= end {
      let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
      let found = Self.zeroBytes(word ^ lowerWord) | Self.zeroBytes(word ^ upperWord)
      if found != 0 { return position + found.trailingZeroBitCount >> 3 }
      position += 8
    }
    while position < end, base[position] != lower, base[position] != upper { position += 1 }
    return position
  }

  /// The high bit set in each byte of `word` that is zero (exact for the lowest one).
  @inline(__always)
  private static func zeroBytes(_ word: UInt64) -> UInt64 {
    (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
  }
}
