/// The characters axes are drawn with.
struct AxisGlyphs {
  let vertical: String
  let horizontal: String
  /// A y tick: the axis line with a mark towards its label.
  let leftTick: String
  /// An x tick: the axis line with a mark towards its label.
  let downTick: String
  let corner: String
  /// The corner where a y label sits on the x axis line.
  let cross: String

  init(_ charset: Charset) {
    if charset.isUnicode {
      (vertical, horizontal, leftTick, downTick, corner, cross) = ("│", "─", "┤", "┬", "└", "┼")
    } else {
      (vertical, horizontal, leftTick, downTick, corner, cross) = ("|", "-", "+", "+", "+", "+")
    }
  }
}
