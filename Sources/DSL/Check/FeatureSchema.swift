import Engine

/// The columns `features process` and `cluster` add, for checking pipelines.
enum FeatureSchema {
  static let processFeatures: [(String, ColumnType)] = [
    ("processName", .string), ("pathScore", .int), ("pathLogScore", .float),
    ("pathHash", .int), ("commandlineLen", .int), ("commandlineLogLen", .float),
    ("commandlineTokensFull", .int), ("commandlineScore", .int),
    ("commandlineTokensHash", .int), ("isSystemSession", .bool),
  ]

  /// The input columns of `features process` when no option names them, by option: the
  /// first that the table has is used. Windows 4688 first, then Sysmon (event 1),
  /// Defender's older and newer process exports, and Linux audit.
  static let featureInputs: [(option: String, candidates: [String])] = [
    ("path", ["NewProcessName", "Image", "CreatedProcessFilePath", "FolderPath", "exe"]),
    ("cmdline", ["CommandLine", "CreatedProcessCommandLine", "ProcessCommandLine", "cmdline"]),
    ("session", ["SubjectLogonId", "LogonId", "ses"]),
  ]

  /// The column each input of `features process` reads: the option's, else the first
  /// known name the table has values in, else the first known name it has at all, else
  /// the Windows 4688 name (which then fails as unknown). Values matter in exports that
  /// mix channels (Sysmon next to Security events): they have every channel's names, and
  /// after `where EventID == 1` the 4688 names are there but empty.
  static func inputColumns(
    _ options: Options, _ names: [String], hasValues: (String) -> Bool = { _ in true }
  ) -> [String: String] {
    var chosen: [String: String] = [:]
    for (option, candidates) in featureInputs {
      let present = candidates.filter(names.contains)
      chosen[option] =
        options[option]?.text ?? present.first(where: hasValues) ?? present.first
        ?? candidates[0]
    }
    return chosen
  }

  /// The columns each input of `features process` reads, in the order each row tries
  /// them: the option's alone; else every known name the table has values in, so that a
  /// table mixing 4688 and Sysmon rows gives each row the name its own kind fills; else
  /// the single column `inputColumns` picks.
  static func inputColumnLists(
    _ options: Options, _ names: [String], hasValues: (String) -> Bool = { _ in true }
  ) -> [String: [String]] {
    let single = inputColumns(options, names, hasValues: hasValues)
    var chosen: [String: [String]] = [:]
    for (option, candidates) in featureInputs {
      let filled = candidates.filter { names.contains($0) && hasValues($0) }
      let fallback = [single[option] ?? candidates[0]]
      chosen[option] = options[option] == nil && filled.count > 1 ? filled : fallback
    }
    return chosen
  }

  static func output(_ options: Options, _ schema: Schema) throws -> Schema {
    var schema = schema
    for column in inputColumns(options, schema.names).values {
      _ = try schema.type(of: column)
    }
    for (name, type) in processFeatures { schema.set(name, type) }
    return schema
  }

  /// Time columns `cluster` reports first and last times of when no `time=` is given:
  /// the first of these that the table has as a timestamp.
  static let timeCandidates = [
    "TimeGenerated", "TimeCreated", "UtcTime", "Timestamp", "@timestamp", "EventTime",
    "CreatedProcessCreationTime", "TimeCreatedUtc",
  ]

  /// The time column `cluster` uses: the option's, else the first known timestamp column.
  static func clusterTimeColumn(_ options: Options, _ schema: Schema) -> String? {
    if let time = options["time"]?.text { return time }
    return timeCandidates.first { name in
      schema.columns.contains { $0.name == name && ($0.type == .timestamp || $0.type == nil) }
    }
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
    let time = clusterTimeColumn(options, schema)
    if let time { _ = try schema.type(of: time) }
    schema.set(Clusterer.clusterIdColumn, .int)
    schema.set(Clusterer.clusterSizeColumn, .int)
    schema.set(Clusterer.clusteredColumn, .bool)
    if options["keep"]?.text != "all", time != nil {
      schema.set(Clusterer.firstTimeColumn, .timestamp)
      schema.set(Clusterer.lastTimeColumn, .timestamp)
    }
    return schema
  }
}
