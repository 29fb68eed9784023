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
