import DSL

/// Rewrites the `#>` blocks of a script's text and leaves every other byte as it was:
/// line ends (LF or CR LF), indentation, comments, and a missing final line end.
enum ExpectedBlockWriter {
  /// One line of the file: its bytes without the line feed (a CR before it is kept).
  private struct RawLine {
    var content: [UInt8]
    var endsWithNewline: Bool

    var usesCRLF: Bool { content.last == UInt8(ascii: "\r") }
  }

  /// `text` with the `#>` block under each given entry replaced by `lines`.
  /// - Parameters:
  ///   - text: the script's bytes, as read from its file.
  ///   - blocks: the entries (from `ScriptReader.entries` over the same text) and the
  ///     output lines to record under each.
  /// - Complexity: O(text.count + lines written).
  static func rewrite(_ text: [UInt8], _ blocks: [(entry: ScriptEntry, lines: [String])])
    -> [UInt8]
  {
    var lines = split(text)
    let crlf = lines.first(where: \.endsWithNewline)?.usesCRLF ?? false
    for (entry, output) in blocks.sorted(by: { $0.entry.lastLine > $1.entry.lastLine }) {
      replaceBlock(of: entry, with: output, in: &lines, crlfByDefault: crlf)
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.count)
    for line in lines {
      bytes += line.content
      if line.endsWithNewline { bytes.append(UInt8(ascii: "\n")) }
    }
    return bytes
  }

  /// The text formatted as `#>` lines: `#> text`, or `#>` alone for an empty line.
  static func expectedLine(_ text: String) -> String {
    text.isEmpty ? "#>" : "#> " + text
  }

  private static func split(_ text: [UInt8]) -> [RawLine] {
    var lines: [RawLine] = []
    var start = 0
    for (offset, byte) in text.enumerated() where byte == UInt8(ascii: "\n") {
      lines.append(RawLine(content: Array(text[start..<offset]), endsWithNewline: true))
      start = offset + 1
    }
    if start < text.count {
      lines.append(RawLine(content: Array(text[start...]), endsWithNewline: false))
    }
    return lines
  }

  /// Replaces the `#>` lines under `entry`; new line ends are those of the statement's
  /// line, or the file's first line end when the statement ends the file.
  private static func replaceBlock(
    of entry: ScriptEntry, with output: [String], in lines: inout [RawLine],
    crlfByDefault: Bool
  ) {
    let statementIndex = entry.lastLine - 1
    let firstIndex = entry.item.location.line - 1
    guard lines.indices.contains(statementIndex), lines.indices.contains(firstIndex) else {
      return
    }
    let indentation = lines[firstIndex].content.prefix {
      $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t")
    }
    let statement = lines[statementIndex]
    let crlf = statement.endsWithNewline ? statement.usesCRLF : crlfByDefault
    var block = output.map { text in
      RawLine(
        content: Array(indentation) + Array(expectedLine(text).utf8)
          + (crlf ? [UInt8(ascii: "\r")] : []),
        endsWithNewline: true)
    }

    let old = (entry.expectedLines.lowerBound - 1)..<(entry.expectedLines.upperBound - 1)
    let endsFile =
      old.isEmpty
      ? !lines[statementIndex].endsWithNewline
      : old.upperBound == lines.count && !lines[old.upperBound - 1].endsWithNewline
    if endsFile {
      if block.isEmpty {
        lines[statementIndex].endsWithNewline = false
        if statement.usesCRLF { lines[statementIndex].content.removeLast() }
      } else {
        lines[statementIndex].endsWithNewline = true
        if crlf && !statement.usesCRLF { lines[statementIndex].content.append(UInt8(ascii: "\r")) }
        block[block.count - 1].endsWithNewline = false
        if crlf { block[block.count - 1].content.removeLast() }
      }
    }
    lines.replaceSubrange(old, with: block)
  }
}
