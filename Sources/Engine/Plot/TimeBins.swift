/// Equal time bins aligned on multiples of their width since the epoch.
struct TimeBins {
  /// The start of the first bin.
  let start: Int64
  let width: Int64
  let count: Int

  /// The end of the last bin.
  var end: Int64 { start + width * Int64(count) }

  /// Bins covering `first...last`, `requested` wide or the shortest ladder step giving no
  /// more than `columns` bins.
  init(first: Int64, last: Int64, requested: Int64?, columns: Int) {
    let width =
      requested
      ?? TimeStep.ladder.first { step in
        step.isFixed && TimeBins(first: first, last: last, width: step.nanos).count <= columns
      }?.nanos ?? 7 * Timestamp.nanosPerDay
    self.init(first: first, last: last, width: width)
  }

  init(first: Int64, last: Int64, width: Int64) {
    let start = TimeBins.floor(first, width)
    self.start = start
    self.width = width
    self.count = Int((last - start) / width) + 1
  }

  /// These bins widened until there are no more than `columns`: to the shortest step of
  /// the time ladder that is a whole multiple of the width where one is wide enough,
  /// else by the smallest whole factor.
  func fitted(to columns: Int) -> TimeBins {
    let columns = max(columns, 1)
    guard count > columns else { return self }
    let last = start + width * Int64(count - 1)
    let needed = width * Int64((count + columns - 1) / columns)
    let round = TimeStep.ladder.first { step in
      step.isFixed && step.nanos >= needed && step.nanos % width == 0
        && TimeBins(first: start, last: last, width: step.nanos).count <= columns
    }
    if let round { return TimeBins(first: start, last: last, width: round.nanos) }
    var factor = Int64((count + columns - 1) / columns)
    var bins = self
    while bins.count > columns {
      bins = TimeBins(first: start, last: last, width: width * factor)
      factor += 1
    }
    return bins
  }

  /// The bin that holds `t`.
  func index(of t: Int64) -> Int {
    min(max(Int((t - start) / width), 0), count - 1)
  }

  private static func floor(_ t: Int64, _ width: Int64) -> Int64 {
    let remainder = t % width
    return remainder < 0 ? t - remainder - width : t - remainder
  }
}
