/// The named options of one chart, read from a spec and checked against its kind.
struct ChartOptions: Sendable, Equatable {
  /// Which axes are logarithmic.
  struct LogAxes: Sendable, Equatable {
    var x = false
    var y = false
  }

  var title: String?
  var width: Int?
  var charset: Charset?
  var height: Int?
  var top: Int?
  var bins: Int?
  /// The time bin of a timechart, in nanoseconds.
  var bin: Int64?
  var log = LogAxes()
  /// The column whose values label points or events.
  var label: String?
  /// The column whose values pick a scatter point's glyph.
  var color: String?
  /// The grouping column, from `by COL` or `by=COL`.
  var by: String?

  /// Reads and checks `spec.options` and `spec.by`.
  /// - Throws: `PlotError.unknownOption` for a name the kind does not take,
  ///   `.invalidOption` for a value of the wrong kind or out of range.
  init(spec: ChartSpec) throws(PlotError) {
    let known = ChartOptions.names(for: spec.kind)
    for name in spec.options.keys.sorted() where !known.contains(name) {
      let suggestions = NameSuggester.closest(to: name, among: known.sorted())
      throw .unknownOption(name, kind: spec.kind, suggestions: suggestions)
    }

    let reader = OptionReader(options: spec.options)
    title = try reader.string("title")
    width = try reader.int("width", in: 10...1000)
    height = try reader.int("height", in: 3...200)
    top = try reader.int("top", in: 1...1000)
    bins = try reader.int("bins", in: 1...1000)
    bin = try reader.duration("bin")
    charset = try reader.charset("charset")
    log = try reader.logAxes("log", allowY: spec.kind != .box)
    label = try reader.string("label")
    color = try reader.string("color")
    by = try reader.string("by") ?? spec.by
    if spec.by != nil, !known.contains("by") {
      throw .invalidOption("by", reason: "plot \(spec.kind.rawValue) does not group by a column")
    }
  }

  /// The option names `kind` accepts.
  static func names(for kind: ChartKind) -> Set<String> {
    let common: Set<String> = ["title", "width", "charset"]
    switch kind {
    case .bar: return common.union(["top"])
    case .hist: return common.union(["bins", "height"])
    case .box: return common.union(["top", "log", "by"])
    case .scatter: return common.union(["label", "color", "log", "height"])
    case .line: return common.union(["by", "log", "height"])
    case .timechart: return common.union(["bin", "by", "height"])
    case .timeline: return common.union(["by", "label", "top"])
    }
  }
}

/// Typed access to option values, with the error wording for each kind of value.
private struct OptionReader {
  let options: [String: Value]

  func string(_ name: String) throws(PlotError) -> String? {
    guard let value = options[name], value != .null else { return nil }
    guard case .string(let text) = value else {
      throw .invalidOption(name, reason: "expected text in quotes, got \(describe(value))")
    }
    return text
  }

  func int(_ name: String, in range: ClosedRange<Int>) throws(PlotError) -> Int? {
    guard let value = options[name], value != .null else { return nil }
    let number: Int?
    switch value {
    case .int(let v): number = Int(exactly: v)
    case .float(let v): number = v.rounded() == v ? Int(exactly: v) : nil
    default: number = nil
    }
    guard let number, range.contains(number) else {
      let bounds = "\(range.lowerBound) to \(range.upperBound)"
      throw .invalidOption(
        name, reason: "expected a whole number from \(bounds), got \(describe(value))")
    }
    return number
  }

  func duration(_ name: String) throws(PlotError) -> Int64? {
    guard let value = options[name], value != .null else { return nil }
    guard case .int(let nanos) = value, nanos > 0 else {
      throw .invalidOption(
        name, reason: "expected a positive duration such as 5m or 1h, got \(describe(value))")
    }
    return nanos
  }

  func charset(_ name: String) throws(PlotError) -> Charset? {
    guard let text = try string(name), text != "auto" else { return nil }
    guard let charset = Charset(rawValue: text) else {
      let names = Charset.allCases.map(\.rawValue)
      let hint = NameSuggester.didYouMean(NameSuggester.closest(to: text, among: names))
      throw .invalidOption(name, reason: "expected braille, block or ascii, got '\(text)'\(hint)")
    }
    return charset
  }

  func logAxes(_ name: String, allowY: Bool) throws(PlotError) -> ChartOptions.LogAxes {
    guard let text = try string(name) else { return .init() }
    switch text {
    case "x": return .init(x: true, y: false)
    case "y" where allowY: return .init(x: false, y: true)
    case "xy" where allowY, "yx" where allowY: return .init(x: true, y: true)
    case "none": return .init()
    default:
      let choices = allowY ? "x, y or xy" : "x (this chart has one value axis)"
      throw .invalidOption(name, reason: "expected \(choices), got '\(text)'")
    }
  }

  private func describe(_ value: Value) -> String {
    switch value {
    case .string(let text): return "'\(text)'"
    case .null: return "null"
    default: return ValueFormatter.plain(value)
    }
  }
}
