/// How the table renderer lays a table out and which characters it draws it with.
struct TableStyle: Equatable {
  /// The widest a rendered line may be, in terminal columns.
  var width = 80
  /// Rows shown before the middle ones are hidden; 0 shows every row.
  var maxRows = 20
  /// The widest a single column may be; longer cells are cut in the middle.
  var maxColumnWidth = 40
  /// The characters borders, gaps and the footer are drawn with.
  var box = BoxCharacters.unicode
  /// Whether to use ANSI colour and bold.
  var color = false
}

/// The characters a table's frame is drawn with.
struct BoxCharacters: Equatable {
  var horizontal: String
  var vertical: String
  /// Corners and joins, top row left to right: `┌ ┬ ┐`.
  var top: (left: String, middle: String, right: String)
  /// The rule under the header: `├ ┼ ┤`.
  var rule: (left: String, middle: String, right: String)
  /// The bottom row: `└ ┴ ┘`.
  var bottom: (left: String, middle: String, right: String)
  /// Marks hidden rows and the cut in a truncated cell.
  var ellipsis: String
  /// Between the row and column counts in the footer.
  var times: String

  /// Box-drawing characters, for UTF-8 terminals and for output that is not a terminal.
  static let unicode = BoxCharacters(
    horizontal: "─", vertical: "│",
    top: ("┌", "┬", "┐"), rule: ("├", "┼", "┤"), bottom: ("└", "┴", "┘"),
    ellipsis: "…", times: "×")

  /// Plain ASCII, for terminals that cannot show UTF-8.
  static let ascii = BoxCharacters(
    horizontal: "-", vertical: "|",
    top: ("+", "+", "+"), rule: ("+", "+", "+"), bottom: ("+", "+", "+"),
    ellipsis: "...", times: "x")

  static func == (a: BoxCharacters, b: BoxCharacters) -> Bool {
    a.horizontal == b.horizontal && a.vertical == b.vertical && a.top == b.top
      && a.rule == b.rule && a.bottom == b.bottom && a.ellipsis == b.ellipsis
      && a.times == b.times
  }
}
