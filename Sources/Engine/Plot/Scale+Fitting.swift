extension Scale {
  /// A scale for `data` along a horizontal axis of `row.length` cells whose tick labels
  /// fit side by side on `row`.
  /// - Parameters:
  ///   - integers: ticks only on whole numbers, as for counts.
  static func horizontal(
    _ mapping: Mapping, data: ClosedRange<Double>, row: LabelRow, placement: Placement,
    integers: Bool = false
  ) -> Scale {
    if mapping == .time { return time(data: data, row: row, placement: placement) }
    let most = min(max(row.length / 8, 2), 12)
    var scale = numeric(mapping, data: data, target: 2, integers: integers)
    for target in stride(from: most, through: 2, by: -1) {
      let candidate = numeric(mapping, data: data, target: target, integers: integers)
      if row.strict(candidate.labelItems(row: row, placement: placement)) != nil {
        scale = candidate
        break
      }
    }
    return scale
  }

  /// A scale for `data` along a vertical axis `length` rows high with at least one
  /// unlabelled row between labelled ones where there is room.
  static func vertical(
    _ mapping: Mapping, data: ClosedRange<Double>, length: Int, placement: Placement,
    integers: Bool = false
  ) -> Scale {
    let spacing = length >= 6 ? 2 : 1
    var scale = numeric(mapping, data: data, target: 2, integers: integers)
    for target in stride(from: max(2, length / 3 + 1), through: 2, by: -1) {
      let candidate = numeric(mapping, data: data, target: target, integers: integers)
      let rows = candidate.ticks.map {
        candidate.cell($0.value, cells: length, placement: placement)
      }
      if zip(rows, rows.dropFirst()).allSatisfy({ $1 - $0 >= spacing }) {
        scale = candidate
        break
      }
    }
    return scale
  }

  /// The tick labels with their axis positions on `row`.
  func labelItems(row: LabelRow, placement: Placement) -> [(position: Int, text: String)] {
    ticks.map { (cell($0.value, cells: row.length, placement: placement), $0.label) }
  }

  /// A linear or log scale with about `target` ticks, widened to take in its ticks.
  static func numeric(_ mapping: Mapping, data: ClosedRange<Double>, target: Int, integers: Bool)
    -> Scale
  {
    let values: [Double]
    let labels: [String]
    if mapping == .log {
      values = NiceTicks.logarithmic(data.lowerBound, data.upperBound, target: target)
      labels = values.map(NumberText.logLabel)
    } else {
      values = NiceTicks.linear(
        data.lowerBound, data.upperBound, target: target, integers: integers)
      labels = NumberText.axisLabels(values)
    }
    let (low, high) = NiceTicks.widened(data.lowerBound, data.upperBound, integers: integers)
    let ticks = zip(values, labels).map { Tick(value: $0, label: $1, context: nil) }
    return Scale(
      mapping: mapping, low: min(low, values.first ?? low), high: max(high, values.last ?? high),
      ticks: ticks)
  }

  /// A time scale over `data` (nanoseconds) with the shortest step from the ladder whose
  /// labels fit on `row`.
  static func time(data: ClosedRange<Double>, row: LabelRow, placement: Placement) -> Scale {
    var low = Int64(data.lowerBound)
    var high = Int64(data.upperBound)
    if high - low < 1_000_000 {
      low -= 30 * Timestamp.nanosPerSecond
      high += 30 * Timestamp.nanosPerSecond
    }
    let limit = max(2, row.length / 4)
    var fallback: Scale?
    for step in TimeStep.ladder {
      guard let stamps = step.ticks(in: low...high, limit: limit), !stamps.isEmpty else {
        continue
      }
      let scale = Scale(
        mapping: .time, low: Double(low), high: Double(high), ticks: timeTicks(stamps, step))
      guard row.strict(scale.labelItems(row: row, placement: placement)) != nil else {
        continue
      }
      if stamps.count >= 2 { return scale }
      if fallback == nil { fallback = scale }
    }
    return fallback ?? Scale(mapping: .time, low: Double(low), high: Double(high), ticks: [])
  }

  /// Ticks at `stamps` labelled for `step`, with the date context where it changes.
  private static func timeTicks(_ stamps: [Int64], _ step: TimeStep) -> [Tick] {
    var previous: String?
    return stamps.map { t in
      let context = step.context(t)
      defer { previous = context }
      return Tick(
        value: Double(t), label: step.label(t), context: context == previous ? nil : context)
    }
  }
}
