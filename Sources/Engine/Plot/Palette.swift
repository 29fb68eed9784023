/// ANSI colours for series, in a fixed order.
enum Palette {
  private static let codes = [36, 33, 35, 32, 31, 34, 96, 93]

  static let reset = "\u{1B}[0m"

  /// The escape sequence that starts the colour of series `index`.
  static func start(_ index: Int) -> String {
    "\u{1B}[\(codes[index % codes.count])m"
  }
}
