import Engine
import Foundation

/// Verbs that read, write and analyse data through the Engine's IO, features and cluster.
extension Interpreter {
  mutating func load(_ path: String, _ options: Options, span: Span) throws(RunError) -> Table {
    let settings = try Self.loadOptions(options)
    do {
      let loaded = try TableReader.read(
        path: resolve(path), options: settings, progress: progress, cancellation: cancellation)
      notices += loaded.notices
      return loaded.table
    } catch {
      throw RunError(error.description, at: span)
    }
  }

  /// The reader's settings from `load`'s options: format, delimiter and header.
  static func loadOptions(_ options: Options) throws(RunError) -> LoadOptions {
    var settings = LoadOptions()
    if let format = options.entries["format"] {
      guard let chosen = LoadOptions.Format(rawValue: format.value.text) else {
        let all = LoadOptions.Format.allCases.map(\.rawValue).joined(separator: ", ")
        throw RunError("format must be one of \(all)", at: format.span)
      }
      settings.format = chosen
    }
    if let delimiter = options.entries["delimiter"] {
      let text = delimiter.value.text == "\\t" ? "\t" : delimiter.value.text
      guard text.utf8.count == 1, let byte = text.utf8.first else {
        throw RunError(
          "delimiter must be a single character, as in delimiter=\";\"", at: delimiter.span)
      }
      settings.delimiter = byte
    }
    settings.header = try OptionReader.boolean(options, "header", default: true)
    return settings
  }

  /// Writes `table` to `path` as CSV or TSV, chosen by `format=` or else by the name as
  /// `load` chooses (`.tsv`/`.tab` tab-separated); a name ending `.gz` is gzip-compressed.
  /// JSON is refused before anything is written, since `save` has no JSON writer.
  func save(_ table: Table, to path: String, _ options: Options, _ stage: Stage)
    throws(RunError)
  {
    var chosen: LoadOptions.Format?
    if let format = options["format"]?.text {
      guard let known = LoadOptions.Format(rawValue: format), !known.isJSON else {
        throw RunError("save writes format=csv or format=tsv, not '\(format)'", at: stage.span)
      }
      chosen = known
    }
    let format = LoadOptions(format: chosen).resolvedFormat(for: path)
    guard !format.isJSON else {
      throw RunError(
        "save writes CSV or TSV (optionally .gz); name the file .csv or .tsv", at: stage.span)
    }
    do {
      try TableWriter.writeCSV(
        table, to: resolve(path), delimiter: format.defaultDelimiter,
        gzip: path.lowercased().hasSuffix(".gz"), cancellation: cancellation)
    } catch {
      throw RunError("\(error)", at: stage.span)
    }
  }

  /// A path relative to the session's folder (a script's own folder), with `~` expanded.
  func resolve(_ path: String) -> String {
    FilePaths.resolve(path, in: baseDirectory)
  }

  mutating func addFeatures(to table: Table, _ options: Options, _ stage: Stage)
    throws(RunError) -> Table
  {
    let inputs = FeatureSchema.inputColumnLists(options, table.columnNames) { name in
      guard let column = try? table.column(name) else { return false }
      return column.nullCount < column.count
    }
    let paths = inputs["path"] ?? ["NewProcessName"]
    let commandLines = inputs["cmdline"] ?? ["CommandLine"]
    let sessions = inputs["session"] ?? ["SubjectLogonId"]
    if [paths, commandLines, sessions] != [["NewProcessName"], ["CommandLine"], ["SubjectLogonId"]]
    {
      let read = [("path", paths), ("cmdline", commandLines), ("session", sessions)]
        .map { option, names in "\(option)=" + Self.fallbackText(names) }
      notices.append("features process read " + read.joined(separator: " "))
    }
    do {
      return try ProcessFeatures.add(
        to: table, paths: paths, commandLines: commandLines, sessions: sessions,
        separator: options["sep"]?.text, cancellation: cancellation)
    } catch {
      throw RunError(error, in: stage)
    }
  }

  /// Columns tried in order, as a notice says them: `NewProcessName (or Image where it is
  /// empty)`.
  static func fallbackText(_ names: [String]) -> String {
    guard let first = names.first, names.count > 1 else { return names.first ?? "" }
    let others = names.dropFirst().joined(separator: ", or ")
    return "\(first) (or \(others) where it is empty)"
  }

  func cluster(_ table: Table, _ columns: [String], _ options: Options, _ stage: Stage)
    throws(RunError) -> Table
  {
    var settings = ClusterOptions(columns: columns)
    settings.eps = try OptionReader.number(options, "eps", default: settings.eps)
    settings.minSamples = try OptionReader.integer(options, "min", default: settings.minSamples)
    settings.normalize = try OptionReader.boolean(options, "normalize", default: true)
    settings.timeColumn = FeatureSchema.clusterTimeColumn(options, Schema(table))
    let keep = try OptionReader.choice(options, "keep", default: ClusterOptions.Keep.exemplars)
    settings.keep = keep
    do {
      return try Clusterer.cluster(
        table, options: settings, progress: progress, cancellation: cancellation)
    } catch {
      throw RunError(error, in: stage)
    }
  }
}
