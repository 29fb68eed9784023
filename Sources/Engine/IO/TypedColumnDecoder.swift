/// Builds one column of numbers, booleans or timestamps from the field spans of the
/// scanned chunks, when its values allow.
///
/// The type is the narrowest that holds every non-empty field: Int64, then Float64 when
/// a value does not fit (every integer so far is converted), Bool for `true`/`false`
/// columns, Timestamp for dates (see `Timestamp.parse`). As soon as a value fits none of
/// these the column is text, which `TextColumnsBuilder` builds. Empty fields are nulls.
struct TypedColumnDecoder {
  let bytes: UnsafeBufferPointer<UInt8>
  let chunks: [CSVChunk]
  let column: Int

  /// The column, typed, or `nil` when it holds text (or only empty fields).
  /// - Complexity: O(rows) until the first value that is text.
  func decode() -> Column? {
    let rows = chunks.reduce(0) { $0 + $1.rowCount }
    return decodeTyped(rows: rows)
  }

  /// The column as numbers, booleans or timestamps, or `nil` when some value is text (or
  /// every value is empty).
  private func decodeTyped(rows: Int) -> Column? {
    guard let base = bytes.baseAddress else { return nil }
    var values = TypedValues(rows: rows)

    for chunk in chunks {
      let fitted = chunk.spans.withColumn(column) { spans -> Bool in
        for span in spans {
          let start = chunk.base + Int(span.start)
          let end = chunk.base + Int(span.end)
          guard end > start else {
            values.appendNull()
            continue
          }
          let text = FieldText.valueBytes(base, start: start, end: end, quoted: span.isQuoted)
          guard let text else { return false }
          if text.isEmpty {
            values.appendNull()
          } else if !values.append(text) {
            return false
          }
        }
        return true
      }
      if !fitted { return nil }
    }
    return values.finish()
  }
}

/// The values of a column being typed, widened as values arrive.
private struct TypedValues {
  enum Kind {
    /// Only nulls so far.
    case undecided
    case int
    case float
    case bool
    case timestamp
  }

  private let rows: Int
  private var kind = Kind.undecided
  /// Integers, booleans (0 or 1), timestamps, and placeholders while undecided.
  private var ints: [Int64] = []
  private var floats: [Double] = []
  private var validity: NullMask?

  init(rows: Int) {
    self.rows = rows
    ints.reserveCapacity(rows)
  }

  /// Records an empty field.
  mutating func appendNull() {
    let row = kind == .float ? floats.count : ints.count
    if validity == nil { validity = NullMask(count: rows) }
    validity?.set(row, valid: false)
    if kind == .float { floats.append(0) } else { ints.append(0) }
  }

  /// Adds a value; `false` when it fits neither the current type nor a wider number.
  @inline(__always)
  mutating func append(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    switch kind {
    case .int:
      if let value = FieldValueParser.int(text) {
        ints.append(value)
        return true
      }
      return appendWidening(text)
    case .float:
      guard let value = FieldValueParser.double(text) else { return false }
      floats.append(value)
    case .bool:
      guard let value = FieldValueParser.bool(text) else { return false }
      ints.append(value ? 1 : 0)
    case .timestamp:
      guard let value = Timestamp.parse(text) else { return false }
      ints.append(value)
    case .undecided:
      return appendFirst(text)
    }
    return true
  }

  /// The first value decides the type, narrowest first.
  private mutating func appendFirst(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    if let value = FieldValueParser.int(text) {
      kind = .int
      ints.append(value)
    } else if FieldValueParser.double(text) != nil {
      return appendWidening(text)
    } else if let value = FieldValueParser.bool(text) {
      kind = .bool
      ints.append(value ? 1 : 0)
    } else if let value = Timestamp.parse(text) {
      kind = .timestamp
      ints.append(value)
    } else {
      return false
    }
    return true
  }

  /// Turns the column into floats and adds `text`, if it is a number at all.
  private mutating func appendWidening(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let value = FieldValueParser.double(text) else { return false }
    floats.reserveCapacity(rows)
    floats.append(contentsOf: ints.lazy.map { Double($0) })
    floats.append(value)
    ints = []
    kind = .float
    return true
  }

  /// The finished column, or `nil` when every value was empty.
  func finish() -> Column? {
    switch kind {
    case .undecided: return nil
    case .int: return Column(.int(ints), validity: validity)
    case .float: return Column(.float(floats), validity: validity)
    case .bool: return Column(.bool(ints.map { $0 != 0 }), validity: validity)
    case .timestamp: return Column(.timestamp(ints), validity: validity)
    }
  }
}
