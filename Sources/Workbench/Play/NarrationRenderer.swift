import Engine

/// Turns the Markdown of a script's `##` narration into terminal text.
///
/// Understood: `#` headings, paragraphs (re-wrapped to the width), `-`/`*`/`+` and
/// numbered lists, fenced code blocks, and inline `**strong**`, `*emphasis*`,
/// `` `code` `` and `[links](url)`. With `styled` (a terminal that takes colour) strong
/// text and headings are bold, emphasis is underlined and code is cyan; without it no
/// escape codes are written: markers are dropped, code keeps its backticks and headings
/// are underlined with `=` or `-`.
struct NarrationRenderer {
  /// The widest a line may be.
  var width: Int
  /// Whether bold, underline and colour escape codes may be written.
  var styled: Bool
  /// Whether list bullets may be `•`.
  var unicode: Bool

  /// The lines to show for `markdown` (one Markdown line per `##` line).
  func render(_ markdown: String) -> [String] {
    var output: [String] = []
    var paragraph: [String] = []
    var inCode = false

    func flushParagraph() {
      guard !paragraph.isEmpty else { return }
      output += wrap(paragraph.joined(separator: " "), firstPrefix: "", restPrefix: "")
      paragraph = []
    }

    for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = VisibleText.escaped(String(rawLine))
      let body = line.drop(while: { $0 == " " })
      if body.hasPrefix("```") {
        flushParagraph()
        inCode.toggle()
        continue
      }
      if inCode {
        output.append("    " + (styled ? Style.code + line + Style.reset : line))
      } else if body.isEmpty {
        flushParagraph()
        if !output.isEmpty && output.last != "" { output.append("") }
      } else if let (level, text) = heading(body) {
        flushParagraph()
        output += headingLines(text, level: level) + [""]
      } else if let (marker, text) = listItem(body) {
        flushParagraph()
        let indent = String(repeating: " ", count: line.count - body.count)
        let prefix = indent + "  " + marker + " "
        let rest = String(repeating: " ", count: TextWidth.columns(of: prefix))
        output += wrap(text, firstPrefix: prefix, restPrefix: rest)
      } else {
        paragraph.append(String(body))
      }
    }
    flushParagraph()
    while output.last == "" { output.removeLast() }
    return output
  }

  private enum Style {
    static let bold = "\u{1B}[1m"
    static let underline = "\u{1B}[4m"
    static let code = "\u{1B}[36m"
    static let reset = "\u{1B}[0m"
  }

  /// `# Title` → (1, "Title").
  private func heading(_ line: Substring) -> (Int, String)? {
    let hashes = line.prefix(while: { $0 == "#" }).count
    guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
    return (hashes, String(line.dropFirst(hashes + 1)))
  }

  private func headingLines(_ text: String, level: Int) -> [String] {
    let plain = spans(of: text).map(\.text).joined()
    if styled {
      let style = level == 1 ? Style.bold + Style.underline : Style.bold
      return [style + plain + Style.reset]
    }
    guard level <= 2 else { return [plain] }
    let rule = String(repeating: level == 1 ? "=" : "-", count: TextWidth.columns(of: plain))
    return [plain, rule]
  }

  /// `- item`, `* item`, `+ item` or `12. item`: the marker to show and the item's text.
  private func listItem(_ line: Substring) -> (String, String)? {
    if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
      return (unicode ? "•" : "-", String(line.dropFirst(2)))
    }
    let digits = line.prefix(while: \.isNumber)
    let rest = line.dropFirst(digits.count)
    guard !digits.isEmpty, rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
    return (String(digits + rest.prefix(1)), String(rest.dropFirst(2)))
  }

  /// A run of text in one style.
  private struct Span {
    enum Kind { case plain, strong, emphasis, code }
    var text: String
    var kind: Kind
  }

  /// The inline spans of `text`: strong, emphasis, code and links resolved.
  private func spans(of text: String) -> [Span] {
    var spans: [Span] = []
    var plain = ""
    let characters = Array(text)
    var i = 0

    func closing(_ marker: String, from start: Int) -> Int? {
      let marks = Array(marker)
      var j = start
      while j + marks.count <= characters.count {
        if Array(characters[j..<(j + marks.count)]) == marks, j > start { return j }
        j += 1
      }
      return nil
    }
    func emit(_ span: Span) {
      if !plain.isEmpty { spans.append(Span(text: plain, kind: .plain)) }
      plain = ""
      spans.append(span)
    }

    while i < characters.count {
      let c = characters[i]
      let next = i + 1 < characters.count ? characters[i + 1] : nil
      let before = i > 0 ? characters[i - 1] : " "
      if c == "`", let end = closing("`", from: i + 1) {
        let code = String(characters[(i + 1)..<end])
        if styled { emit(Span(text: code, kind: .code)) } else { plain += "`" + code + "`" }
        i = end + 1
      } else if (c == "*" || c == "_"), next == c, let end = closing(String([c, c]), from: i + 2) {
        emit(Span(text: String(characters[(i + 2)..<end]), kind: .strong))
        i = end + 2
      } else if c == "*" || (c == "_" && !before.isLetter && !before.isNumber),
        next.map({ $0 != " " }) ?? false, let end = closing(String(c), from: i + 1)
      {
        emit(Span(text: String(characters[(i + 1)..<end]), kind: .emphasis))
        i = end + 1
      } else if c == "[", let close = closing("](", from: i + 1),
        let end = closing(")", from: close + 2)
      {
        plain += String(characters[(i + 1)..<close])
        plain += " (" + String(characters[(close + 2)..<end]) + ")"
        i = end + 1
      } else {
        plain.append(c)
        i += 1
      }
    }
    if !plain.isEmpty { spans.append(Span(text: plain, kind: .plain)) }
    return spans
  }

  /// How a span is written: with escape codes when styled.
  private func shown(_ text: String, _ kind: Span.Kind) -> String {
    switch (kind, styled) {
    case (.plain, _), (_, false): return text
    case (.strong, true): return Style.bold + text + Style.reset
    case (.emphasis, true): return Style.underline + text + Style.reset
    case (.code, true): return Style.code + text + Style.reset
    }
  }

  /// `text` wrapped at word boundaries to the width, each line after the first starting
  /// with `restPrefix`.
  private func wrap(_ text: String, firstPrefix: String, restPrefix: String) -> [String] {
    // Words made of styled pieces; a piece never spans a space.
    var words: [[(String, Span.Kind)]] = [[]]
    for span in spans(of: text) {
      let parts = span.text.split(separator: " ", omittingEmptySubsequences: false)
      for (index, part) in parts.enumerated() {
        if index > 0 { words.append([]) }
        if !part.isEmpty { words[words.count - 1].append((String(part), span.kind)) }
      }
    }
    words.removeAll { $0.isEmpty }

    var lines: [String] = []
    var line = firstPrefix
    var used = TextWidth.columns(of: firstPrefix)
    var lineHasWord = false
    for word in words {
      let visible = word.reduce(0) { $0 + TextWidth.columns(of: $1.0) }
      if lineHasWord && used + 1 + visible > width {
        lines.append(line)
        line = restPrefix
        used = TextWidth.columns(of: restPrefix)
        lineHasWord = false
      }
      if lineHasWord {
        line += " "
        used += 1
      }
      line += word.map { shown($0.0, $0.1) }.joined()
      used += visible
      lineHasWord = true
    }
    lines.append(line)
    return lines
  }
}
