extension ProcessFeatures {
  /// The strings of the first of `names` that is neither null nor empty, row by row; a
  /// row where all are null or empty is null. One name gives that column as it is.
  /// - Throws: `ColumnError.unknown` for a missing column or no names at all,
  ///   `ColumnError.wrongType` for a column that holds non-string values.
  static func firstPresentStrings(in table: Table, _ names: [String]) throws(ColumnError)
    -> (storage: StringStorage, validity: NullMask?)
  {
    guard let firstName = names.first else { throw .unknown("", suggestions: []) }
    var candidates = [try strings(in: table, firstName)]
    for name in names.dropFirst() { candidates.append(try strings(in: table, name)) }
    guard candidates.count > 1 else { return candidates[0] }

    var bytes: [UInt8] = []
    var offsets = [0]
    offsets.reserveCapacity(table.rowCount + 1)
    var validity = NullMask(count: table.rowCount)
    for row in 0..<table.rowCount {
      let chosen = candidates.first { candidate in
        !candidate.validity.marksNull(row)
          && candidate.storage.offsets[row + 1] > candidate.storage.offsets[row]
      }
      if let chosen {
        chosen.storage.withBytes(row) { bytes.append(contentsOf: $0) }
      } else {
        validity.set(row, valid: false)
      }
      offsets.append(bytes.count)
    }
    let storage = StringStorage(bytes: bytes, offsets: offsets)
    return (storage, validity.nullCount > 0 ? validity : nil)
  }

  /// `isSystemSession` for each row from the first of `names` that is neither null nor
  /// an empty string in that row; false where all are.
  /// - Throws: `ColumnError.unknown` for a missing column or no names at all.
  static func firstPresentSessions(in table: Table, _ names: [String]) throws(ColumnError)
    -> Column
  {
    guard let firstName = names.first else { throw .unknown("", suggestions: []) }
    var columns = [try table.column(firstName)]
    for name in names.dropFirst() { columns.append(try table.column(name)) }
    guard columns.count > 1 else { return systemSessionColumn(columns[0]) }

    let flags = columns.map(systemSessionColumn)
    let rows = (0..<table.rowCount).map { row -> Bool in
      guard let k = columns.firstIndex(where: { isPresent($0, row) }) else { return false }
      return flags[k][row] == .bool(true)
    }
    return Column(.bool(rows))
  }

  /// Whether `column` has a value in `row` that is not the empty string.
  private static func isPresent(_ column: Column, _ row: Int) -> Bool {
    guard !column.isNull(row) else { return false }
    guard case .string(let storage) = column.values else { return true }
    return storage.offsets[row + 1] > storage.offsets[row]
  }
}
