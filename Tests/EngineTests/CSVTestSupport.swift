import Engine

/// Reads CSV text given as a Swift string, for tests.
func loadCSV(
  _ text: String, name: String = "test.csv", options: LoadOptions = .init()
) throws(LoadError) -> LoadedTable {
  try TableReader.read(bytes: Array(text.utf8), name: name, options: options)
}

/// The load error `text` produces, or `nil` when it loads.
func loadError(_ text: String, name: String = "test.csv") -> LoadError? {
  do {
    _ = try loadCSV(text, name: name)
    return nil
  } catch {
    return error
  }
}

extension Table {
  /// Every cell of the column called `name`, or an empty list when there is no such column.
  func cells(_ name: String) -> [Value] {
    guard let column = try? column(name) else { return [] }
    return (0..<column.count).map { column[$0] }
  }
}
