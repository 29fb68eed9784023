/// How many terminal columns text takes: East Asian wide characters and emoji take
/// two, combining marks and zero-width characters none, everything else one.
///
/// Used only through `columns(of:)`, `truncated(_:toColumns:)` and `padded`, so the
/// table renderer can switch to a shared implementation by changing this one type.
enum TextWidth {
  /// The number of terminal columns `text` occupies.
  static func columns(of text: some StringProtocol) -> Int {
    text.reduce(0) { $0 + columns(of: $1) }
  }

  /// The number of terminal columns one character occupies (0, 1 or 2).
  static func columns(of character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) {
      return 2
    }
    if character.unicodeScalars.contains("\u{FE0F}") && first.properties.isEmoji {
      return 2
    }
    if isZeroWidth(first) { return 0 }
    return isWide(first) ? 2 : 1
  }

  /// `text` cut to at most `limit` columns by replacing its middle with `ellipsis`.
  static func truncated(_ text: String, toColumns limit: Int, ellipsis: String = "…") -> String {
    let width = columns(of: text)
    guard width > limit else { return text }
    let room = limit - columns(of: ellipsis)
    guard room > 0 else { return String(ellipsis.prefix(max(0, limit))) }

    let characters = Array(text)
    let headRoom = (room + 1) / 2
    var head = 0
    var headWidth = 0
    while head < characters.count, headWidth + columns(of: characters[head]) <= headRoom {
      headWidth += columns(of: characters[head])
      head += 1
    }
    var tail = characters.count
    var tailWidth = 0
    while tail > head, headWidth + tailWidth + columns(of: characters[tail - 1]) <= room {
      tailWidth += columns(of: characters[tail - 1])
      tail -= 1
    }
    return String(characters[..<head]) + ellipsis + String(characters[tail...])
  }

  /// `text` padded with spaces to `width` columns, on the right or, when
  /// `alignRight`, on the left.
  static func padded(_ text: String, toColumns width: Int, alignRight: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - columns(of: text)))
    return alignRight ? padding + text : text + padding
  }

  private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return true
    default: return scalar.value == 0x200B
    }
  }

  /// East Asian Wide and Fullwidth ranges (Unicode UAX #11), the common blocks.
  private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
      0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
