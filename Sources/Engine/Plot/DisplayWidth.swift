/// How many terminal columns text occupies, and how to cut or pad it to a width.
///
/// East Asian wide and fullwidth characters and emoji shown as pictures take two
/// columns; combining marks, format characters and control characters take none;
/// everything else takes one. A grapheme cluster (a user-perceived character) is as
/// wide as its widest scalar, so `e` plus a combining accent is one column and an
/// emoji joined from several emoji is two. ANSI colour sequences (`ESC [ ... m`)
/// take no columns, so coloured chart lines measure like plain ones.
public enum DisplayWidth {
  /// Where `truncated(_:to:at:ellipsis:)` cuts text that is too wide.
  public enum Cut: Sendable {
    /// Keep the start and the end: `C:\Win…\cmd.exe`.
    case middle
    /// Keep the start: `C:\Windows\Sys…`.
    case end
  }

  /// The number of columns `text` occupies in a terminal.
  /// - Complexity: O(n) in the length of `text`; ASCII text takes a fast path.
  public static func of(_ text: some StringProtocol) -> Int {
    if let ascii = asciiWidth(text) { return ascii }
    var width = 0
    var escape = EscapeState.none
    for character in text {
      if escape.consume(character) { continue }
      width += of(character)
    }
    return width
  }

  /// The number of columns one user-perceived character occupies.
  public static func of(_ character: Character) -> Int {
    var widest = 0
    var presentsAsEmoji = false
    for scalar in character.unicodeScalars {
      widest = max(widest, of(scalar))
      if scalar.value == 0xFE0F { presentsAsEmoji = true }
    }
    if presentsAsEmoji, widest == 1 { return 2 }
    return widest
  }

  /// The number of columns one Unicode scalar occupies on its own.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value >= 0x20, value < 0x7F { return 1 }
    if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
    if value == 0xAD { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if value >= 0x1160, value <= 0x11FF { return 0 }
    if scalar.properties.isEmojiPresentation || isWide(value) { return 2 }
    return 1
  }

  /// `text` cut to at most `width` columns, with `ellipsis` where text was removed.
  ///
  /// Text that fits is returned unchanged. Characters are never split, so the result
  /// may be one column narrower than `width` when a wide character would not fit.
  /// - Parameters:
  ///   - text: the text to fit.
  ///   - width: the most columns the result may take; 0 or less gives "".
  ///   - cut: which part of the text to remove.
  ///   - ellipsis: what marks the cut, such as `…` or `...`.
  /// - Complexity: O(n) in the length of `text`.
  public static func truncated(
    _ text: String, to width: Int, at cut: Cut = .end, ellipsis: String = "…"
  ) -> String {
    guard width > 0 else { return "" }
    if of(text) <= width { return text }

    let markWidth = of(ellipsis)
    guard markWidth < width else { return prefix(of: ellipsis, width: width) }
    let room = width - markWidth
    switch cut {
    case .end:
      return prefix(of: text, width: room) + ellipsis
    case .middle:
      let head = room * 3 / 7
      let tail = suffix(of: text, width: room - head)
      return prefix(of: text, width: room - of(tail)) + ellipsis + tail
    }
  }

  /// `text` padded with spaces to `width` columns (text already as wide is unchanged).
  /// - Parameters:
  ///   - text: the text to pad.
  ///   - width: the columns the result should take.
  ///   - rightAligned: put the spaces before the text instead of after it.
  public static func padded(_ text: String, to width: Int, rightAligned: Bool = false) -> String {
    let missing = width - of(text)
    guard missing > 0 else { return text }
    let spaces = String(repeating: " ", count: missing)
    return rightAligned ? spaces + text : text + spaces
  }

  /// The longest start of `text` that fits in `width` columns.
  static func prefix(of text: String, width: Int) -> String {
    var used = 0
    var end = text.startIndex
    for index in text.indices {
      let w = of(text[index])
      if used + w > width { break }
      used += w
      end = text.index(after: index)
    }
    return String(text[..<end])
  }

  /// The longest end of `text` that fits in `width` columns.
  static func suffix(of text: String, width: Int) -> String {
    var used = 0
    var start = text.endIndex
    while start > text.startIndex {
      let previous = text.index(before: start)
      let w = of(text[previous])
      if used + w > width { break }
      used += w
      start = previous
    }
    return String(text[start...])
  }

  /// The width of text made only of printable ASCII, or `nil` when it has anything else.
  private static func asciiWidth(_ text: some StringProtocol) -> Int? {
    var count = 0
    for byte in text.utf8 {
      guard byte >= 0x20, byte < 0x7F else { return nil }
      count += 1
    }
    return count
  }
}

/// Tracks an ANSI control sequence while text is measured.
private enum EscapeState {
  case none
  case afterEscape
  case inSequence

  /// Whether `character` belongs to an escape sequence (and so has no width).
  mutating func consume(_ character: Character) -> Bool {
    switch self {
    case .none:
      guard character == "\u{1B}" else { return false }
      self = .afterEscape
      return true
    case .afterEscape:
      self = character == "[" ? .inSequence : .none
      return true
    case .inSequence:
      if let value = character.unicodeScalars.first?.value, value >= 0x40, value <= 0x7E {
        self = .none
      }
      return true
    }
  }
}

extension DisplayWidth {
  /// `text` with its control characters (line breaks, tabs, escape, C1 controls) and
  /// bidirectional overrides written as visible escapes (see `VisibleText`), so that values
  /// shown in a chart can neither break its lines nor send commands to the terminal.
  /// - Complexity: O(n) in the length of `text`.
  public static func printable(_ text: String) -> String {
    VisibleText.escaped(text)
  }
}
