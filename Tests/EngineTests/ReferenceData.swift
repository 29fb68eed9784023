import Engine
import Foundation

/// Loads the shared reference inputs and expected outputs for the parity tests.
enum ReferenceData {
  /// Reads the input CSV at `path` into a table.
  static func loadTable(_ path: String) throws -> Table {
    TestCSV.table(try String(contentsOfFile: path, encoding: .utf8))
  }

  /// Reads an expected-values CSV as rows of named raw fields.
  static func loadExpected(_ path: String) throws -> [[String: String]] {
    let (header, rows) = TestCSV.records(try String(contentsOfFile: path, encoding: .utf8))
    return rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
  }
}
