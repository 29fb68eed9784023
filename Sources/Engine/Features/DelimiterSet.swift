/// The characters that count as delimiters for `delim_count` and `delim_hash`.
///
/// The default, `.msticpy`, is the character class msticpy uses,
/// `[\s\-\\/\.,"'|&:;%$()]`, where `\s` means what it means in Python 3:
/// every character for which `str.isspace()` holds, ASCII and Unicode.
public struct DelimiterSet: Sendable, Equatable {
  /// Bit `c` set when ASCII character `c` (0..<64 and 64..<128) is a delimiter.
  private var asciiLow: UInt64 = 0
  private var asciiHigh: UInt64 = 0
  /// Whether the non-ASCII whitespace of Python's `\s` belongs to the set.
  private var includesUnicodeSpaces = false
  /// Other non-ASCII delimiters, sorted.
  private var otherScalars: [UInt32] = []
  /// Whether membership is inverted (a `[^...]` class).
  private var isNegated = false

  /// msticpy's delimiters: whitespace and ``- \ / . , " ' | & : ; % $ ( )``.
  public static let msticpy: DelimiterSet = {
    var set = DelimiterSet()
    set.addWhitespace()
    for scalar in "-\\/.,\"'|&:;%$()".unicodeScalars { set.add(scalar.value) }
    return set
  }()

  private init() {}

  /// A set holding exactly the characters of `characters`.
  public init(characters: String) {
    for scalar in characters.unicodeScalars { add(scalar.value) }
  }

  /// A set described the way msticpy's `delim_list` argument is written.
  ///
  /// `[...]` is read as a regular-expression character class: single characters,
  /// ranges `a-z`, a leading `^` to negate, and the escapes `\s` (whitespace as in
  /// Python), `\d` (ASCII digits), `\t \n \r \f \v`, and `\` before any other
  /// character for that character itself. Any other text is read as a plain list
  /// of delimiter characters.
  /// - Throws: `FeatureError.badDelimiterPattern` for an empty class, a dangling
  ///   `\`, or a range that runs backwards or starts or ends at a class escape.
  public init(pattern: String) throws(FeatureError) {
    let scalars = Array(pattern.unicodeScalars)
    guard scalars.count >= 2, scalars.first == "[", scalars.last == "]" else {
      self.init(characters: pattern)
      return
    }
    self.init()
    var body = scalars[1..<(scalars.count - 1)]
    if body.first == "^", body.count > 1 {
      isNegated = true
      body = body.dropFirst()
    }
    guard !body.isEmpty else {
      throw .badDelimiterPattern(pattern, reason: "the class is empty")
    }
    try parseClass(Array(body), pattern: pattern)
  }

  /// Whether the scalar `value` is a delimiter.
  @inline(__always)
  public func contains(_ value: UInt32) -> Bool {
    let found: Bool
    if value < 64 {
      found = asciiLow & (1 << UInt64(value)) != 0
    } else if value < 128 {
      found = asciiHigh & (1 << UInt64(value - 64)) != 0
    } else {
      found =
        (includesUnicodeSpaces && DelimiterSet.isUnicodeSpace(value))
        || binarySearch(value)
    }
    return found != isNegated
  }

  /// Whether `value` is non-ASCII whitespace in Python's sense of `\s`.
  static func isUnicodeSpace(_ value: UInt32) -> Bool {
    switch value {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
      return true
    default:
      return false
    }
  }

  private func binarySearch(_ value: UInt32) -> Bool {
    var low = 0
    var high = otherScalars.count
    while low < high {
      let mid = (low + high) / 2
      if otherScalars[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low < otherScalars.count && otherScalars[low] == value
  }

  private mutating func add(_ value: UInt32) {
    if value < 64 {
      asciiLow |= 1 << UInt64(value)
    } else if value < 128 {
      asciiHigh |= 1 << UInt64(value - 64)
    } else if !binarySearch(value) {
      otherScalars.append(value)
      otherScalars.sort()
    }
  }

  private mutating func add(_ range: ClosedRange<UInt32>) {
    for value in range { add(value) }
  }

  private mutating func addWhitespace() {
    add(0x09...0x0D)
    add(0x1C...0x20)
    includesUnicodeSpaces = true
  }
}

extension DelimiterSet {
  /// One element of a character class: a single scalar or a class escape.
  private enum ClassAtom {
    case scalar(UInt32)
    case whitespace
    case digits
  }

  /// Reads the inside of `[...]` (without the brackets and a leading `^`).
  private mutating func parseClass(_ body: [Unicode.Scalar], pattern: String)
    throws(FeatureError)
  {
    var i = 0
    while i < body.count {
      let first = try readAtom(body, &i, pattern: pattern)
      let isRange = i + 1 < body.count && body[i] == "-"
      guard isRange else {
        add(first)
        continue
      }
      i += 1
      let last = try readAtom(body, &i, pattern: pattern)
      guard case .scalar(let low) = first, case .scalar(let high) = last else {
        throw .badDelimiterPattern(pattern, reason: "a range cannot start or end at \\s or \\d")
      }
      guard low <= high else {
        throw .badDelimiterPattern(pattern, reason: "the range runs backwards")
      }
      add(low...high)
    }
  }

  private func readAtom(_ body: [Unicode.Scalar], _ i: inout Int, pattern: String)
    throws(FeatureError) -> ClassAtom
  {
    let scalar = body[i]
    i += 1
    guard scalar == "\\" else { return .scalar(scalar.value) }
    guard i < body.count else {
      throw .badDelimiterPattern(pattern, reason: "it ends with a lone \\")
    }
    let escaped = body[i]
    i += 1
    switch escaped {
    case "s": return .whitespace
    case "d": return .digits
    case "t": return .scalar(0x09)
    case "n": return .scalar(0x0A)
    case "v": return .scalar(0x0B)
    case "f": return .scalar(0x0C)
    case "r": return .scalar(0x0D)
    default: return .scalar(escaped.value)
    }
  }

  private mutating func add(_ atom: ClassAtom) {
    switch atom {
    case .scalar(let value): add(value)
    case .whitespace: addWhitespace()
    case .digits: add(0x30...0x39)
    }
  }
}
