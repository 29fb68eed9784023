/// Text from data or from the analyst, made safe to show on a terminal: characters that
/// would move the cursor, recolour the screen or reorder what follows are written out
/// as visible escapes instead.
///
/// Escaped are the C0 controls (ESC as `\e`, the rest as `\x07`), DEL (`\x7F`), the C1
/// controls (`\u{9B}`) and the bidirectional overrides and isolates (`\u{202E}`). Line
/// breaks and tabs are `\n`, `\r` and `\t` on one-line output and kept where the text may
/// run over several lines. Everything else, other scripts and emoji included, is kept.
public enum VisibleText {
  /// `text` with every character a terminal would act on written as a visible escape.
  /// - Parameters:
  ///   - text: The text to show.
  ///   - keepingLineBreaks: Whether LF and tab stay as they are (for messages of several
  ///     lines); CR is escaped either way, since it moves the cursor back over the line.
  /// - Returns: `text` itself when nothing needs escaping.
  /// - Complexity: O(n) in the length of `text`.
  public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
    let needsEscape = { (scalar: Unicode.Scalar) in
      isUnsafe(scalar) && !(keepingLineBreaks && (scalar == "\n" || scalar == "\t"))
    }
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      if needsEscape(scalar) {
        result += escape(scalar)
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Whether a terminal would act on `scalar` instead of showing it.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// The visible form of one unsafe character.
  private static func escape(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    case "\u{1B}": return "\\e"
    default:
      let hex = String(scalar.value, radix: 16, uppercase: true)
      guard scalar.value < 0x80 else { return "\\u{" + hex + "}" }
      return "\\x" + (hex.count < 2 ? "0" + hex : hex)
    }
  }
}
