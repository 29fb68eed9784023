import Engine

/// The `name=value` options each verb takes, shared by the parser and completion.
enum VerbOptions {
  static let load = ["format", "delimiter", "header"]
  static let features = ["path", "cmdline", "session", "sep"]
  static let cluster = ["eps", "min", "normalize", "time", "keep"]
  static let save = ["format"]
  static let join = ["kind"]
  static let plot = [
    "title", "width", "charset", "bins", "label", "color", "log", "by", "bin", "top", "height",
  ]

  /// The options of a verb, by its canonical name (`Verb.names`).
  static let byVerb: [String: [String]] = [
    "load": load, "features": features, "cluster": cluster, "save": save, "join": join,
    "plot": plot,
  ]

  /// Options whose value is a column of the table, by canonical verb name.
  static let columnValued: [String: Set<String>] = [
    "features": ["path", "cmdline", "session"], "cluster": ["time"],
    "plot": ["label", "color", "by"],
  ]

  /// Options whose value is one of a few words, by option name.
  static let choices: [String: [String]] = [
    "format": LoadOptions.Format.allCases.map(\.rawValue),
    "header": ["true", "false"], "normalize": ["true", "false"],
    "keep": ClusterOptions.Keep.allCases.map(\.rawValue),
    "kind": JoinKind.allCases.map(\.rawValue),
    "charset": Charset.allCases.map(\.rawValue), "log": ["x", "y", "xy"],
  ]
}
