/// Turns a table into RFC 4180 text: a header line, then one line per row, LF-terminated.
///
/// A field is quoted when it holds the delimiter, a quote or a line break; quotes inside
/// are doubled. Nulls are empty fields (in a one-column table `""`, so that the row is not
/// read back as a blank line). Values are written as `ValueFormatter.plain` shows them,
/// timestamps with one number of fraction digits per column.
struct CSVEncoder {
  private static let quote = UInt8(ascii: "\"")

  let delimiter: UInt8
  /// How many bytes to collect before handing them to the sink.
  var blockSize = 1 << 20

  /// Encodes `table`, passing blocks of bytes to `sink` in order.
  /// - Complexity: O(rows × columns + bytes written)
  func encode<E: Error>(_ table: Table, to sink: ([UInt8]) throws(E) -> Void) throws(E) {
    var output: [UInt8] = []
    output.reserveCapacity(blockSize + 4096)

    for (index, name) in table.columnNames.enumerated() {
      if index > 0 { output.append(delimiter) }
      var name = name
      name.withUTF8 { appendField($0, to: &output) }
    }
    output.append(UInt8(ascii: "\n"))

    let digits = table.columns.map(Self.fractionDigits)
    for row in 0..<table.rowCount {
      for (index, column) in table.columns.enumerated() {
        if index > 0 { output.append(delimiter) }
        appendCell(
          column, row: row, alone: table.columnCount == 1, digits: digits[index], to: &output)
      }
      output.append(UInt8(ascii: "\n"))
      if output.count >= blockSize {
        try sink(output)
        output.removeAll(keepingCapacity: true)
      }
    }
    if !output.isEmpty { try sink(output) }
  }

  /// The fraction digits every value of a timestamp column is written with.
  private static func fractionDigits(_ column: Column) -> Int {
    guard case .timestamp(let values) = column.values else { return 0 }
    return values.indices.lazy.filter { !column.isNull($0) }
      .map { Timestamp.fractionDigits(values[$0]) }.max() ?? 0
  }

  private func appendCell(
    _ column: Column, row: Int, alone: Bool, digits: Int, to output: inout [UInt8]
  ) {
    if column.isNull(row) {
      if alone { output.append(contentsOf: [Self.quote, Self.quote]) }
      return
    }
    switch column.values {
    case .string(let storage):
      if alone && storage.byteCount(row) == 0 {
        output.append(contentsOf: [Self.quote, Self.quote])
      } else {
        storage.withBytes(row) { appendField($0, to: &output) }
      }
    case .int(let values):
      appendInteger(values[row], to: &output)
    case .timestamp(let values):
      var text = Timestamp.format(values[row], fractionDigits: digits)
      text.withUTF8 { appendField($0, to: &output) }
    default:
      var text = ValueFormatter.plain(column[row])
      text.withUTF8 { appendField($0, to: &output) }
    }
  }

  /// Appends a field, quoted when its bytes need it.
  private func appendField(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    let needsQuotes = bytes.contains { byte in
      byte == delimiter || byte == Self.quote || byte == UInt8(ascii: "\n")
        || byte == UInt8(ascii: "\r")
    }
    guard needsQuotes else {
      output.append(contentsOf: bytes)
      return
    }
    output.append(Self.quote)
    for byte in bytes {
      if byte == Self.quote { output.append(Self.quote) }
      output.append(byte)
    }
    output.append(Self.quote)
  }

  private func appendInteger(_ value: Int64, to output: inout [UInt8]) {
    // Integers of up to 15 digits make small strings, which do not allocate.
    output.append(contentsOf: String(value).utf8)
  }
}
