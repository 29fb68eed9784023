/// Byte-level string tests: equality and KQL's case-insensitive `contains`,
/// `startswith`, `endswith` and `=~`, run over a string column without making strings.
enum StringTests {
  /// The fast path for a string column against a string literal; nil when it does not apply.
  static func evaluate(_ op: BinaryOperator, _ a: Operand, _ b: Operand, rowCount: Int)
    -> Operand?
  {
    guard op == .equal || op == .notEqual || (op.isStringTest && op != .matches),
      case .column(let column) = a, case .string(let strings) = column.values,
      case .scalar(.string(let literal)) = b
    else { return nil }

    let needle = Array(literal.utf8)
    var flags = [Bool](repeating: false, count: rowCount)
    strings.bytes.withUnsafeBufferPointer { all in
      for i in 0..<rowCount {
        let row = UnsafeBufferPointer(rebasing: all[strings.offsets[i]..<strings.offsets[i + 1]])
        flags[i] = test(op, row, needle)
      }
    }
    return .column(Column(.bool(flags), validity: column.validity))
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
