/// Appends cells one at a time and produces a `Column`.
public struct ColumnBuilder: Sendable {
  /// The type of the column being built.
  public let type: ColumnType
  private var ints: [Int64] = []
  private var floats: [Double] = []
  private var bools: [Bool] = []
  private var strings = StringStorage()
  private var validity: NullMask
  private var hasNull = false

  /// An empty builder for `type`, with room for `capacity` rows.
  public init(type: ColumnType, capacity: Int = 0) {
    self.type = type
    validity = NullMask(count: 0)
    switch type {
    case .int, .timestamp: ints.reserveCapacity(capacity)
    case .float: floats.reserveCapacity(capacity)
    case .bool: bools.reserveCapacity(capacity)
    case .string: strings.reserve(rows: capacity, bytes: capacity * 16)
    }
  }

  /// Rows appended so far.
  public var count: Int { validity.count }

  /// Appends a value, converting between numeric kinds; a value of an
  /// unrelated type is stored as its text in string columns and as null elsewhere.
  public mutating func append(_ value: Value) {
    switch (type, value) {
    case (_, .null): appendNull()
    case (.int, .int(let v)), (.timestamp, .timestamp(let v)): appendInt(v)
    case (.int, .bool(let v)): appendInt(v ? 1 : 0)
    case (.float, .float(let v)): appendFloat(v)
    case (.float, .int(let v)): appendFloat(Double(v))
    case (.float, .bool(let v)): appendFloat(v ? 1 : 0)
    case (.bool, .bool(let v)): appendBool(v)
    case (.string, .string(let v)): appendString(v)
    case (.string, let other): appendString(ValueFormatter.plain(other))
    default: appendNull()
    }
  }

  /// Appends an integer (or, in a timestamp column, nanoseconds since the epoch).
  public mutating func appendInt(_ v: Int64) {
    ints.append(v)
    validity.append(true)
  }

  /// Appends a floating-point number.
  public mutating func appendFloat(_ v: Double) {
    floats.append(v)
    validity.append(true)
  }

  /// Appends a boolean.
  public mutating func appendBool(_ v: Bool) {
    bools.append(v)
    validity.append(true)
  }

  /// Appends a string.
  public mutating func appendString(_ v: String) {
    strings.append(v)
    validity.append(true)
  }

  /// Appends a string given as UTF-8 bytes.
  public mutating func appendString(bytes: UnsafeBufferPointer<UInt8>) {
    strings.append(bytes: bytes)
    validity.append(true)
  }

  /// Appends a null row.
  public mutating func appendNull() {
    switch type {
    case .int, .timestamp: ints.append(0)
    case .float: floats.append(0)
    case .bool: bools.append(false)
    case .string: strings.append(utf8: EmptyCollection<UInt8>())
    }
    validity.append(false)
    hasNull = true
  }

  /// The column built so far.
  public func finish() -> Column {
    let mask = hasNull ? validity : nil
    switch type {
    case .int: return Column(.int(ints), validity: mask)
    case .timestamp: return Column(.timestamp(ints), validity: mask)
    case .float: return Column(.float(floats), validity: mask)
    case .bool: return Column(.bool(bools), validity: mask)
    case .string: return Column(.string(strings), validity: mask)
    }
  }
}
