/// One column of a table: typed values plus an optional validity mask.
///
/// A null row still occupies a slot in `values` (0, false or the empty string);
/// `validity` says which slots hold real values. `validity == nil` means no nulls.
public struct Column: Sendable, Equatable {
  /// The typed storage of a column.
  public enum Values: Sendable, Equatable {
    case int([Int64])
    case float([Double])
    case bool([Bool])
    case string(StringStorage)
    /// Nanoseconds since the epoch, UTC.
    case timestamp([Int64])
  }

  /// The typed values, one slot per row (null rows hold a placeholder).
  public var values: Values
  /// Which rows hold values; `nil` when none is null.
  public var validity: NullMask?

  /// A column of `values`; a mask without nulls is dropped.
  public init(_ values: Values, validity: NullMask? = nil) {
    self.values = values
    self.validity = validity.flatMap { $0.nullCount == 0 ? nil : $0 }
  }

  /// The kind of values the column holds.
  public var type: ColumnType {
    switch values {
    case .int: return .int
    case .float: return .float
    case .bool: return .bool
    case .string: return .string
    case .timestamp: return .timestamp
    }
  }

  /// The number of rows.
  public var count: Int {
    switch values {
    case .int(let v): return v.count
    case .float(let v): return v.count
    case .bool(let v): return v.count
    case .string(let v): return v.count
    case .timestamp(let v): return v.count
    }
  }

  /// Whether row `i` is null.
  @inline(__always)
  public func isNull(_ i: Int) -> Bool {
    guard let validity else { return false }
    return !validity.isValid(i)
  }

  /// How many rows are null.
  public var nullCount: Int { validity?.nullCount ?? 0 }

  /// Row `i` as a `Value`.
  public subscript(i: Int) -> Value {
    if isNull(i) { return .null }
    switch values {
    case .int(let v): return .int(v[i])
    case .float(let v): return .float(v[i])
    case .bool(let v): return .bool(v[i])
    case .string(let v): return .string(v[i])
    case .timestamp(let v): return .timestamp(v[i])
    }
  }

  /// Row `i` as a Double for numeric and boolean columns; `nil` when null or not numeric.
  @inline(__always)
  public func double(at i: Int) -> Double? {
    if isNull(i) { return nil }
    switch values {
    case .int(let v): return Double(v[i])
    case .float(let v): return v[i]
    case .bool(let v): return v[i] ? 1 : 0
    case .timestamp(let v): return Double(v[i])
    case .string: return nil
    }
  }

  /// The rows at `indices`, in that order.
  /// - Complexity: O(indices.count), plus the bytes of string rows when fewer than half
  ///   of their buffer's rows are kept (more are shared, not copied).
  public func gather(_ indices: [Int]) -> Column {
    gather(indices, selections: ComposedSelections(indices))
  }

  /// The rows at `indices`; string columns that are selections compose them through
  /// `selections`, shared by the columns of one table.
  func gather(_ indices: [Int], selections: ComposedSelections) -> Column {
    let mask = validity.flatMap { RowGather.validity($0, indices) }
    switch values {
    case .int(let v): return Column(.int(RowGather.values(v, indices)), validity: mask)
    case .float(let v): return Column(.float(RowGather.values(v, indices)), validity: mask)
    case .bool(let v): return Column(.bool(RowGather.values(v, indices)), validity: mask)
    case .string(let v):
      let strings = RowGather.strings(v, indices, selections: selections)
      return Column(.string(strings), validity: mask)
    case .timestamp(let v): return Column(.timestamp(RowGather.values(v, indices)), validity: mask)
    }
  }

  /// Builds a column of `type` from cell values; `null` cells become nulls.
  /// Values of another numeric type are converted (ints to floats, bools to ints).
  public init(type: ColumnType, cells: [Value]) {
    var builder = ColumnBuilder(type: type, capacity: cells.count)
    for cell in cells { builder.append(cell) }
    self = builder.finish()
  }

  /// Builds a column from cells, choosing the narrowest type that holds them all.
  public init(inferringFrom cells: [Value]) {
    self.init(type: Column.commonType(of: cells), cells: cells)
  }

  /// The narrowest type that holds every non-null value (string when they disagree).
  public static func commonType(of cells: [Value]) -> ColumnType {
    var result: ColumnType?
    for cell in cells {
      guard let t = cell.type else { continue }
      switch (result, t) {
      case (nil, _): result = t
      case (.int?, .float), (.float?, .int): result = .float
      case (let r?, _) where r == t: break
      default: return .string
      }
    }
    return result ?? .string
  }

  /// A column of `count` nulls of `type`.
  public static func nulls(_ type: ColumnType, count: Int) -> Column {
    var builder = ColumnBuilder(type: type, capacity: count)
    for _ in 0..<count { builder.append(.null) }
    return builder.finish()
  }
}
