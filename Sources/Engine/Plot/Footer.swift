/// Wording of the notes under a chart.
enum Footer {
  /// "3 rows with a null or non-finite ClusterSize skipped".
  static func skipped(_ count: Int, _ column: String) -> String {
    let rows = count == 1 ? "row" : "rows"
    let name = DisplayWidth.printable(column)
    return "\(NumberText.grouped(Int64(count))) \(rows) with a null or non-finite \(name) skipped"
  }
}

extension Footer {
  /// Each note word-wrapped to `width`; a word longer than the width is cut.
  static func fitted(_ notes: [String], width: Int) -> [String] {
    notes.flatMap { note -> [String] in
      var lines: [String] = []
      var line = ""
      for word in note.split(separator: " ").map(String.init) {
        let word = DisplayWidth.truncated(word, to: width)
        if line.isEmpty {
          line = word
        } else if DisplayWidth.of(line) + 1 + DisplayWidth.of(word) <= width {
          line += " " + word
        } else {
          lines.append(line)
          line = word
        }
      }
      return lines + [line]
    }
  }

  /// `entries` joined with two spaces, starting a new line where the next would not fit.
  static func wrap(_ entries: [String], width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for entry in entries {
      let entry = DisplayWidth.truncated(entry, to: width)
      if line.isEmpty {
        line = entry
      } else if DisplayWidth.of(line) + 2 + DisplayWidth.of(entry) <= width {
        line += "  " + entry
      } else {
        lines.append(line)
        line = entry
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}

extension Footer {
  /// "4 rows with a null or non-finite x or y skipped".
  static func skippedPoints(_ count: Int, _ x: String, _ y: String) -> String {
    skipped(count, "\(x) or \(y)")
  }
}
