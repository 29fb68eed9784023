import Engine

/// A pipeline verb with its parsed arguments.
enum Verb: Equatable {
  case features(kind: String, Options)
  case extend([(name: String, Expression)])
  case whereRows(Expression)
  /// Columns to keep in order: a plain name, or `NAME = EXPR` (renames and computed).
  case select([(name: String, Expression)])
  case drop([String])
  case sort([SortKey])
  case head(RowCount)
  case tail(RowCount)
  case top(RowCount, SortKey)
  case distinct([String])
  /// Groups by columns or by computed keys (`bin(TimeGenerated, 1h)`), each named; `inputs`
  /// are computed columns that aggregates read (`sum(len(CommandLine))`, `countif(...)`).
  case groupby(
    keys: [(name: String, Expression)], [Aggregation], inputs: [(name: String, Expression)] = [])
  case count
  case cluster(columns: [String], Options)
  case describe
  case schema
  case plot(ChartSpec)
  case save(path: String, Options)
  /// `join NAME on A [= B], ... [kind=inner|left]`.
  case join(table: String, keys: [(left: String, right: String)], kind: JoinKind)

  /// Whether the verb's output columns are made by it rather than passed on from its
  /// input (grouping, selecting, counting, summaries).
  var makesColumns: Bool {
    switch self {
    case .groupby, .select, .distinct, .count, .describe, .schema: return true
    default: return false
    }
  }

  /// The verb's canonical name, as `.help` and traces show it.
  var name: String {
    switch self {
    case .features: return "features"
    case .extend: return "extend"
    case .whereRows: return "where"
    case .select: return "select"
    case .drop: return "drop"
    case .sort: return "sort"
    case .head: return "head"
    case .tail: return "tail"
    case .top: return "top"
    case .distinct: return "distinct"
    case .groupby: return "groupby"
    case .count: return "count"
    case .cluster: return "cluster"
    case .describe: return "describe"
    case .schema: return "schema"
    case .plot: return "plot"
    case .save: return "save"
    case .join: return "join"
    }
  }

  static func == (a: Verb, b: Verb) -> Bool {
    String(describing: a) == String(describing: b)
  }

  /// Verbs and their aliases, as written.
  static let names: [String: String] = [
    "features": "features", "extend": "extend", "where": "where", "filter": "where",
    "select": "select", "project": "select", "drop": "drop", "project-away": "drop",
    "sort": "sort", "order": "sort", "head": "head", "take": "head", "limit": "head",
    "tail": "tail", "top": "top", "distinct": "distinct", "groupby": "groupby",
    "summarize": "summarize", "count": "count", "cluster": "cluster", "describe": "describe",
    "schema": "schema", "plot": "plot", "plot-ascii": "plot", "render": "plot", "save": "save",
    "join": "join",
  ]
}
