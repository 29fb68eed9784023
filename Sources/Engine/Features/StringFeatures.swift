/// msticpy's string features as scalar functions, on raw UTF-8 bytes or on strings.
///
/// Lengths and scores count Unicode scalars (Python's characters), not bytes or
/// grapheme clusters. Ill-formed UTF-8 counts as U+FFFD per maximal bad sequence.
public enum StringFeatures {
  /// The sum of the Unicode scalar values of `bytes`, divided by `scale` and rounded
  /// down (msticpy's `char_ord_score`).
  /// - Throws: `FeatureError.zeroScale` when `scale` is 0.
  /// - Complexity: O(bytes.count)
  public static func ordScore(_ bytes: UnsafeBufferPointer<UInt8>, scale: Int = 1)
    throws(FeatureError) -> Int64
  {
    guard scale != 0 else { throw .zeroScale }
    return floorDivide(scan(bytes, delimiters: .msticpy).scalarSum, by: Int64(scale))
  }

  /// The sum of the Unicode scalar values of `text`, divided by `scale` and rounded down.
  /// - Throws: `FeatureError.zeroScale` when `scale` is 0.
  /// - Complexity: O(text.utf8.count)
  public static func ordScore(_ text: String, scale: Int = 1) throws(FeatureError) -> Int64 {
    guard scale != 0 else { throw .zeroScale }
    var text = text
    let sum = text.withUTF8 { scan($0, delimiters: .msticpy).scalarSum }
    return floorDivide(sum, by: Int64(scale))
  }

  /// `sum / divisor` rounded towards negative infinity, as Python's `floor` of a quotient.
  private static func floorDivide(_ sum: Int64, by divisor: Int64) -> Int64 {
    let quotient = sum / divisor
    let isInexactNegative = sum % divisor != 0 && (sum < 0) != (divisor < 0)
    return isInexactNegative ? quotient - 1 : quotient
  }

  /// How many characters of `bytes` are delimiters (msticpy's `delim_count`).
  /// - Complexity: O(bytes.count)
  public static func delimCount(
    _ bytes: UnsafeBufferPointer<UInt8>, delimiters: DelimiterSet = .msticpy
  ) -> Int {
    scan(bytes, delimiters: delimiters).delimiterCount
  }

  /// How many characters of `text` are delimiters.
  /// - Complexity: O(text.utf8.count)
  public static func delimCount(_ text: String, delimiters: DelimiterSet = .msticpy) -> Int {
    var text = text
    return text.withUTF8 { delimCount($0, delimiters: delimiters) }
  }

  /// The CRC-32 of the delimiters of `bytes` joined in order, as UTF-8
  /// (msticpy's `delim_hash`).
  /// - Complexity: O(bytes.count)
  public static func delimHash(
    _ bytes: UnsafeBufferPointer<UInt8>, delimiters: DelimiterSet = .msticpy
  ) -> UInt32 {
    scan(bytes, delimiters: delimiters).delimiterHash
  }

  /// The CRC-32 of the delimiters of `text` joined in order, as UTF-8.
  /// - Complexity: O(text.utf8.count)
  public static func delimHash(_ text: String, delimiters: DelimiterSet = .msticpy) -> UInt32 {
    var text = text
    return text.withUTF8 { delimHash($0, delimiters: delimiters) }
  }

  /// The CRC-32 of `bytes` (msticpy's `crc32_hash`, zlib's checksum).
  /// - Complexity: O(bytes.count)
  public static func crc32(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    CRC32.checksum(bytes)
  }

  /// The CRC-32 of the UTF-8 bytes of `text`.
  /// - Complexity: O(text.utf8.count)
  public static func crc32(_ text: String) -> UInt32 {
    CRC32.checksum(text)
  }

  /// The number of Unicode scalars in `bytes` (Python's `len`).
  /// - Complexity: O(bytes.count)
  public static func length(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    scan(bytes, delimiters: .msticpy).scalarCount
  }

  /// How many pieces `bytes` splits into at `separator` (msticpy's `token_count`,
  /// Python's `len(value.split(separator))`): the non-overlapping occurrences
  /// found from the left, plus one.
  /// - Throws: `FeatureError.emptySeparator` when `separator` is empty.
  /// - Complexity: O(bytes.count × separator.count)
  public static func tokenCount(
    _ bytes: UnsafeBufferPointer<UInt8>, separator: UnsafeBufferPointer<UInt8>
  ) throws(FeatureError) -> Int {
    guard !separator.isEmpty else { throw .emptySeparator }
    return occurrences(of: separator, in: bytes) + 1
  }

  /// How many pieces `text` splits into at `separator` (a space by default).
  /// - Throws: `FeatureError.emptySeparator` when `separator` is empty.
  /// - Complexity: O(text.utf8.count × separator.utf8.count)
  public static func tokenCount(_ text: String, separator: String = " ") throws(FeatureError)
    -> Int
  {
    guard !separator.isEmpty else { throw .emptySeparator }
    var text = text
    var separator = separator
    let count = text.withUTF8 { bytes in
      separator.withUTF8 { occurrences(of: $0, in: bytes) }
    }
    return count + 1
  }

  /// The non-overlapping occurrences of a non-empty `needle`, found from the left.
  private static func occurrences(
    of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>
  ) -> Int {
    var count = 0
    var i = 0
    while i + needle.count <= bytes.count {
      if matches(bytes, at: i, needle) {
        count += 1
        i += needle.count
      } else {
        i += 1
      }
    }
    return count
  }

  /// Whether `needle` occurs in `bytes` at byte `i` (the caller checks the bounds).
  @inline(__always)
  static func matches(
    _ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ needle: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    for k in 0..<needle.count where bytes[i + k] != needle[k] { return false }
    return true
  }
}
