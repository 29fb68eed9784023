/// Vertical bars standing on the x axis, one height per column, drawn to an eighth of
/// a cell with Unicode blocks or to a whole cell with `#` in ASCII, where a bar too
/// short for a whole cell shows as `.` so that no non-zero bar disappears.
struct ColumnBars {
  let rows: Int
  let charset: Charset

  /// Each of `columns` columns given the value of the bin it shows: `values.count` bins
  /// (no more than the columns) share the columns as evenly as whole columns allow.
  static func spread<T>(_ values: [T], over columns: Int) -> [T] {
    guard !values.isEmpty else { return [] }
    return (0..<columns).map { values[$0 * values.count / columns] }
  }

  private static let eighths = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// The plot area rows, from the top, for bars of `heights` (in rows, not below 0).
  func lines(_ heights: [Double]) -> [String] {
    let perCell = charset.isUnicode ? 8 : 1
    let units = heights.map { height in
      height > 0 ? max(Int((height * Double(perCell)).rounded()), 0) : 0
    }
    return (0..<rows).map { row in
      let below = (rows - 1 - row) * perCell
      var text = ""
      for (height, filled) in zip(heights, units) {
        let fill = filled - below
        if fill > 0 {
          text += charset.isUnicode ? ColumnBars.eighths[min(fill, 8) - 1] : "#"
        } else if below == 0, height > 0 {
          text += charset.isUnicode ? ColumnBars.eighths[0] : "."
        } else {
          text += " "
        }
      }
      return text
    }
  }
}
