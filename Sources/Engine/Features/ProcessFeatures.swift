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
  ///   - cancellation: Checked between the steps of the work (finding the distinct
  ///     values, measuring them, spreading them over the rows); once it is set the work
  ///     stops and `table` is returned without the features, to be dropped.
  /// - Throws: `ColumnError.unknown` for a missing column, `ColumnError.wrongType`
  ///   when the path or command line column holds non-null values that are not strings.
  /// - Complexity: O(rows + bytes of the distinct paths and command lines), plus
  ///   hashing every row's bytes once to find the distinct values.
  public static func add(
    to table: Table, path: String = "NewProcessName", commandLine: String = "CommandLine",
    session: String = "SubjectLogonId", separator: String? = nil,
    cancellation: CancellationFlag? = nil
  ) throws(ColumnError) -> Table {
    try add(
      to: table, paths: [path], commandLines: [commandLine], sessions: [session],
      separator: separator, cancellation: cancellation)
  }

  /// Returns `table` with the process features added, as `add(to:path:commandLine:...)`
  /// does, where each input may come from several columns: each row reads the first of
  /// them that is neither null nor empty in that row. Tables that mix event kinds (4688
  /// rows with `NewProcessName` next to Sysmon rows with `Image`) need this.
  /// - Parameters:
  ///   - table: The events.
  ///   - paths: The columns of process image paths, in the order they are tried.
  ///   - commandLines: The columns of command lines, in the order they are tried.
  ///   - sessions: The columns of logon session ids, in the order they are tried.
  ///   - separator: The path separator; `nil` or empty detects it.
  ///   - cancellation: Checked between the steps of the work; once it is set the work
  ///     stops and `table` is returned without the features.
  /// - Throws: `ColumnError.unknown` for a missing column (or an empty list),
  ///   `ColumnError.wrongType` when a path or command line column holds non-null values
  ///   that are not strings.
  /// - Complexity: O(rows × columns per input + bytes of the distinct paths and command
  ///   lines).
  public static func add(
    to table: Table, paths pathNames: [String], commandLines lineNames: [String],
    sessions sessionNames: [String], separator: String? = nil,
    cancellation: CancellationFlag? = nil
  ) throws(ColumnError) -> Table {
    let paths = try firstPresentStrings(in: table, pathNames)
    let commandLines = try firstPresentStrings(in: table, lineNames)
    let sessions = try firstPresentSessions(in: table, sessionNames)
    let pathSeparator =
      separator.flatMap { $0.isEmpty ? nil : $0 } ?? detectSeparator(paths.storage, paths.validity)
    let isCancelled = { cancellation?.isCancelled == true }
    guard !isCancelled() else { return table }

    let pathFeatures = pathColumns(
      paths.storage, paths.validity, separator: pathSeparator, isCancelled)
    guard !isCancelled() else { return table }
    let lineFeatures = commandLineColumns(commandLines.storage, commandLines.validity, isCancelled)
    guard !isCancelled() else { return table }

    var result = table
    for (name, column) in pathFeatures + lineFeatures { result.setColumn(name, column) }
    result.setColumn("isSystemSession", sessions)
    return result
  }

  /// The strings of column `name`; a column of another type whose rows are all null
  /// counts as a column of empty strings.
  static func strings(in table: Table, _ name: String) throws(ColumnError) -> (
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
  /// distinct path; the distinct paths and the rows are each split among the cores.
  /// None once `isCancelled` says so.
  private static func pathColumns(
    _ paths: StringStorage, _ validity: NullMask?, separator: String,
    _ isCancelled: () -> Bool
  ) -> [(String, Column)] {
    let distinct = DistinctStrings(paths, validity: validity)
    guard !isCancelled() else { return [] }
    let separatorBytes = Array(separator.utf8)
    let measures = ParallelWork.array(count: distinct.count) { id in
      let row = distinct.firstRows[id]
      return paths.withBytes(row) { all in
        let bytes = validity.marksNull(row) ? UnsafeBufferPointer(rebasing: all[0..<0]) : all
        let scan = CRC32.table.withUnsafeBufferPointer { table in
          StringFeatures.scan(bytes, delimiters: .msticpy, table: table)
        }
        let nameStart = separatorBytes.withUnsafeBufferPointer { separator in
          lastPieceStart(bytes, separator: separator)
        }
        return PathMeasure(
          score: scan.scalarSum, hash: Int64(CRC32.checksum(bytes)), nameStart: nameStart,
          nameLength: bytes.count - nameStart)
      }
    }

    guard !isCancelled() else { return [] }
    let ids = distinct.ids
    let names = lastPieces(paths, distinct, measures)
    return [
      ("processName", Column(.string(names))),
      ("pathScore", Column(.int(perRow(ids) { measures[$0].score }))),
      ("pathLogScore", Column(.float(perRow(ids) { logOrZero(measures[$0].score) }))),
      ("pathHash", Column(.int(perRow(ids) { measures[$0].hash }))),
    ]
  }

  /// What the path columns need of one distinct path.
  private struct PathMeasure {
    var score: Int64
    var hash: Int64
    /// Where the last piece of the path starts, and its length, in bytes.
    var nameStart: Int
    var nameLength: Int
  }

  /// The value of each row's distinct string, `value(id)`, on all cores.
  private static func perRow<T>(_ ids: [Int32], _ value: (Int) -> T) -> [T] {
    ids.withUnsafeBufferPointer { ids in
      ParallelWork.array(count: ids.count) { value(Int(ids[$0])) }
    }
  }

  /// Each row's last path piece; null rows give the empty string. The offsets are summed
  /// on one core, the bytes copied on all.
  private static func lastPieces(
    _ paths: StringStorage, _ distinct: DistinctStrings, _ measures: [PathMeasure]
  ) -> StringStorage {
    let ids = distinct.ids
    var offsets = [Int](repeating: 0, count: ids.count + 1)
    for row in ids.indices { offsets[row + 1] = offsets[row] + measures[Int(ids[row])].nameLength }
    let total = offsets[ids.count]

    let bytes = [UInt8](unsafeUninitializedCapacity: total) { output, initialized in
      // Each part writes the bytes of its own rows only.
      nonisolated(unsafe) let target = output
      paths.withRows { paths in
        let source = paths.bytes
        let parts = ids.count < ParallelWork.arrayThreshold ? 1 : ParallelWork.coreCount * 2
        _ = ParallelWork.map(count: parts) { part in
          guard let from = source.baseAddress, let to = target.baseAddress else { return }
          for row in (ids.count * part / parts)..<(ids.count * (part + 1) / parts) {
            let id = Int(ids[row])
            let start = paths.start(distinct.firstRows[id]) + measures[id].nameStart
            (to + offsets[row]).update(from: from + start, count: measures[id].nameLength)
          }
        }
      }
      initialized = total
    }
    return StringStorage(bytes: bytes, offsets: offsets)
  }

  /// The five command line features, computed once per distinct command line, the
  /// distinct lines and the rows each split among the cores. None once `isCancelled` says
  /// so.
  private static func commandLineColumns(
    _ lines: StringStorage, _ validity: NullMask?, _ isCancelled: () -> Bool
  ) -> [(String, Column)] {
    let distinct = DistinctStrings(lines, validity: validity)
    guard !isCancelled() else { return [] }
    let scans = ParallelWork.array(count: distinct.count) { id -> StringScan in
      let row = distinct.firstRows[id]
      guard !validity.marksNull(row) else { return StringScan(delimiterHash: 0) }
      return CRC32.table.withUnsafeBufferPointer { table in
        lines.withBytes(row) { StringFeatures.scan($0, delimiters: .msticpy, table: table) }
      }
    }

    guard !isCancelled() else { return [] }
    let ids = distinct.ids
    return [
      ("commandlineLen", Column(.int(perRow(ids) { Int64(scans[$0].scalarCount) }))),
      (
        "commandlineLogLen",
        Column(.float(perRow(ids) { logOrZero(Int64(scans[$0].scalarCount)) }))
      ),
      ("commandlineTokensFull", Column(.int(perRow(ids) { Int64(scans[$0].delimiterCount) }))),
      ("commandlineScore", Column(.int(perRow(ids) { scans[$0].scalarSum }))),
      ("commandlineTokensHash", Column(.int(perRow(ids) { Int64(scans[$0].delimiterHash) }))),
    ]
  }

  /// True where the session id is `0x3e7` or `-1` (as text), or the number -1 or 999
  /// (0x3e7 as exports such as Defender's write it, a number).
  static func systemSessionColumn(_ sessions: Column) -> Column {
    let flags: [Bool]
    switch sessions.values {
    case .string(let storage):
      let marks = systemSessions.map { Array($0.utf8) }
      flags = ParallelWork.array(count: storage.count) { row in
        storage.withBytes(row) { bytes in marks.contains { $0.elementsEqual(bytes) } }
      }
    case .int(let values):
      flags = values.map { $0 == -1 || $0 == 0x3e7 }
    case .float(let values):
      flags = values.map { $0 == -1 || $0 == 0x3e7 }
    case .bool, .timestamp:
      flags = Array(repeating: false, count: sessions.count)
    }
    guard sessions.validity != nil else { return Column(.bool(flags)) }
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
