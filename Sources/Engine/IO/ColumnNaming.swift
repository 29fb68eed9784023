/// Makes header names usable as column names: every column named, no name twice.
///
/// - A column without a name (such as the index column pandas writes first) is called
///   `Column<n>`, where n is its 1-based position: the pandas index becomes `Column1`.
/// - A repeated name keeps its first column; later ones get `_2`, `_3`, ... (the first
///   suffix not already taken anywhere in the header): `Computer`, `Computer_2`.
enum ColumnNaming {
  /// Unique names for `rawNames`, in order, and a notice for each name that was made up.
  static func uniqueNames(_ rawNames: [String]) -> (names: [String], notices: [String]) {
    let given = Set(rawNames)
    var taken: Set<String> = []
    var names: [String] = []
    var notices: [String] = []

    for (index, raw) in rawNames.enumerated() {
      let position = index + 1
      var name = raw.isEmpty ? "Column\(position)" : raw
      if taken.contains(name) || (raw.isEmpty && given.contains(name)) {
        name = firstFreeName(for: name, taken: taken, given: given)
      }
      taken.insert(name)
      names.append(name)

      if raw.isEmpty {
        notices.append("column \(position) has no name in the header; it is called \(name)")
      } else if name != raw {
        notices.append("column \(position) repeats the name \(raw); it is called \(name)")
      }
    }
    return (names, notices)
  }

  private static func firstFreeName(
    for name: String, taken: Set<String>, given: Set<String>
  ) -> String {
    var suffix = 2
    while taken.contains("\(name)_\(suffix)") || given.contains("\(name)_\(suffix)") {
      suffix += 1
    }
    return "\(name)_\(suffix)"
  }
}
