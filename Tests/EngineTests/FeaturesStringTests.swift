import Engine
import Testing

/// Expected values for one string, computed with Python 3: `zlib.crc32`, `sum(map(ord))`,
/// `len`, and `re.findall(r'[\s\-\\/\.,"\'|&:;%$()]')` with its joined CRC-32.
struct StringCase: Sendable, CustomTestStringConvertible {
  let text: String
  let crc: UInt32
  let ordSum: Int64
  let length: Int
  let delimiters: Int
  let delimiterHash: UInt32

  var testDescription: String { String(reflecting: text) }

  static let all = [
    StringCase(text: "", crc: 0, ordSum: 0, length: 0, delimiters: 0, delimiterHash: 0),
    StringCase(
      text: "123456789", crc: 0xCBF4_3926, ordSum: 477, length: 9, delimiters: 0,
      delimiterHash: 0),
    StringCase(
      text: "The quick brown fox jumps over the lazy dog", crc: 1_095_738_169, ordSum: 4057,
      length: 43, delimiters: 8, delimiterHash: 2_735_817_509),
    StringCase(
      text: #"C:\Windows\System32\cmd.exe"#, crc: 2_866_286_114, ordSum: 2570, length: 27,
      delimiters: 5, delimiterHash: 51_785_571),
    StringCase(
      text: #"cmd.exe /c "echo hi" & dir"#, crc: 1_860_663_185, ordSum: 2031, length: 26,
      delimiters: 10, delimiterHash: 2_657_589_584),
    StringCase(
      text: "a\u{A0}b\u{3000}c\u{85}d\u{200B}e\u{1C}f", crc: 1_933_624_299, ordSum: 21409,
      length: 11, delimiters: 4, delimiterHash: 381_374_887),
    StringCase(
      text: "naïve — 😀", crc: 1_249_366_005, ordSum: 137_453, length: 9, delimiters: 2,
      delimiterHash: 4_013_102_741),
  ]
}

@Suite struct FeaturesStringTests {
  @Test(arguments: StringCase.all)
  func crc32MatchesZlib(_ c: StringCase) {
    #expect(StringFeatures.crc32(c.text) == c.crc)
    #expect(CRC32.checksum(c.text) == c.crc)
  }

  @Test func crc32FedInPiecesEqualsCrc32OfTheWhole() {
    var crc = CRC32()
    crc.update("The quick brown ")
    crc.update("fox jumps over the lazy dog")
    #expect(crc.value == 1_095_738_169)
  }

  @Test(arguments: StringCase.all)
  func ordScoreSumsUnicodeScalars(_ c: StringCase) throws {
    #expect(try StringFeatures.ordScore(c.text) == c.ordSum)
  }

  @Test(arguments: StringCase.all)
  func lengthCountsUnicodeScalarsNotBytes(_ c: StringCase) {
    var text = c.text
    #expect(text.withUTF8 { StringFeatures.length($0) } == c.length)
  }

  @Test(arguments: StringCase.all)
  func delimCountMatchesPythonRegexIncludingUnicodeWhitespace(_ c: StringCase) {
    #expect(StringFeatures.delimCount(c.text) == c.delimiters)
  }

  @Test(arguments: StringCase.all)
  func delimHashIsCrcOfTheJoinedDelimiters(_ c: StringCase) {
    #expect(StringFeatures.delimHash(c.text) == c.delimiterHash)
  }

  @Test(arguments: [(1, 294), (5, 58), (-5, -59), (294, 1), (300, 0)] as [(Int, Int64)])
  func ordScoreDividesByScaleRoundingDown(scale: Int, expected: Int64) throws {
    #expect(try StringFeatures.ordScore("abc", scale: scale) == expected)
  }

  @Test func ordScoreRejectsZeroScale() {
    #expect(throws: FeatureError.zeroScale) { try StringFeatures.ordScore("abc", scale: 0) }
  }

  @Test(
    arguments: [
      ("a b c", " ", 3), ("a  b", " ", 3), ("", " ", 1), ("aaa", "aa", 2), ("a--b--", "--", 3),
      (#"C:\x\y.exe"#, #"\"#, 3),
    ] as [(String, String, Int)])
  func tokenCountSplitsLikePython(text: String, separator: String, expected: Int) throws {
    #expect(try StringFeatures.tokenCount(text, separator: separator) == expected)
  }

  @Test func tokenCountRejectsEmptySeparator() {
    #expect(throws: FeatureError.emptySeparator) {
      try StringFeatures.tokenCount("a b", separator: "")
    }
  }

  @Test func illFormedUTF8CountsOneReplacementPerBadSequence() throws {
    // "a", a truncated three-byte sequence (E2 82), "b", a stray continuation byte.
    let bytes: [UInt8] = [0x61, 0xE2, 0x82, 0x62, 0x80]
    let length = bytes.withUnsafeBufferPointer { StringFeatures.length($0) }
    let score = try bytes.withUnsafeBufferPointer { try StringFeatures.ordScore($0) }
    #expect(length == 4)
    #expect(score == Int64(0x61 + 0x62 + 2 * 0xFFFD))
  }
}

@Suite struct FeaturesDelimiterSetTests {
  @Test(
    arguments: [
      ("[,;]", "a,b;c d", 2), ("[\\s]", "a b\tc\u{3000}d", 3), ("[a-c]", "abcdef", 3),
      ("[^a-z]", "ab1-c", 2), ("[\\-\\\\]", #"a-b\c"#, 2), ("[\\d.]", "v1.25", 4),
      (",;", "a,b;c", 2), ("[x", "[x", 2),
    ] as [(String, String, Int)])
  func patternsCountTheCharactersOfTheirClass(pattern: String, text: String, expected: Int)
    throws
  {
    let set = try DelimiterSet(pattern: pattern)
    #expect(StringFeatures.delimCount(text, delimiters: set) == expected)
  }

  @Test func msticpyPatternReadsAsTheDefaultSet() throws {
    let set = try DelimiterSet(pattern: #"[\s\-\\/\.,"\'|&:;%$()]"#)
    for c in StringCase.all {
      #expect(StringFeatures.delimCount(c.text, delimiters: set) == c.delimiters)
      #expect(StringFeatures.delimHash(c.text, delimiters: set) == c.delimiterHash)
    }
  }

  @Test(arguments: ["[]", "[z-a]", "[ab\\]", "[\\s-z]"])
  func malformedPatternsAreRejected(pattern: String) {
    #expect(throws: FeatureError.self) { try DelimiterSet(pattern: pattern) }
  }
}
