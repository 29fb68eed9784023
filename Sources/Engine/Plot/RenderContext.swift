/// Everything a chart body needs to lay itself out.
struct RenderContext: Sendable {
  /// Charts narrower than this show a note instead.
  static let narrowest = 16

  let width: Int
  let charset: Charset
  let color: Bool
  /// The plot area's height in rows, where the spec gave one.
  let height: Int?

  var unicode: Bool { charset.isUnicode }
  var ellipsis: String { charset.ellipsis }

  /// `line` without trailing spaces.
  static func trimmed(_ line: String) -> String {
    var line = line
    while line.last == " " { line.removeLast() }
    return line
  }
}
