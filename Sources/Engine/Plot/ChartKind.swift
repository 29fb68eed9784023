/// The kinds of chart `plot` draws.
public enum ChartKind: String, Sendable, CaseIterable {
  /// Horizontal bars per label: row counts, or sums of a value column.
  case bar
  /// Counts of a numeric column in equal bins.
  case hist
  /// Box and whiskers of a numeric column per category.
  case box
  /// Points at (x, y), optionally coloured and labelled by columns.
  case scatter
  /// Y against X joined in X order, one line per group.
  case line
  /// Event counts per time bin.
  case timechart
  /// Events as marks on a time axis, one lane per group.
  case timeline
}

extension ChartKind {
  /// The column arguments this kind takes, as shown in error messages.
  public var usage: String {
    switch self {
    case .bar: return "LABELCOL [VALUECOL]"
    case .hist: return "one numeric column"
    case .box: return "COL by CATCOL"
    case .scatter: return "XCOL YCOL"
    case .line: return "XCOL YCOL"
    case .timechart: return "one timestamp column"
    case .timeline: return "one timestamp column"
    }
  }

  /// How many positional columns the kind accepts.
  var columnArity: ClosedRange<Int> {
    switch self {
    case .bar: return 1...2
    case .scatter, .line: return 2...2
    case .hist, .box, .timechart, .timeline: return 1...1
    }
  }
}
