import Engine
import Foundation

/// A minimal RFC 4180 reader for tests only (quoted fields, doubled quotes, embedded
/// line breaks, CRLF). The engine's own reader replaces it in the parity tests once
/// it is merged.
enum TestCSV {
  /// The header and the data records of `text`, as raw field strings.
  static func records(_ text: String) -> (header: [String], rows: [[String]]) {
    var records: [[String]] = []
    var record: [String] = []
    var field: [UInt8] = []
    var inQuotes = false
    var bytes = Array(text.utf8)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var i = 0
    func endField() {
      record.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
    }
    while i < bytes.count {
      let byte = bytes[i]
      i += 1
      if inQuotes {
        if byte == UInt8(ascii: "\""), i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
          field.append(byte)
          i += 1
        } else if byte == UInt8(ascii: "\"") {
          inQuotes = false
        } else {
          field.append(byte)
        }
      } else if byte == UInt8(ascii: "\"") {
        inQuotes = true
      } else if byte == UInt8(ascii: ",") {
        endField()
      } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
        if byte == UInt8(ascii: "\r"), i < bytes.count, bytes[i] == UInt8(ascii: "\n") { i += 1 }
        endField()
        records.append(record)
        record.removeAll()
      } else {
        field.append(byte)
      }
    }
    if !field.isEmpty || !record.isEmpty {
      endField()
      records.append(record)
    }
    guard let header = records.first else { return ([], []) }
    return (header, Array(records.dropFirst()))
  }

  /// A table from CSV text: empty fields are null; a column whose values all read as
  /// integers is Int, as numbers Float, as `YYYY-MM-DD HH:MM:SS[.fff]` Timestamp,
  /// else String.
  static func table(_ text: String) -> Table {
    let (header, rows) = records(text)
    let columns = header.indices.map { j in
      column(rows.map { j < $0.count ? $0[j] : "" })
    }
    return Table(columnNames: header, columns: columns)
  }

  private static func column(_ fields: [String]) -> Column {
    let present = fields.filter { !$0.isEmpty }
    let cells: [Value]
    if present.allSatisfy({ Int64($0) != nil }) {
      cells = fields.map { Int64($0).map(Value.int) ?? .null }
    } else if present.allSatisfy({ decimal($0) != nil }) {
      cells = fields.map { decimal($0).map(Value.float) ?? .null }
    } else if present.allSatisfy({ timestamp($0) != nil }) {
      cells = fields.map { timestamp($0).map(Value.timestamp) ?? .null }
    } else {
      cells = fields.map { $0.isEmpty ? .null : .string($0) }
    }
    let type = Column.commonType(of: cells)
    return Column(type: present.isEmpty ? .string : type, cells: cells)
  }

  /// A decimal number (digits, sign, point, exponent; no hex, no `nan` or `inf`).
  private static func decimal(_ text: String) -> Double? {
    guard text.allSatisfy({ "0123456789+-.eE".contains($0) }) else { return nil }
    return Double(text)
  }

  /// Nanoseconds for `YYYY-MM-DD HH:MM:SS[.fraction]`, or nil.
  static func timestamp(_ text: String) -> Int64? {
    let parts = text.split(separator: " ")
    guard parts.count == 2 else { return nil }
    let date = parts[0].split(separator: "-").compactMap { Int($0) }
    let clock = parts[1].split(separator: ":")
    guard date.count == 3, clock.count == 3, let hour = Int(clock[0]),
      let minute = Int(clock[1])
    else { return nil }
    let secondParts = clock[2].split(separator: ".", omittingEmptySubsequences: false)
    guard let second = Int(secondParts[0]) else { return nil }
    var nanos: Int64 = 0
    if secondParts.count == 2 {
      let digits = String(secondParts[1].prefix(9))
      guard let fraction = Int64(digits) else { return nil }
      nanos = fraction * Int64(pow(10.0, Double(9 - digits.count)))
    }
    return Timestamp.nanos(
      year: date[0], month: date[1], day: date[2], hour: hour, minute: minute, second: second,
      nanosecond: nanos)
  }
}
