/// A row of single-width cells that text is written into, for labels and captions.
struct TextRow {
  private var cells: [String]

  init(width: Int) {
    cells = Array(repeating: " ", count: max(width, 0))
  }

  var width: Int { cells.count }

  /// Whether columns `start ..< start + width` are all blank and inside the row.
  func isFree(_ start: Int, width: Int) -> Bool {
    guard start >= 0, start + width <= cells.count else { return false }
    return cells[start..<(start + width)].allSatisfy { $0 == " " }
  }

  /// Writes `text` from column `start`; a wide character fills two cells. Text beyond
  /// the row's end is cut off.
  mutating func write(_ text: String, at start: Int) {
    var column = start
    for character in text {
      let w = DisplayWidth.of(character)
      guard column >= 0, column + w <= cells.count else { break }
      guard w > 0 else {
        if column > 0 { cells[column - 1].append(character) }
        continue
      }
      cells[column] = String(character)
      for extra in 1..<max(w, 1) { cells[column + extra] = "" }
      column += w
    }
  }

  /// The row as text, without trailing spaces.
  var text: String {
    var result = cells.joined()
    while result.last == " " { result.removeLast() }
    return result
  }
}
