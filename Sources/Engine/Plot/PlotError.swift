/// Why a chart cannot be drawn.
public enum PlotError: Error, Equatable, Sendable {
  /// A named column is missing or of a type the chart cannot use.
  case column(ColumnError)
  /// An option has a value the chart cannot use; `reason` says what would do.
  case invalidOption(String, reason: String)
  /// An option the chart kind does not know; `suggestions` are the closest known names.
  case unknownOption(String, kind: ChartKind, suggestions: [String])
  /// The wrong number of column arguments for the kind; `found` is how many were given.
  case columnCount(ChartKind, found: Int)
  /// A log axis was asked for, but `column` holds `value` (at 1-based `row`), which is
  /// not above zero.
  case nonPositiveOnLogAxis(column: String, value: Double, row: Int)
}

extension PlotError: CustomStringConvertible {
  /// The message shown to the analyst.
  public var description: String {
    switch self {
    case .column(let error):
      return error.description
    case .invalidOption(let name, let reason):
      return "option '\(name)': \(reason)"
    case .unknownOption(let name, let kind, let suggestions):
      return "plot \(kind.rawValue) has no option '\(name)'" + NameSuggester.didYouMean(suggestions)
    case .columnCount(let kind, let found):
      let noun = found == 1 ? "column" : "columns"
      return "plot \(kind.rawValue) takes \(kind.usage); \(found) \(noun) given"
    case .nonPositiveOnLogAxis(let column, let value, let row):
      let shown = ValueFormatter.format(value)
      return "a log axis needs values above 0, but column '\(column)' has \(shown) at row \(row)"
    }
  }
}
