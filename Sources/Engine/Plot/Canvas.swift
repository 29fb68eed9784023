/// A grid of character cells drawn on at dot resolution: braille gives 2 × 4 dots per
/// cell, quadrant blocks 2 × 2, ASCII 1 × 3 (`'`, `-`, `.`). Whole glyphs (markers,
/// label text) can be put in cells over the dots.
///
/// Dot coordinates start at the bottom left; cell rows are counted from the top.
struct Canvas {
  let columns: Int
  let rows: Int
  let charset: Charset
  /// Dots across one cell.
  let dotsAcross: Int
  /// Dots down one cell.
  let dotsDown: Int
  private var dots: [UInt8]
  /// Glyphs put over the dots; `""` marks the second cell of a wide glyph.
  private var glyphs: [String?]
  /// The series drawn last in each cell, for colour; -1 for none.
  private var series: [Int16]

  init(columns: Int, rows: Int, charset: Charset) {
    self.columns = max(columns, 1)
    self.rows = max(rows, 1)
    self.charset = charset
    (dotsAcross, dotsDown) = Canvas.resolution(charset)
    let cells = self.columns * self.rows
    dots = Array(repeating: 0, count: cells)
    glyphs = Array(repeating: nil, count: cells)
    series = Array(repeating: -1, count: cells)
  }

  /// Dots across and down one cell for `charset`.
  static func resolution(_ charset: Charset) -> (across: Int, down: Int) {
    switch charset {
    case .braille: return (2, 4)
    case .block: return (2, 2)
    case .ascii: return (1, 3)
    }
  }

  /// Dots across the whole canvas.
  var dotWidth: Int { columns * dotsAcross }
  /// Dots down the whole canvas.
  var dotHeight: Int { rows * dotsDown }

  /// Sets the dot at `x` (from the left) and `y` (from the bottom); ignored outside.
  mutating func dot(_ x: Int, _ y: Int, series s: Int = -1) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
    let column = x / dotsAcross
    let row = rows - 1 - y / dotsDown
    let cell = row * columns + column
    dots[cell] |= bit(x % dotsAcross, dotsDown - 1 - y % dotsDown)
    if s >= 0 { series[cell] = Int16(clamping: s) }
  }

  /// Sets the dots of a straight line between two dots, both ends included.
  /// - Complexity: O(length of the line in dots).
  mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, series s: Int = -1) {
    Canvas.walkLine(x0, y0, x1, y1) { dot($0, $1, series: s) }
  }

  /// Calls `body` with each point of a straight line between two grid points, both ends
  /// included (Bresenham's algorithm).
  static func walkLine(
    _ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ body: (Int, Int) -> Void
  ) {
    let dx = abs(x1 - x0)
    let dy = -abs(y1 - y0)
    let stepX = x0 < x1 ? 1 : -1
    let stepY = y0 < y1 ? 1 : -1
    var error = dx + dy
    var (x, y) = (x0, y0)
    while true {
      body(x, y)
      if x == x1, y == y1 { return }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += stepX
      }
      if doubled <= dx {
        error += dx
        y += stepY
      }
    }
  }

  /// Puts `glyph` in the cell at `column`, `row` (from the top); a wide glyph also takes
  /// the next cell. Ignored where it does not fit.
  mutating func put(_ glyph: String, column: Int, row: Int, series s: Int = -1) {
    let width = max(DisplayWidth.of(glyph), 1)
    guard row >= 0, row < rows, column >= 0, column + width <= columns else { return }
    let cell = row * columns + column
    glyphs[cell] = glyph
    for extra in 1..<width { glyphs[cell + extra] = "" }
    series[cell] = Int16(clamping: s)
  }

  /// Writes `text` into consecutive cells of `row` from `column`.
  mutating func write(_ text: String, column: Int, row: Int) {
    var column = column
    for character in text {
      let glyph = String(character)
      put(glyph, column: column, row: row)
      column += max(DisplayWidth.of(glyph), 1)
    }
  }

  /// Whether nothing has been drawn in the cell.
  func isBlank(column: Int, row: Int) -> Bool {
    guard row >= 0, row < rows, column >= 0, column < columns else { return false }
    let cell = row * columns + column
    return dots[cell] == 0 && glyphs[cell] == nil
  }

  /// The cells as text, one string per row from the top. Blank braille cells are the
  /// empty braille pattern, so every row is made of the same kind of character.
  func lines(color: Bool) -> [String] {
    (0..<rows).map { row in
      var text = ""
      var open: Int16 = -1
      for column in 0..<columns {
        let cell = row * columns + column
        let s = color ? series[cell] : -1
        if s != open {
          if open >= 0 { text += Palette.reset }
          if s >= 0 { text += Palette.start(Int(s)) }
          open = s
        }
        text += glyph(cell)
      }
      if open >= 0 { text += Palette.reset }
      return text
    }
  }

  private func glyph(_ cell: Int) -> String {
    if let glyph = glyphs[cell] { return glyph }
    let bits = dots[cell]
    switch charset {
    case .braille:
      return String(Character(Unicode.Scalar(0x2800 + UInt32(bits)) ?? " "))
    case .block:
      return Canvas.quadrants[Int(bits)]
    case .ascii:
      return Canvas.asciiDots[Int(bits)]
    }
  }

  /// The bit of the dot at `dx`, `dy` (from the cell's top left).
  private func bit(_ dx: Int, _ dy: Int) -> UInt8 {
    switch charset {
    case .braille:
      return Canvas.brailleBits[dx * 4 + dy]
    case .block:
      return 1 << UInt8(dy * 2 + dx)
    case .ascii:
      return 1 << UInt8(dy)
    }
  }

  /// Braille dot bits: the left column top to bottom, then the right column.
  private static let brailleBits: [UInt8] = [0x01, 0x02, 0x04, 0x40, 0x08, 0x10, 0x20, 0x80]

  /// Quadrant glyphs by bit pattern: 1 top left, 2 top right, 4 bottom left, 8 bottom right.
  private static let quadrants = [
    " ", "▘", "▝", "▀", "▖", "▌", "▞", "▛", "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█",
  ]

  /// ASCII glyphs by bit pattern: 1 top, 2 middle, 4 bottom.
  private static let asciiDots = [" ", "'", "-", "|", ".", ":", "|", "|"]
}
