import Foundation

/// Reads the JSON records (objects) of one stretch of the input: writes the text of each
/// value to an output buffer and records where it went, in the column of its key.
///
/// The grammar is RFC 8259's, with allowances for what real exports hold: `NaN`,
/// `Infinity` and `-Infinity` are numbers (Python's json module writes them); control
/// characters other than line feeds may appear raw inside strings; a `\u` escape of a
/// lone surrogate becomes U+FFFD (and is counted).
///
/// What a value becomes in the output:
/// - a string: its text with the escapes decoded, without the quotes;
/// - a number, `true` or `false`: its text as written;
/// - `null`: nothing (an empty span, which is a null);
/// - an object within the first `flattenedLevels` levels of the record: its members, each
///   in the column `outer.inner` (`EventData.Image`);
/// - a deeper object, and any array: its JSON text without insignificant whitespace.
///
/// Decoding never makes text longer, so the output never runs ahead of the input: a chunk
/// writes into the stretch of the output that matches its own stretch of input.
struct JSONScanner {
  /// The deepest nesting of arrays and objects read.
  static let maximumDepth = 256
  /// How many levels of objects inside a record are spread into dotted column names.
  static let flattenedLevels = 1
  /// The most distinct keys (columns) one chunk may have: every key costs a slot in every
  /// row, so records keyed by values (IDs, say) would not fit in memory.
  static let maximumKeys = 10_000

  let input: UnsafePointer<UInt8>
  let count: Int
  private let output: UnsafeMutablePointer<UInt8>
  /// The offset that spans count from, in the output (which is laid out like the input).
  private let chunkBase: Int
  /// The output must stay below this offset.
  private let outputLimit: Int
  /// The next byte to read.
  var position: Int
  /// The next byte to write.
  private var written: Int
  /// The spans of the values read, one column per distinct key.
  let columns: SpanColumns
  /// The column of each key, numbered as in `columns`.
  private(set) var keys = JSONKeyTable()
  /// The dotted name of the object being spread into columns (`EventData.`), or empty.
  private var keyPath: [UInt8] = []
  /// How many `\u` escapes of lone surrogates became U+FFFD.
  var replacedSurrogates = 0

  /// A scanner for the input starting at `start`, writing from the same offset of
  /// `output` and no further than `outputLimit`.
  init(
    input: UnsafeBufferPointer<UInt8>, output: UnsafeMutablePointer<UInt8>, start: Int,
    outputLimit: Int
  ) {
    // An empty input still needs an address; nothing is read through it then.
    self.input = input.baseAddress ?? UnsafePointer(output)
    count = input.count
    self.output = output
    chunkBase = start
    self.outputLimit = outputLimit
    position = start
    written = start
    columns = SpanColumns(expectedRows: 1024)
  }

  /// Scans JSON lines records from `position` while they start before `limit`; the last
  /// may run past it. Stops after the whitespace that follows the last record.
  /// - Throws: `JSONFailure` at the first malformed record.
  mutating func scanLines(limit: Int) throws(JSONFailure) {
    skipWhitespace()
    while position < limit {
      try scanRecord()
      skipWhitespace()
    }
  }

  /// Scans the records of a top-level array from `position`, which is at its `[` when
  /// `opens`, else just after a `,`; stops after a `,` once past `limit`.
  /// - Returns: Whether the array closed (and nothing but whitespace follows it).
  /// - Throws: `JSONFailure` at the first malformed record or separator.
  mutating func scanArray(limit: Int, opens: Bool) throws(JSONFailure) -> Bool {
    if opens {
      position += 1
      skipWhitespace()
      if peek == JSONByte.closingBracket {
        position += 1
        try expectEndOfInput()
        return true
      }
    }
    while true {
      try scanRecord()
      skipWhitespace()
      switch peek {
      case JSONByte.comma:
        position += 1
        skipWhitespace()
        if position >= limit { return false }
      case JSONByte.closingBracket:
        position += 1
        try expectEndOfInput()
        return true
      default:
        throw failure(.commaOrBracket)
      }
    }
  }

  /// Scans one record, which must be an object, into a new row.
  private mutating func scanRecord() throws(JSONFailure) {
    let start = position
    guard peek == JSONByte.openingBrace else {
      if Self.startsValue(peek) { throw .notAnObject(offset: start) }
      throw failure(.object)
    }
    try scanMembers(level: 0)
    if position - chunkBase > maximumChunkExtent { throw .recordTooLarge(offset: start) }
    columns.commitRow()
  }

  /// Scans the object at `position`, each member into its column; members that are
  /// objects are spread out while `level` is below `flattenedLevels`.
  private mutating func scanMembers(level: Int) throws(JSONFailure) {
    position += 1
    skipWhitespace()
    if peek == JSONByte.closingBrace {
      position += 1
      return
    }
    while true {
      guard peek == JSONByte.quote else { throw failure(.key) }
      let key = try scanKey()
      skipWhitespace()
      guard peek == JSONByte.colon else { throw failure(.colon) }
      position += 1
      skipWhitespace()

      if peek == JSONByte.openingBrace, level < Self.flattenedLevels {
        let pathLength = keyPath.count
        appendKey(key, to: &keyPath)
        keyPath.append(JSONByte.dot)
        try scanMembers(level: level + 1)
        keyPath.removeLast(keyPath.count - pathLength)
      } else {
        let column = try column(of: key)
        columns.set(try scanValue(depth: level + 2), column: column)
      }

      skipWhitespace()
      switch peek {
      case JSONByte.comma:
        position += 1
        skipWhitespace()
      case JSONByte.closingBrace:
        position += 1
        return
      default:
        throw failure(.commaOrBrace)
      }
    }
  }

  /// The column of `key` (under `keyPath`), added when the key is new.
  /// - Throws: `JSONFailure.tooManyKeys` past `maximumKeys` distinct keys.
  @inline(__always)
  private mutating func column(of key: KeySpan) throws(JSONFailure) -> Int {
    let index: Int
    if keyPath.isEmpty, !key.isEscaped {
      index = keys.index(of: UnsafeBufferPointer(start: input + key.start, count: key.length))
    } else {
      // The path is borrowed, not copied: its buffer stays the one reused for every key.
      var name: [UInt8] = []
      swap(&name, &keyPath)
      let pathLength = name.count
      appendKey(key, to: &name)
      index = name.withUnsafeBufferPointer { keys.index(of: $0) }
      name.removeLast(name.count - pathLength)
      swap(&name, &keyPath)
    }
    if index == columns.columnCount {
      guard index < Self.maximumKeys else { throw .tooManyKeys(offset: key.start - 1) }
      _ = columns.addColumn()
    }
    return index
  }

  /// Scans the value at `position` into the output and returns where it went; `depth`
  /// counts the arrays and objects around it.
  @inline(__always)
  private mutating func scanValue(depth: Int) throws(JSONFailure) -> FieldSpan {
    let start = written
    switch peek {
    case JSONByte.quote: try decodeString()
    case JSONByte.openingBrace, JSONByte.openingBracket: try copyCompact(depth: depth)
    case JSONByte.lowercaseN:
      try expectWord("null")
      return .empty
    default: try copyScalar()
    }
    return FieldSpan(start: start - chunkBase, end: written - chunkBase, quoted: false)
  }

  /// Copies the value at `position` as compact JSON text: strings as written, whitespace
  /// between tokens dropped.
  private mutating func copyCompact(depth: Int) throws(JSONFailure) {
    guard depth <= Self.maximumDepth else { throw failure(.lessNesting) }
    switch peek {
    case JSONByte.openingBrace:
      try copyContainer(closing: JSONByte.closingBrace, depth: depth) {
        (scanner: inout JSONScanner) throws(JSONFailure) in
        guard scanner.peek == JSONByte.quote else { throw scanner.failure(.key) }
        try scanner.copyRawString()
        scanner.skipWhitespace()
        guard scanner.peek == JSONByte.colon else { throw scanner.failure(.colon) }
        try scanner.emitByte(JSONByte.colon)
        scanner.skipWhitespace()
        try scanner.copyCompact(depth: depth + 1)
      }
    case JSONByte.openingBracket:
      try copyContainer(closing: JSONByte.closingBracket, depth: depth) {
        (scanner: inout JSONScanner) throws(JSONFailure) in
        try scanner.copyCompact(depth: depth + 1)
      }
    case JSONByte.quote: try copyRawString()
    default: try copyScalar()
    }
  }

  /// Copies an object or array whose opening byte is at `position`, copying each element
  /// with `element`.
  private mutating func copyContainer(
    closing: UInt8, depth: Int,
    element: (inout JSONScanner) throws(JSONFailure) -> Void
  ) throws(JSONFailure) {
    try emitByte(peek)
    skipWhitespace()
    if peek == closing {
      try emitByte(closing)
      return
    }
    while true {
      try element(&self)
      skipWhitespace()
      if peek == JSONByte.comma {
        try emitByte(JSONByte.comma)
        skipWhitespace()
      } else if peek == closing {
        try emitByte(closing)
        return
      } else {
        throw failure(closing == JSONByte.closingBrace ? .commaOrBrace : .commaOrBracket)
      }
    }
  }

  /// Copies the number or literal word at `position` as written.
  private mutating func copyScalar() throws(JSONFailure) {
    let start = position
    switch peek {
    case JSONByte.lowercaseT: try expectWord("true")
    case JSONByte.lowercaseF: try expectWord("false")
    case JSONByte.lowercaseN: try expectWord("null")
    case JSONByte.uppercaseN: try expectWord("NaN")
    case JSONByte.uppercaseI: try expectWord("Infinity")
    case JSONByte.minus, JSONByte.digitZero...JSONByte.digitNine: try scanNumber()
    default: throw failure(.value)
    }
    try emit(input + start, position - start)
  }

  /// Steps over a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, or
  /// `-Infinity`.
  private mutating func scanNumber() throws(JSONFailure) {
    if peek == JSONByte.minus {
      position += 1
      if peek == JSONByte.uppercaseI { return try expectWord("Infinity") }
    }
    guard Self.isDigit(peek) else { throw failure(.digit) }
    if peek == JSONByte.digitZero { position += 1 } else { skipDigits() }
    if peek == JSONByte.dot {
      position += 1
      guard Self.isDigit(peek) else { throw failure(.digit) }
      skipDigits()
    }
    if peek | 0x20 == JSONByte.lowercaseE {
      position += 1
      if peek == JSONByte.plus || peek == JSONByte.minus { position += 1 }
      guard Self.isDigit(peek) else { throw failure(.digit) }
      skipDigits()
    }
  }

  /// Steps over `word`, which must come next.
  private mutating func expectWord(_ word: StaticString) throws(JSONFailure) {
    let length = word.utf8CodeUnitCount
    guard count - position >= length,
      memcmp(input + position, word.utf8Start, length) == 0
    else { throw failure(.literal) }
    position += length
  }

  /// Fails unless only whitespace is left.
  private mutating func expectEndOfInput() throws(JSONFailure) {
    skipWhitespace()
    guard position == count else { throw failure(.endOfInput) }
  }

  // MARK: - Bytes

  /// The byte at `position`, or 0 at the end of the input (0 never starts a token).
  @inline(__always)
  var peek: UInt8 { position < count ? input[position] : 0 }

  @inline(__always)
  mutating func skipWhitespace() {
    while position < count {
      let byte = input[position]
      guard
        byte == JSONByte.space || byte == JSONByte.lineFeed || byte == JSONByte.carriageReturn
          || byte == JSONByte.tab
      else { return }
      position += 1
    }
  }

  @inline(__always)
  mutating func skipDigits() {
    while Self.isDigit(peek) { position += 1 }
  }

  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool { byte &- JSONByte.digitZero < 10 }

  /// Whether `byte` can start a JSON value (so a record that starts with it is a value of
  /// the wrong kind rather than malformed text).
  static func startsValue(_ byte: UInt8) -> Bool {
    [
      JSONByte.quote, JSONByte.openingBracket, JSONByte.minus, JSONByte.lowercaseT,
      JSONByte.lowercaseF, JSONByte.lowercaseN,
    ].contains(byte)
      || isDigit(byte)
  }

  /// Writes `length` bytes from `source` to the output.
  @inline(__always)
  mutating func emit(_ source: UnsafePointer<UInt8>, _ length: Int) throws(JSONFailure) {
    guard length > 0 else { return }
    guard written + length <= outputLimit else { throw .overran }
    (output + written).update(from: source, count: length)
    written += length
  }

  /// Writes the byte at `position` (which is `byte`) and steps over it.
  @inline(__always)
  private mutating func emitByte(_ byte: UInt8) throws(JSONFailure) {
    guard written < outputLimit else { throw .overran }
    output[written] = byte
    written += 1
    position += 1
  }

  /// Writes the UTF-8 encoding of the scalar `value` (U+FFFD when it is a surrogate).
  mutating func emitScalar(_ value: UInt32) throws(JSONFailure) {
    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
    let length = UTF8.width(scalar)
    guard written + length <= outputLimit else { throw .overran }
    var target = output + written
    UTF8.encode(scalar) { byte in
      target.pointee = byte
      target += 1
    }
    written += length
  }

  /// The failure "expected `expected`" at `position`.
  func failure(_ expected: JSONExpectation) -> JSONFailure {
    .syntax(offset: position, expected: expected)
  }
}

/// The bytes the JSON grammar gives a meaning to.
enum JSONByte {
  static let quote = UInt8(ascii: "\"")
  static let backslash = UInt8(ascii: "\\")
  static let comma = UInt8(ascii: ",")
  static let colon = UInt8(ascii: ":")
  static let dot = UInt8(ascii: ".")
  static let openingBrace = UInt8(ascii: "{")
  static let closingBrace = UInt8(ascii: "}")
  static let openingBracket = UInt8(ascii: "[")
  static let closingBracket = UInt8(ascii: "]")
  static let minus = UInt8(ascii: "-")
  static let plus = UInt8(ascii: "+")
  static let digitZero = UInt8(ascii: "0")
  static let digitNine = UInt8(ascii: "9")
  static let lowercaseE = UInt8(ascii: "e")
  static let lowercaseF = UInt8(ascii: "f")
  static let lowercaseN = UInt8(ascii: "n")
  static let lowercaseT = UInt8(ascii: "t")
  static let lowercaseU = UInt8(ascii: "u")
  static let uppercaseI = UInt8(ascii: "I")
  static let uppercaseN = UInt8(ascii: "N")
  static let space = UInt8(ascii: " ")
  static let tab = UInt8(ascii: "\t")
  static let lineFeed = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
}
