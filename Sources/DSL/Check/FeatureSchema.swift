import Engine

/// The columns `features process` and `cluster` add, for checking pipelines.
enum FeatureSchema {
  static let processFeatures: [(String, ColumnType)] = [
    ("processName", .string), ("pathScore", .int), ("pathLogScore", .float),
    ("pathHash", .int), ("commandlineLen", .int), ("commandlineLogLen", .float),
    ("commandlineTokensFull", .int), ("commandlineScore", .int),
    ("commandlineTokensHash", .int), ("isSystemSession", .bool),
  ]

  /// The default input columns of `features process`, by option name.
  static let featureInputs = [
    ("path", "NewProcessName"), ("cmdline", "CommandLine"), ("session", "SubjectLogonId"),
  ]

  static func output(_ options: Options, _ schema: Schema) throws -> Schema {
    var schema = schema
    for (option, fallback) in featureInputs {
      _ = try schema.type(of: options[option]?.text ?? fallback)
    }
    for (name, type) in processFeatures { schema.set(name, type) }
    return schema
  }

  static func clusterOutput(_ columns: [String], _ options: Options, _ schema: Schema) throws
    -> Schema
  {
    var schema = schema
    for name in columns {
      if let type = try schema.type(of: name), !type.isNumeric {
        throw ClusterError.notNumeric(name, found: type)
      }
    }
    var timeType: ColumnType?? = nil
    if let time = options["time"]?.text {
      timeType = .some(try schema.type(of: time))
    } else if let column = schema.columns.first(where: {
      $0.name == ClusterOptions.defaultTimeColumn
    }) {
      timeType = column.type == nil || column.type == .timestamp ? .some(column.type) : nil
    }
    schema.set(Clusterer.clusterIdColumn, .int)
    schema.set(Clusterer.clusterSizeColumn, .int)
    schema.set(Clusterer.clusteredColumn, .bool)
    if options["keep"]?.text != "all", timeType != nil {
      schema.set(Clusterer.firstTimeColumn, .timestamp)
      schema.set(Clusterer.lastTimeColumn, .timestamp)
    }
    return schema
  }
}
