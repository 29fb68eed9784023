/// A unified diff of two lists of lines, as `diff -u` prints it.
struct LineDiff {
  /// One line of the comparison.
  enum Line: Equatable {
    case same(String)
    case removed(String)
    case added(String)
  }

  /// The lines of both lists in order, matched along a longest common subsequence.
  let lines: [Line]

  /// Compares `old` with `new`.
  /// - Complexity: O(old.count × new.count) time and memory.
  init(old: [String], new: [String]) {
    let rows = old.count
    let columns = new.count
    // common[i][j]: the longest common subsequence of old[i...] and new[j...].
    var common = Array(repeating: Array(repeating: 0, count: columns + 1), count: rows + 1)
    for i in stride(from: rows - 1, through: 0, by: -1) {
      for j in stride(from: columns - 1, through: 0, by: -1) {
        common[i][j] =
          old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
      }
    }

    var lines: [Line] = []
    var i = 0
    var j = 0
    while i < rows || j < columns {
      if i < rows, j < columns, old[i] == new[j] {
        lines.append(.same(old[i]))
        i += 1
        j += 1
      } else if i < rows, j == columns || common[i + 1][j] >= common[i][j + 1] {
        lines.append(.removed(old[i]))
        i += 1
      } else {
        lines.append(.added(new[j]))
        j += 1
      }
    }
    self.lines = lines
  }

  /// Whether the two lists are equal.
  var isEmpty: Bool {
    lines.allSatisfy { if case .same = $0 { return true } else { return false } }
  }

  /// The hunks of a unified diff: `@@ -a,b +c,d @@` headers and the changed lines with
  /// `context` unchanged lines around them.
  /// - Parameters:
  ///   - oldStart: the line number of `old`'s first line.
  ///   - newStart: the line number of `new`'s first line.
  func unified(oldStart: Int, newStart: Int, context: Int = 3) -> [String] {
    let changed = lines.indices.filter {
      if case .same = lines[$0] { return false } else { return true }
    }
    guard let first = changed.first else { return [] }

    var groups: [ClosedRange<Int>] = []
    var start = max(0, first - context)
    var end = min(lines.count - 1, first + context)
    for index in changed.dropFirst() {
      if index - context <= end + 1 {
        end = min(lines.count - 1, index + context)
      } else {
        groups.append(start...end)
        start = max(0, index - context)
        end = min(lines.count - 1, index + context)
      }
    }
    groups.append(start...end)
    return groups.flatMap { hunk($0, oldStart: oldStart, newStart: newStart) }
  }

  private func hunk(_ range: ClosedRange<Int>, oldStart: Int, newStart: Int) -> [String] {
    var oldLine = oldStart
    var newLine = newStart
    for line in lines[..<range.lowerBound] {
      switch line {
      case .same: (oldLine, newLine) = (oldLine + 1, newLine + 1)
      case .removed: oldLine += 1
      case .added: newLine += 1
      }
    }

    var body: [String] = []
    var oldCount = 0
    var newCount = 0
    for line in lines[range] {
      switch line {
      case .same(let text):
        body.append(" " + text)
        oldCount += 1
        newCount += 1
      case .removed(let text):
        body.append("-" + text)
        oldCount += 1
      case .added(let text):
        body.append("+" + text)
        newCount += 1
      }
    }
    // As in diff -u, an empty side is numbered by the line before it.
    let header =
      "@@ -\(Self.position(oldLine, oldCount)) +\(Self.position(newLine, newCount)) @@"
    return [header] + body
  }

  private static func position(_ start: Int, _ count: Int) -> String {
    count == 0 ? "\(start - 1),0" : count == 1 ? "\(start)" : "\(start),\(count)"
  }
}
