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
        throw ColumnError.wrongType(
          name, found: type, expected: "a number or boolean (cluster works on numeric features)")
      }
    }
    if let time = options["time"]?.text { _ = try schema.type(of: time) }
    schema.set("ClusterId", .int)
    schema.set("ClusterSize", .int)
    schema.set("Clustered", .bool)
    if options["keep"]?.text != "all" {
      schema.set("FirstEventTime", .timestamp)
      schema.set("LastEventTime", .timestamp)
    }
    return schema
  }
}
