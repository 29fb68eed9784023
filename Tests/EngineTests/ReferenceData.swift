import Engine
import Foundation

/// Loads the shared reference inputs and expected outputs for the parity tests.
enum ReferenceData {
  /// Reads the input CSV at `path` into a table with the project's reader.
  static func loadTable(_ path: String) throws -> Table {
    try TableReader.read(path: path).table
  }

  /// Reads an expected-values CSV as rows of named fields, written back as text the
  /// way pandas wrote them (booleans as `True`/`False`).
  static func loadExpected(_ path: String) throws -> [[String: String]] {
    let table = try loadTable(path)
    return (0..<table.rowCount).map { row in
      var fields: [String: String] = [:]
      for (name, column) in zip(table.columnNames, table.columns) {
        switch column[row] {
        case .bool(let flag): fields[name] = flag ? "True" : "False"
        case let value: fields[name] = ValueFormatter.plain(value)
        }
      }
      return fields
    }
  }
}
