/// Writes labels next to the rarest points of a scatter plot without covering other
/// labels or points; a label that finds no room becomes a numbered footnote.
///
/// A point's rarity is how many points share its cell and the eight cells around it,
/// so isolated points, the ones an analyst asks about, are labelled first.
struct PointLabeler {
  /// Points in each cell of the canvas, row by row from the top.
  let counts: [Int]
  /// The first row of the table plotted in each cell, or -1.
  let firstRows: [Int]
  let columns: Int
  let rows: Int

  /// The occupied cells worth a label, rarest first, ties by the row that reached them
  /// first. A cell is worth a label when its neighbourhood holds at most 3 points or 1%
  /// of all points: labels inside dense clouds say nothing the legend does not.
  func rarestCells() -> [Int] {
    let total = counts.reduce(0, +)
    let threshold = max(3, total / 100)
    var density = [Int](repeating: 0, count: counts.count)
    var occupied: [Int] = []
    for cell in counts.indices where counts[cell] > 0 {
      occupied.append(cell)
      let (row, column) = cell.quotientAndRemainder(dividingBy: columns)
      for r in max(0, row - 1)...min(rows - 1, row + 1) {
        for c in max(0, column - 1)...min(columns - 1, column + 1) {
          density[cell] += counts[r * columns + c]
        }
      }
    }
    return occupied.filter { density[$0] <= threshold }.sorted { a, b in
      density[a] != density[b] ? density[a] < density[b] : firstRows[a] < firstRows[b]
    }
  }

  /// Labels up to `limit` of the rarest points with `text(row)`, on `canvas`.
  /// - Returns: footnote entries (`1: text`) for the labels drawn as numbers.
  func place(
    on canvas: inout Canvas, limit: Int, context: RenderContext, text: (Int) -> String?
  ) -> [String] {
    let longest = max(4, min(20, columns / 3))
    var footnotes: [String] = []
    var placed = 0
    for cell in rarestCells() where placed < limit {
      guard let label = text(firstRows[cell]), !label.isEmpty else { continue }
      placed += 1
      let (row, column) = cell.quotientAndRemainder(dividingBy: columns)
      let short = DisplayWidth.truncated(
        label, to: longest, at: .middle, ellipsis: context.ellipsis)
      if let spot = freeSpot(for: short, column: column, row: row, on: canvas) {
        canvas.write(short, column: spot.column, row: spot.row)
        continue
      }
      let number = String(footnotes.count + 1)
      let spot = freeSpot(for: number, column: column, row: row, on: canvas) ?? (column, row)
      canvas.write(number, column: spot.column, row: spot.row)
      let room = context.width - DisplayWidth.of(number) - 2
      let full = DisplayWidth.truncated(label, to: room, at: .middle, ellipsis: context.ellipsis)
      footnotes.append(number + ": " + full)
    }
    return footnotes
  }

  /// A place for `text` beside the cell at `column`, `row` where every cell is blank:
  /// right, left, then above and below.
  private func freeSpot(for text: String, column: Int, row: Int, on canvas: Canvas)
    -> (column: Int, row: Int)?
  {
    let width = DisplayWidth.of(text)
    let candidates = [
      (column + 1, row), (column - width, row), (column + 1, row - 1), (column + 1, row + 1),
      (column - width, row - 1), (column - width, row + 1), (column, row - 1), (column, row + 1),
    ]
    return candidates.first { start, r in
      (start..<(start + width)).allSatisfy { canvas.isBlank(column: $0, row: r) }
    }.map { (column: $0.0, row: $0.1) }
  }
}
