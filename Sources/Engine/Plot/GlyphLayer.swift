/// Which series owns each cell when series are told apart by glyph: where several
/// meet, the smallest series wins, so rare groups are not hidden under common ones.
struct GlyphLayer {
  let columns: Int
  let rows: Int
  private let sizes: [Int]
  private var owner: [Int32]

  init(columns: Int, rows: Int, sizes: [Int]) {
    self.columns = columns
    self.rows = rows
    self.sizes = sizes
    owner = Array(repeating: -1, count: columns * rows)
  }

  /// Marks the cell at `column`, `row` (from the top) as reached by `series`.
  mutating func mark(column: Int, row: Int, series: Int) {
    guard column >= 0, column < columns, row >= 0, row < rows else { return }
    let cell = row * columns + column
    let current = Int(owner[cell])
    if current < 0 || sizes[series] < sizes[current]
      || (sizes[series] == sizes[current] && series < current)
    {
      owner[cell] = Int32(series)
    }
  }

  /// Puts each owned cell's series glyph on `canvas`.
  func draw(on canvas: inout Canvas) {
    for row in 0..<rows {
      for column in 0..<columns {
        let series = Int(owner[row * columns + column])
        guard series >= 0 else { continue }
        canvas.put(
          SeriesSet.glyph(series, canvas.charset), column: column, row: row, series: series)
      }
    }
  }
}
