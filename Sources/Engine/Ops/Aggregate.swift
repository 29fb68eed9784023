/// The aggregate functions of `groupby ... agg` and `summarize`.
public enum AggregateFunction: String, Sendable, CaseIterable {
  case count, dcount, sum, mean, min, max, first, last, stdev, median, values

  /// Accepts the language's aliases (`avg` for `mean`).
  public init?(name: String) {
    if name == "avg" {
      self = .mean
    } else {
      self.init(rawValue: name)
    }
  }

  /// Whether the function takes a column argument (all but `count()`).
  public var takesArgument: Bool { self != .count }
}

/// One output column of a grouping: a function over a column, under a name.
public struct Aggregation: Sendable, Equatable {
  /// What to compute per group.
  public var function: AggregateFunction
  /// The column it reads; `nil` for `count()`.
  public var column: String?
  /// The output column's name.
  public var name: String

  /// - Parameter name: the output name; default `count`, `dcount_X`, `min_X`...
  public init(_ function: AggregateFunction, _ column: String? = nil, name: String? = nil) {
    self.function = function
    self.column = column
    self.name = name ?? column.map { "\(function.rawValue)_\($0)" } ?? function.rawValue
  }
}

/// Why a grouping cannot run.
public enum GroupError: Error, Equatable, Sendable {
  case column(ColumnError)
  /// A function that needs numbers was given another type.
  case notNumeric(function: String, column: String, type: ColumnType)
  case missingArgument(function: String)
  /// The grouping was asked to stop (Ctrl-C) before it finished.
  case cancelled
}

extension GroupError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .column(let error):
      return error.description
    case .notNumeric(let function, let column, let type):
      return "\(function)() needs a numeric column, but '\(column)' is \(type)"
    case .missingArgument(let function):
      return "\(function)() needs a column, as in \(function)(ColumnName)"
    case .cancelled:
      return "the grouping was cancelled before it finished"
    }
  }
}
