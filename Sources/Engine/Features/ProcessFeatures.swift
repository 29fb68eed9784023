import Foundation

/// msticpy's `add_process_features`: numeric features of process paths and command
/// lines that make similar process events cluster together.
public enum ProcessFeatures {
  /// The names of the added columns, in the order they are added.
  public static let addedColumns = [
    "processName", "pathScore", "pathLogScore", "pathHash", "commandlineLen",
    "commandlineLogLen", "commandlineTokensFull", "commandlineScore",
    "commandlineTokensHash", "isSystemSession",
  ]

  /// The session ids that mark a system session: Windows' SYSTEM logon and Linux's -1.
  static let systemSessions = ["0x3e7", "-1"]

  /// Returns `table` with the process features added (or replaced, when present).
  ///
  /// - `processName`: the path after its last separator.
  /// - `pathScore`, `commandlineScore`: the sum of the Unicode scalar values.
  /// - `pathLogScore`, `commandlineLogLen`: log10 of the score or length, 0 for 0.
  /// - `pathHash`: the CRC-32 of the path's UTF-8 bytes.
  /// - `commandlineLen`: Unicode scalars (Python's `len`).
  /// - `commandlineTokensFull`, `commandlineTokensHash`: the count, and the CRC-32 of
  ///   the concatenation, of the characters in `DelimiterSet.msticpy`.
  /// - `isSystemSession`: the session is the string `0x3e7` or `-1`, or the number -1
  ///   or 999 (0x3e7).
  ///
  /// Null paths and command lines count as empty strings; a null session is not a
  /// system session. The features are never null.
  /// - Parameters:
  ///   - table: The events.
  ///   - path: The column of process image paths.
  ///   - commandLine: The column of command lines.
  ///   - session: The column of logon session ids.
  ///   - separator: The path separator; `nil` or empty detects it: `/` when any of the
  ///     first 10 paths contains `/`, else `\`.
  /// - Throws: `ColumnError.unknown` for a missing column, `ColumnError.wrongType`
  ///   when the path or command line column holds non-null values that are not strings.
  /// - Complexity: O(rows + bytes of the distinct paths and command lines), plus
  ///   hashing every row's bytes once to find the distinct values.
  public static func add(
    to table: Table, path: String = "NewProcessName", commandLine: String = "CommandLine",
    session: String = "SubjectLogonId", separator: String? = nil
  ) throws(ColumnError) -> Table {
    let paths = try strings(in: table, path)
    let commandLines = try strings(in: table, commandLine)
    let sessions = try table.column(session)
    let pathSeparator =
      separator.flatMap { $0.isEmpty ? nil : $0 } ?? detectSeparator(paths.storage, paths.validity)

    var result = table
    for (name, column) in pathColumns(paths.storage, paths.validity, separator: pathSeparator) {
      result.setColumn(name, column)
    }
    for (name, column) in commandLineColumns(commandLines.storage, commandLines.validity) {
      result.setColumn(name, column)
    }
    result.setColumn("isSystemSession", systemSessionColumn(sessions))
    return result
  }

  /// The strings of column `name`; a column of another type whose rows are all null
  /// counts as a column of empty strings.
  private static func strings(in table: Table, _ name: String) throws(ColumnError) -> (
    storage: StringStorage, validity: NullMask?
  ) {
    let column = try table.column(name)
    if case .string(let storage) = column.values { return (storage, column.validity) }
    guard column.nullCount == column.count else {
      throw .wrongType(name, found: column.type, expected: "a string column")
    }
    let empty = StringStorage(bytes: [], offsets: Array(repeating: 0, count: column.count + 1))
    return (empty, column.validity)
  }

  /// `/` when any of the first 10 paths contains `/`, else `\`.
  static func detectSeparator(_ paths: StringStorage, _ validity: NullMask?) -> String {
    for row in 0..<min(10, paths.count) where !validity.marksNull(row) {
      if paths.withBytes(row, { $0.contains(UInt8(ascii: "/")) }) { return "/" }
    }
    return "\\"
  }
}

extension ProcessFeatures {
  /// `processName`, `pathScore`, `pathLogScore` and `pathHash`, computed once per
  /// distinct path.
  private static func pathColumns(
    _ paths: StringStorage, _ validity: NullMask?, separator: String
  ) -> [(String, Column)] {
    let distinct = DistinctStrings(paths, validity: validity)
    var scores: [Int64] = []
    var hashes: [Int64] = []
    var nameStarts: [Int] = []
    scores.reserveCapacity(distinct.count)
    hashes.reserveCapacity(distinct.count)
    nameStarts.reserveCapacity(distinct.count)
    let separatorBytes = Array(separator.utf8)
    CRC32.table.withUnsafeBufferPointer { table in
      separatorBytes.withUnsafeBufferPointer { separator in
        for row in distinct.firstRows {
          let isNull = validity.marksNull(row)
          paths.withBytes(row) { all in
            let bytes = isNull ? UnsafeBufferPointer(rebasing: all[0..<0]) : all
            scores.append(StringFeatures.scan(bytes, delimiters: .msticpy, table: table).scalarSum)
            hashes.append(Int64(CRC32.checksum(bytes)))
            nameStarts.append(lastPieceStart(bytes, separator: separator))
          }
        }
      }
    }

    let ids = distinct.ids
    let names = lastPieces(paths, validity, starts: ids.map { nameStarts[Int($0)] })
    return [
      ("processName", Column(.string(names))),
      ("pathScore", Column(.int(ids.map { scores[Int($0)] }))),
      ("pathLogScore", Column(.float(ids.map { logOrZero(scores[Int($0)]) }))),
      ("pathHash", Column(.int(ids.map { hashes[Int($0)] }))),
    ]
  }

  /// Each row's string from byte `starts[row]` on; null rows give the empty string.
  private static func lastPieces(_ paths: StringStorage, _ validity: NullMask?, starts: [Int])
    -> StringStorage
  {
    var names = StringStorage()
    names.reserve(rows: paths.count, bytes: paths.bytes.count / 2)
    paths.bytes.withUnsafeBufferPointer { bytes in
      for row in 0..<paths.count {
        let isNull = validity.marksNull(row)
        let start = isNull ? 0 : paths.offsets[row] + starts[row]
        let end = isNull ? 0 : paths.offsets[row + 1]
        names.append(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))
      }
    }
    return names
  }

  /// The five command line features, computed once per distinct command line.
  private static func commandLineColumns(_ lines: StringStorage, _ validity: NullMask?)
    -> [(String, Column)]
  {
    let distinct = DistinctStrings(lines, validity: validity)
    var scans: [StringScan] = []
    scans.reserveCapacity(distinct.count)
    CRC32.table.withUnsafeBufferPointer { table in
      for row in distinct.firstRows {
        let isNull = validity.marksNull(row)
        scans.append(
          isNull
            ? StringScan(delimiterHash: 0)
            : lines.withBytes(row) { StringFeatures.scan($0, delimiters: .msticpy, table: table) })
      }
    }

    let perRow = distinct.ids.map { scans[Int($0)] }
    return [
      ("commandlineLen", Column(.int(perRow.map { Int64($0.scalarCount) }))),
      ("commandlineLogLen", Column(.float(perRow.map { logOrZero(Int64($0.scalarCount)) }))),
      ("commandlineTokensFull", Column(.int(perRow.map { Int64($0.delimiterCount) }))),
      ("commandlineScore", Column(.int(perRow.map(\.scalarSum)))),
      ("commandlineTokensHash", Column(.int(perRow.map { Int64($0.delimiterHash) }))),
    ]
  }

  /// True where the session id is `0x3e7` or `-1` (as text), or the number -1 or 999
  /// (0x3e7 as exports such as Defender's write it, a number).
  private static func systemSessionColumn(_ sessions: Column) -> Column {
    let flags: [Bool]
    switch sessions.values {
    case .string(let storage):
      let marks = systemSessions.map { Array($0.utf8) }
      flags = (0..<storage.count).map { row in
        storage.withBytes(row) { bytes in marks.contains { $0.elementsEqual(bytes) } }
      }
    case .int(let values):
      flags = values.map { $0 == -1 || $0 == 0x3e7 }
    case .float(let values):
      flags = values.map { $0 == -1 || $0 == 0x3e7 }
    case .bool, .timestamp:
      flags = Array(repeating: false, count: sessions.count)
    }
    return Column(.bool(flags.enumerated().map { $1 && !sessions.isNull($0) }))
  }

  /// The byte offset where the last piece of `bytes` split at `separator` starts
  /// (Python's `split(separator)[-1]`: occurrences are found from the left).
  static func lastPieceStart(
    _ bytes: UnsafeBufferPointer<UInt8>, separator: UnsafeBufferPointer<UInt8>
  ) -> Int {
    guard !separator.isEmpty else { return 0 }
    var start = 0
    var i = 0
    while i + separator.count <= bytes.count {
      if StringFeatures.matches(bytes, at: i, separator) {
        i += separator.count
        start = i
      } else {
        i += 1
      }
    }
    return start
  }

  /// log10 of `value`, and 0 for 0, as msticpy computes the log features.
  static func logOrZero(_ value: Int64) -> Double {
    value == 0 ? 0 : log10(Double(value))
  }
}
