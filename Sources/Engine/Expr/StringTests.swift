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
      strings.withRows { rowStrings in
        needle.withUnsafeBufferPointer { needle in
          _ = ParallelWork.map(count: parts) { part in
            let rows = (rowCount * part / parts)..<(rowCount * (part + 1) / parts)
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

  /// Sets `flags[row]` for the `rows` that contain `needle` (ignoring ASCII case), or for
  /// those that do not when `negated`. Contiguous rows are swept at once, rows that share
  /// a buffer one by one.
  private static func markContaining(
    _ needle: UnsafeBufferPointer<UInt8>, _ rows: Range<Int>, _ strings: StringRows,
    _ flags: UnsafeMutableBufferPointer<Bool>, negated: Bool
  ) {
    for row in rows { flags[row] = negated }
    guard !needle.isEmpty, !rows.isEmpty else {
      for row in rows { flags[row] = !negated }
      return
    }
    let finder = ByteFinder(needle)
    if strings.isContiguous {
      sweep(
        strings, rows, from: strings.start(rows.lowerBound), to: strings.end(rows.upperBound - 1),
        finder, needle, flags, negated: negated)
    } else {
      for row in rows {
        sweep(
          strings, row..<(row + 1), from: strings.start(row), to: strings.end(row),
          finder, needle, flags, negated: negated)
      }
    }
  }

  /// Marks the `rows` whose bytes, which lie back to back in `start..<end`, contain
  /// `needle`, searching the whole stretch for the needle's first bytes at once.
  @inline(__always)
  private static func sweep(
    _ strings: StringRows, _ rows: Range<Int>, from start: Int, to end: Int,
    _ finder: ByteFinder, _ needle: UnsafeBufferPointer<UInt8>,
    _ flags: UnsafeMutableBufferPointer<Bool>, negated: Bool
  ) {
    let bytes = strings.bytes
    var position = start
    var row = rows.lowerBound
    while true {
      position = finder.next(in: bytes, from: position, to: end)
      guard position < end else { return }
      while strings.end(row) <= position { row += 1 }
      let rowEnd = strings.end(row)
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

/// Finds where a needle may start: its first byte, and its second when it has one, each
/// in either ASCII case, eight positions at a time.
struct ByteFinder {
  private let first: (lower: UInt8, upper: UInt8, lowerWord: UInt64, upperWord: UInt64)
  private let second: (lower: UInt8, upper: UInt8, lowerWord: UInt64, upperWord: UInt64)?

  /// A finder of `needle`'s first one or two bytes; `needle` is not empty.
  init(_ needle: UnsafeBufferPointer<UInt8>) {
    first = Self.cases(needle[0])
    second = needle.count > 1 ? Self.cases(needle[1]) : nil
  }

  private static func cases(_ byte: UInt8)
    -> (lower: UInt8, upper: UInt8, lowerWord: UInt64, upperWord: UInt64)
  {
    let folded = byte | 0x20
    let isLetter = folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")
    let lower = isLetter ? folded : byte
    let upper = isLetter ? byte & ~0x20 : byte
    let spread: (UInt8) -> UInt64 = { UInt64($0) &* 0x0101_0101_0101_0101 }
    return (lower, upper, spread(lower), spread(upper))
  }

  /// The first offset in `start..<end` where the needle may start, or `end`. Every real
  /// start is found; the caller checks the rest of the needle.
  @inline(__always)
  func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
    guard let base = bytes.baseAddress else { return end }
    let raw = UnsafeRawPointer(base)
    let reach = second == nil ? 8 : 9
    var position = start
    while position + reach <= end {
      let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
      var found = Self.zeroBytes(word ^ first.lowerWord) | Self.zeroBytes(word ^ first.upperWord)
      if let second, found != 0 {
        let next = raw.loadUnaligned(fromByteOffset: position + 1, as: UInt64.self)
        found &= Self.zeroBytes(next ^ second.lowerWord) | Self.zeroBytes(next ^ second.upperWord)
      }
      if found != 0 { return position + found.trailingZeroBitCount >> 3 }
      position += 8
    }
    while position < end, base[position] != first.lower, base[position] != first.upper {
      position += 1
    }
    return position
  }

  /// The high bit set in each byte of `word` that is zero; the lowest is exact, and a
  /// byte above a zero byte may be marked too.
  @inline(__always)
  private static func zeroBytes(_ word: UInt64) -> UInt64 {
    (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
  }
}
