/// Finds the names closest to a misspelt one, for "did you mean" hints.
public enum NameSuggester {
  /// Up to three candidates at the smallest edit distance from `name`, if that is small.
  /// Case differences count less than other edits.
  public static func closest(to name: String, among candidates: [String]) -> [String] {
    let limit = name.count <= 3 ? 1 : max(2, name.count / 3)
    let scored = candidates.compactMap { candidate -> (String, Int)? in
      if candidate.lowercased() == name.lowercased() { return (candidate, 0) }
      let d = distance(name.lowercased(), candidate.lowercased())
      if candidate.lowercased().hasPrefix(name.lowercased()), name.count >= 3 {
        return (candidate, min(d, limit))
      }
      return d <= limit ? (candidate, d) : nil
    }
    guard let best = scored.map(\.1).min() else { return [] }
    return scored.filter { $0.1 == best }.prefix(3).map(\.0)
  }

  /// " (did you mean X?)" or " (did you mean X or Y?)", empty when there is nothing to offer.
  public static func didYouMean(_ suggestions: [String]) -> String {
    guard !suggestions.isEmpty else { return "" }
    return "; did you mean " + suggestions.joined(separator: " or ") + "?"
  }

  /// Edit distance between two strings, by characters, where swapping two
  /// neighbours counts as one edit (optimal string alignment).
  public static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { rows[i][0] = i }
    for j in 0...b.count { rows[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
        }
      }
    }
    return rows[a.count][b.count]
  }
}
