/// A validity bitmap: bit `i` set means row `i` holds a value, clear means null.
public struct NullMask: Sendable, Equatable {
  /// The bits, 64 rows to a word, lowest bit first.
  public private(set) var words: [UInt64]
  /// The number of rows the mask covers.
  public private(set) var count: Int

  /// A mask of `count` rows, all valid or all null.
  public init(count: Int, allValid: Bool = true) {
    self.count = count
    let wordCount = (count + 63) / 64
    words = Array(repeating: allValid ? ~0 : 0, count: wordCount)
    if allValid { clearTail() }
  }

  /// Builds a mask from one flag per row (`true` = valid).
  public init(valid: [Bool]) {
    self.init(count: valid.count, allValid: false)
    for (i, isValid) in valid.enumerated() where isValid { words[i >> 6] |= 1 << UInt64(i & 63) }
  }

  /// Whether row `i` holds a value.
  @inline(__always)
  public func isValid(_ i: Int) -> Bool {
    words[i >> 6] & (1 << UInt64(i & 63)) != 0
  }

  /// Marks row `i` as holding a value or as null.
  @inline(__always)
  public mutating func set(_ i: Int, valid: Bool) {
    if valid {
      words[i >> 6] |= 1 << UInt64(i & 63)
    } else {
      words[i >> 6] &= ~(1 << UInt64(i & 63))
    }
  }

  /// Adds one row at the end.
  public mutating func append(_ valid: Bool) {
    if count & 63 == 0 { words.append(0) }
    count += 1
    set(count - 1, valid: valid)
  }

  /// How many rows are null.
  public var nullCount: Int {
    count - words.reduce(0) { $0 + $1.nonzeroBitCount }
  }

  private mutating func clearTail() {
    let extra = words.count * 64 - count
    if extra > 0, !words.isEmpty { words[words.count - 1] &= ~0 >> UInt64(extra) }
  }
}
