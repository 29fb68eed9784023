import Engine

/// Verbs that read, write and analyse data through the Engine's IO, features and cluster.
extension Interpreter {
  mutating func load(_ path: String, _ options: Options, span: Span) throws(RunError) -> Table {
    throw RunError("load is not available yet", at: span)
  }

  func save(_ table: Table, to path: String, _ options: Options, _ stage: Stage)
    throws(RunError)
  {
    throw RunError("save is not available yet", at: stage.span)
  }

  func addFeatures(to table: Table, _ options: Options, _ stage: Stage) throws(RunError) -> Table {
    do {
      return try ProcessFeatures.add(
        to: table, path: options["path"]?.text ?? "NewProcessName",
        commandLine: options["cmdline"]?.text ?? "CommandLine",
        session: options["session"]?.text ?? "SubjectLogonId", separator: options["sep"]?.text)
    } catch {
      throw RunError(error, in: stage)
    }
  }

  func cluster(_ table: Table, _ columns: [String], _ options: Options, _ stage: Stage)
    throws(RunError) -> Table
  {
    var settings = ClusterOptions(columns: columns)
    settings.eps = try OptionReader.number(options, "eps", default: settings.eps)
    settings.minSamples = try OptionReader.integer(options, "min", default: settings.minSamples)
    settings.normalize = try OptionReader.boolean(options, "normalize", default: true)
    settings.timeColumn = options["time"]?.text
    let keep = try OptionReader.choice(options, "keep", default: ClusterOptions.Keep.exemplars)
    settings.keep = keep
    do {
      return try Clusterer.cluster(table, options: settings)
    } catch {
      throw RunError(error, in: stage)
    }
  }
}
