/// The values of one column (or of one chunk's part of it) being typed, widened as values
/// arrive.
struct TypedValues {
  /// The type found so far.
  enum Kind {
    /// Only nulls so far.
    case undecided
    case int
    case float
    case bool
    case timestamp
  }

  private let rows: Int
  private(set) var kind = Kind.undecided
  /// Integers, booleans (0 or 1), timestamps, and placeholders while undecided.
  private var ints: [Int64] = []
  private var floats: [Double] = []
  /// The rows (counted from this part's first) that are empty.
  private var nullRows: [Int] = []

  /// Values for up to `rows` rows.
  init(rows: Int) {
    self.rows = rows
  }

  private var count: Int { kind == .float ? floats.count : ints.count }

  /// Records an empty field.
  mutating func appendNull() {
    nullRows.append(count)
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
    let kindAndValue: (Kind, Int64)
    if let value = FieldValueParser.int(text) {
      kindAndValue = (.int, value)
    } else if FieldValueParser.double(text) != nil {
      return appendWidening(text)
    } else if let value = FieldValueParser.bool(text) {
      kindAndValue = (.bool, value ? 1 : 0)
    } else if let value = Timestamp.parse(text) {
      kindAndValue = (.timestamp, value)
    } else {
      return false
    }
    kind = kindAndValue.0
    ints.reserveCapacity(rows)
    ints.append(kindAndValue.1)
    return true
  }

  /// Turns the values into floats and adds `text`, if it is a number at all.
  private mutating func appendWidening(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let value = FieldValueParser.double(text) else { return false }
    widenToFloat()
    floats.append(value)
    return true
  }

  private mutating func widenToFloat() {
    guard kind != .float else { return }
    floats.reserveCapacity(rows)
    floats.append(contentsOf: ints.lazy.map { Double($0) })
    ints = []
    kind = .float
  }

  /// The column made of `parts` in order, typed by the widest part; `nil` when the parts
  /// disagree (booleans next to numbers, say) or every value is empty.
  static func joined(_ parts: [TypedValues]) -> Column? {
    var kind = Kind.undecided
    for part in parts where part.kind != .undecided && part.kind != kind {
      switch (kind, part.kind) {
      case (.undecided, let other): kind = other
      case (.int, .float), (.float, .int): kind = .float
      default: return nil
      }
    }
    guard kind != .undecided else { return nil }

    var validity: NullMask?
    var offset = 0
    for part in parts {
      if !part.nullRows.isEmpty, validity == nil {
        validity = NullMask(count: parts.reduce(0) { $0 + $1.count })
      }
      for row in part.nullRows { validity?.set(offset + row, valid: false) }
      offset += part.count
    }
    return column(of: kind, parts, validity: validity)
  }

  private static func column(of kind: Kind, _ parts: [TypedValues], validity: NullMask?)
    -> Column
  {
    if kind == .float {
      let floats = parts.flatMap { part in
        var part = part
        part.widenToFloat()
        return part.floats
      }
      return Column(.float(floats), validity: validity)
    }
    let ints = parts.count == 1 ? parts[0].ints : parts.flatMap(\.ints)
    switch kind {
    case .bool: return Column(.bool(ints.map { $0 != 0 }), validity: validity)
    case .timestamp: return Column(.timestamp(ints), validity: validity)
    default: return Column(.int(ints), validity: validity)
    }
  }
}
