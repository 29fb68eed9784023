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
