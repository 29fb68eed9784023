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
