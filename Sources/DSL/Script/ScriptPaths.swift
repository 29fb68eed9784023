/// Finds the file paths a statement names, for moving a statement to a script in
/// another folder.
public enum ScriptPaths {
  /// `source` with each path of a `load "path"` source and a `| save "path"` verb
  /// replaced by `transform(path)`; everything else is kept as written. A statement that
  /// does not lex is returned unchanged.
  /// - Complexity: O(n) in the length of `source`.
  public static func rewritingPaths(
    in source: String, _ transform: (String) -> String
  ) -> String {
    guard let tokens = try? Lexer.tokenize(source) else { return source }
    var characters = Array(source)
    var replacements: [(range: Range<Int>, text: String)] = []
    for (index, token) in tokens.enumerated() where index > 0 {
      guard case .string(let path) = token.kind else { continue }
      let verb = tokens[index - 1]
      let isLoad = verb.isKeyword("load")
      let isSave = verb.isKeyword("save") && index > 1 && tokens[index - 2].isSymbol("|")
      guard isLoad || isSave else { continue }
      let replaced = transform(path)
      guard replaced != path else { continue }
      replacements.append((token.offset..<(token.offset + token.length), literal(replaced)))
    }
    for replacement in replacements.reversed() {
      characters.replaceSubrange(replacement.range, with: Array(replacement.text))
    }
    return String(characters)
  }

  /// `text` as a double-quoted string literal of the language.
  static func literal(_ text: String) -> String {
    var escaped = "\""
    for character in text {
      switch character {
      case "\\": escaped += "\\\\"
      case "\"": escaped += "\\\""
      case "\n": escaped += "\\n"
      default: escaped.append(character)
      }
    }
    return escaped + "\""
  }
}
