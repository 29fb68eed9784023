import Foundation

/// Turns values into text the same way everywhere: tables, CSV output, `#>` lines.
public enum ValueFormatter {
  /// The value as plain text; null is the empty string.
  public static func plain(_ value: Value) -> String {
    switch value {
    case .null: return ""
    case .int(let v): return String(v)
    case .float(let v): return format(v)
    case .bool(let v): return v ? "true" : "false"
    case .string(let v): return v
    case .timestamp(let v): return Timestamp.format(v)
    }
  }

  /// Shortest text that reads back to the same Double; integral values keep no `.0`
  /// only when they are beyond exact integer range.
  public static func format(_ v: Double) -> String {
    if v.isNaN { return "nan" }
    if v.isInfinite { return v < 0 ? "-inf" : "inf" }
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) + ".0" }
    return String(v)
  }

  /// The text of each of `rows` of `column`, as `plain` gives it except that a timestamp
  /// column shows every value with the fraction digits its most precise value needs.
  /// - Complexity: O(rows)
  public static func texts(of column: Column, rows: some Collection<Int>) -> [String] {
    guard case .timestamp(let values) = column.values else {
      return rows.map { plain(column[$0]) }
    }
    let digits =
      rows.lazy.filter { !column.isNull($0) }
      .map { Timestamp.fractionDigits(values[$0]) }.max() ?? 0
    return rows.map { row in
      column.isNull(row) ? "" : Timestamp.format(values[row], fractionDigits: digits)
    }
  }
}
