/// Where a key's text lies in the input (inside the quotes).
struct KeySpan {
  let start: Int
  let end: Int
  /// Whether the key holds escapes, so its bytes must be decoded before use.
  let isEscaped: Bool

  var length: Int { end - start }
}

/// Strings: keys, decoded values, and strings copied as written inside JSON text.
extension JSONScanner {
  /// Steps over the key whose opening quote is at `position` and returns where its text
  /// lies.
  mutating func scanKey() throws(JSONFailure) -> KeySpan {
    position += 1
    let start = position
    var isEscaped = false
    while true {
      position = endOfPlainRun(from: position)
      guard position < count, input[position] != JSONByte.lineFeed else {
        throw failure(.closingQuote)
      }
      if input[position] == JSONByte.quote {
        position += 1
        return KeySpan(start: start, end: position - 1, isEscaped: isEscaped)
      }
      isEscaped = true
      position = try escape(at: position).next
    }
  }

  /// Adds the text of `key` to `name`, with its escapes decoded.
  func appendKey(_ key: KeySpan, to name: inout [UInt8]) {
    guard key.isEscaped else {
      name.append(contentsOf: UnsafeBufferPointer(start: input + key.start, count: key.length))
      return
    }
    var index = key.start
    while index < key.end {
      guard input[index] == JSONByte.backslash, let decoded = try? escape(at: index) else {
        name.append(input[index])
        index += 1
        continue
      }
      UTF8.encode(Unicode.Scalar(decoded.scalar) ?? "\u{FFFD}") { name.append($0) }
      index = decoded.next
    }
  }

  /// Writes the text of the string whose opening quote is at `position`, escapes decoded,
  /// and steps past its closing quote.
  mutating func decodeString() throws(JSONFailure) {
    position += 1
    while true {
      let runStart = position
      position = endOfPlainRun(from: position)
      try emit(input + runStart, position - runStart)
      guard position < count, input[position] != JSONByte.lineFeed else {
        throw failure(.closingQuote)
      }
      if input[position] == JSONByte.quote {
        position += 1
        return
      }
      let decoded = try escape(at: position)
      if decoded.isLoneSurrogate { replacedSurrogates += 1 }
      try emitScalar(decoded.scalar)
      position = decoded.next
    }
  }

  /// Writes the string whose opening quote is at `position` as written, quotes and
  /// escapes included, after checking it.
  mutating func copyRawString() throws(JSONFailure) {
    let start = position
    position += 1
    while true {
      position = endOfPlainRun(from: position)
      guard position < count, input[position] != JSONByte.lineFeed else {
        throw failure(.closingQuote)
      }
      if input[position] == JSONByte.quote { break }
      position = try escape(at: position).next
    }
    position += 1
    try emit(input + start, position - start)
  }

  /// The character that the escape at `offset` (a backslash) stands for, and the offset
  /// after it. `\uD83D\uDE00` (a surrogate pair) is one escape; a lone surrogate stands
  /// for U+FFFD.
  func escape(at offset: Int) throws(JSONFailure) -> (
    scalar: UInt32, next: Int, isLoneSurrogate: Bool
  ) {
    let letter = offset + 1 < count ? input[offset + 1] : 0
    let simple: UInt32
    switch letter {
    case JSONByte.quote, JSONByte.backslash, UInt8(ascii: "/"): simple = UInt32(letter)
    case UInt8(ascii: "b"): simple = 0x08
    case UInt8(ascii: "f"): simple = 0x0C
    case UInt8(ascii: "n"): simple = 0x0A
    case UInt8(ascii: "r"): simple = 0x0D
    case UInt8(ascii: "t"): simple = 0x09
    case JSONByte.lowercaseU: return try unicodeEscape(at: offset)
    default: throw .syntax(offset: offset + 1, expected: .escape)
    }
    return (simple, offset + 2, false)
  }

  /// The `\uHHHH` escape (four hex digits) at `offset`, joined with a second one when the two form a
  /// surrogate pair.
  private func unicodeEscape(at offset: Int) throws(JSONFailure) -> (
    scalar: UInt32, next: Int, isLoneSurrogate: Bool
  ) {
    let high = try hexQuad(at: offset + 2)
    let next = offset + 6
    guard (0xD800...0xDFFF).contains(high) else { return (high, next, false) }

    if high <= 0xDBFF, next + 1 < count, input[next] == JSONByte.backslash,
      input[next + 1] == JSONByte.lowercaseU, let low = try? hexQuad(at: next + 2),
      (0xDC00...0xDFFF).contains(low)
    {
      return (0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00), next + 6, false)
    }
    return (0xFFFD, next, true)
  }

  /// The value of the four hex digits at `offset`.
  private func hexQuad(at offset: Int) throws(JSONFailure) -> UInt32 {
    var value: UInt32 = 0
    for index in offset..<offset + 4 {
      let byte = index < count ? input[index] : 0
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw .syntax(offset: index, expected: .hexDigits)
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }

  /// The offset of the next quote, backslash or line feed at or after `start` (or the
  /// end of the input), eight bytes at a time.
  @inline(__always)
  func endOfPlainRun(from start: Int) -> Int {
    var position = start
    let raw = UnsafeRawPointer(input)
    while position + 8 <= count {
      let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
      let found =
        Self.zeroBytes(word ^ 0x2222_2222_2222_2222) | Self.zeroBytes(word ^ 0x5C5C_5C5C_5C5C_5C5C)
        | Self.zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
      if found != 0 { return position + found.trailingZeroBitCount >> 3 }
      position += 8
    }
    while position < count {
      let byte = input[position]
      if byte == JSONByte.quote || byte == JSONByte.backslash || byte == JSONByte.lineFeed {
        return position
      }
      position += 1
    }
    return count
  }

  /// The high bit set in each byte of `word` that is zero (exact for the lowest one).
  @inline(__always)
  private static func zeroBytes(_ word: UInt64) -> UInt64 {
    (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
  }
}
