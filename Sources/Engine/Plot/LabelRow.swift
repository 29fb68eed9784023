/// Places short labels on one row of text, each under (or beside) its axis position.
struct LabelRow {
  /// Columns available left of axis position 0 (the y-axis gutter).
  let leftRoom: Int
  /// The number of axis positions.
  let length: Int
  /// Columns available right of the last axis position.
  let rightRoom: Int

  var totalWidth: Int { leftRoom + length + rightRoom }

  /// Where a label of `width` columns centred on axis `position` starts, as a column of
  /// the row, moved inwards where it would stick out of the row.
  func start(centredOn position: Int, width: Int) -> Int {
    let centred = leftRoom + position - (width - 1) / 2
    return min(max(centred, 0), max(totalWidth - width, 0))
  }

  /// The labels centred under their positions, or `nil` when two would come closer than
  /// `gap` columns or one does not fit in the row.
  func strict(_ items: [(position: Int, text: String)], gap: Int = 2) -> String? {
    var row = TextRow(width: totalWidth)
    var end = -gap
    for item in items {
      let width = DisplayWidth.of(item.text)
      let start = start(centredOn: item.position, width: width)
      guard width <= totalWidth, start >= end + gap else { return nil }
      row.write(item.text, at: start)
      end = start + width
    }
    return row.text
  }

  /// The labels centred under their positions, leaving out any that would collide with
  /// the one before.
  func lenient(_ items: [(position: Int, text: String)], gap: Int = 2) -> String {
    var row = TextRow(width: totalWidth)
    var end = -gap
    for item in items {
      let width = DisplayWidth.of(item.text)
      let start = start(centredOn: item.position, width: width)
      guard width <= totalWidth, start >= end + gap else { continue }
      row.write(item.text, at: start)
      end = start + width
    }
    return row.text
  }
}

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
