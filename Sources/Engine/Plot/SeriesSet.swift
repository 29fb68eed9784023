/// Rows sorted into the series a chart tells apart by glyph or colour: the groups of a
/// column, the largest kept and the rest folded into one `other (k)` series.
struct SeriesSet: Sendable {
  /// The most series drawn apart; beyond it the smaller groups are folded together.
  static let limit = 8

  /// The series of each row.
  let ids: [Int32]
  /// Each series' name, in first-seen order; a folded series comes last.
  let names: [String]
  /// Rows in each series.
  let sizes: [Int]
  /// Whether the last series is the smaller groups folded together.
  let isFolded: Bool

  /// Series from the groups of a column.
  /// - Complexity: O(rows + groups log groups).
  init(_ groups: RowGroups) {
    guard groups.count > SeriesSet.limit else {
      ids = groups.ids
      names = groups.names
      sizes = groups.sizes
      isFolded = false
      return
    }
    let keep = SeriesSet.limit - 1
    let largest = groups.sizes.indices.sorted { a, b in
      groups.sizes[a] != groups.sizes[b] ? groups.sizes[a] > groups.sizes[b] : a < b
    }
    let kept = Set(largest.prefix(keep))
    var series = [Int32](repeating: Int32(keep), count: groups.count)
    var names: [String] = []
    var sizes: [Int] = []
    for group in 0..<groups.count where kept.contains(group) {
      series[group] = Int32(names.count)
      names.append(groups.names[group])
      sizes.append(groups.sizes[group])
    }
    names.append("other (\(groups.count - keep))")
    sizes.append(largest.dropFirst(keep).reduce(0) { $0 + groups.sizes[$1] })
    ids = groups.ids.map { series[Int($0)] }
    self.names = names
    self.sizes = sizes
    isFolded = true
  }

  /// One series holding all `count` rows.
  init(single name: String, count: Int) {
    self.init(RowGroups(single: name, count: count))
  }

  var count: Int { names.count }

  /// The glyph that marks series `index`.
  static func glyph(_ index: Int, _ charset: Charset) -> String {
    let glyphs = charset.isUnicode ? unicodeGlyphs : asciiGlyphs
    return glyphs[index % glyphs.count]
  }

  private static let unicodeGlyphs = ["●", "×", "▲", "◆", "■", "+", "○", "◇"]
  private static let asciiGlyphs = ["*", "o", "x", "+", "#", "@", "%", "&"]

  /// The legend: each series' glyph and name, wrapped to `width`.
  func legend(_ context: RenderContext) -> [String] {
    let entries = names.indices.map { i in
      let name = DisplayWidth.truncated(names[i], to: 24, at: .middle, ellipsis: context.ellipsis)
      return SeriesSet.glyph(i, context.charset) + " " + name
    }
    return Footer.wrap(entries, width: context.width)
  }
}
