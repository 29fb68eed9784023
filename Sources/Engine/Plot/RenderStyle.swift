/// Which characters a chart is drawn with.
public enum Charset: String, Sendable, CaseIterable {
  /// Braille dots (2 × 4 per character cell) and Unicode blocks and box lines.
  case braille
  /// Quadrant blocks (2 × 2 per cell) and Unicode box lines.
  case block
  /// Printable ASCII only.
  case ascii

  /// Whether the charset may use characters beyond ASCII.
  public var isUnicode: Bool { self != .ascii }

  /// What marks text cut short: `…`, or `...` in ASCII.
  public var ellipsis: String { isUnicode ? "…" : "..." }
}

/// How a chart is to be drawn: its size and what the terminal can show.
public struct RenderStyle: Sendable, Equatable {
  /// The most display columns any line may take.
  public var width: Int
  /// The characters to draw with.
  public var charset: Charset
  /// Whether ANSI colours may be used (only on a terminal, never with `NO_COLOR`).
  public var color: Bool

  /// A style; the defaults are what a script run outside a terminal gets.
  public init(width: Int = 80, charset: Charset = .ascii, color: Bool = false) {
    self.width = width
    self.charset = charset
    self.color = color
  }
}
