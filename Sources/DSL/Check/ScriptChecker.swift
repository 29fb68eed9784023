import Engine

/// Checks a whole script before any of it runs: every statement parses, every name it
/// uses is bound, and every column it refers to exists in the files it loads.
///
/// It walks the statements in order as the session would, but instead of loading data it
/// reads only the header and first rows of each file named by a literal `load "path"`
/// (see `TableReader.readSchema`), and follows the columns through each pipeline with
/// the same rules the interpreter checks a pipeline with. What `let` binds is tracked as
/// a schema, a single value, or unknown.
///
/// Only errors that running would surely meet are reported: unknown columns, unbound
/// names, parse errors and malformed options. Type mismatches are left to run time,
/// since a sample's types may widen further down the file. A load whose file is missing
/// or malformed, and whatever is built on it, is left to run time too.
public struct ScriptChecker {
  /// What a name is bound to, as far as can be told without running.
  enum Binding {
    /// A table with these columns, made from the files in `origins` (as the script names
    /// them).
    case table(Schema, origins: [String])
    /// A single value of this type (nil: not known).
    case value(ColumnType?)
    /// A chart, or something that cannot be known before running.
    case unknown
  }

  /// The folder relative `load` paths are resolved against; change it while checking the
  /// statements of a script read from another folder.
  public var baseDirectory: String
  /// The command line's `--param` values, by name.
  public var parameterOverrides: [String: String]
  /// The `param` declarations met so far, in script order (the first of a name wins).
  public private(set) var declaredParameters: [DeclaredParameter] = []

  private var bindings: [String: Binding] = [:]
  /// Set once something may have bound names the checker cannot see.
  private var bindingsAreUnknown = false
  private var schemas: [String: SampledSchema?] = [:]
  /// Files the script writes with `save` before reading them back, whose header on disk
  /// may be stale.
  private var written: Set<String> = []
  private let sampleBytes: Int

  /// - Parameters:
  ///   - baseDirectory: the folder relative paths resolve against (the script's own).
  ///   - parameterOverrides: `--param` values by name.
  ///   - sampleBytes: how much of each loaded file is read for its header and types.
  public init(
    baseDirectory: String, parameterOverrides: [String: String] = [:],
    sampleBytes: Int = TableReader.defaultSampleBytes
  ) {
    self.baseDirectory = baseDirectory
    self.parameterOverrides = parameterOverrides
    self.sampleBytes = sampleBytes
  }

  /// Checks one statement and records what it binds.
  /// - Parameters:
  ///   - source: the statement's text, continuation lines joined with newlines.
  ///   - location: where it starts in its script.
  /// - Returns: the error running it would surely meet, or nil.
  public mutating func check(_ source: String, at location: SourceLocation) -> Diagnostic? {
    let statement: Statement
    do {
      statement = try Parser.parse(source)
    } catch {
      return Diagnostic(
        error.message, at: Span(offset: error.offset, length: error.length), in: source,
        startingAt: location)
    }

    do {
      switch statement.kind {
      case .param(let name, let declared):
        declare(name, declared, at: location)
      case .bind(let name, let pipeline):
        bindings[name] = .unknown
        bindings[name] = try binding(of: pipeline)
      case .show(let pipeline):
        bindings["_"] = .unknown
        bindings["_"] = try binding(of: pipeline)
      }
      return nil
    } catch {
      return Diagnostic(error.message, at: error.span, in: source, startingAt: location)
    }
  }

  /// Notes that names may have been bound that the checker cannot see (a script that
  /// could not be read for checking was included), so unbound names are no longer
  /// reported and what uses them is left to run time.
  public mutating func assumeUnknownBindings() {
    bindingsAreUnknown = true
  }

  /// Throws when a `--param` names no declared parameter or cannot be read as the
  /// declared default's type.
  /// - Throws: `ParameterError` listing the declared parameters.
  public func validateParameterOverrides() throws(ParameterError) {
    for name in parameterOverrides.keys.sorted() {
      let value = parameterOverrides[name] ?? ""
      guard let parameter = declaredParameters.first(where: { $0.name == name }) else {
        let names = declaredParameters.map(\.name)
        throw .unknown(
          name, suggestions: NameSuggester.closest(to: name, among: names),
          declared: declaredParameters)
      }
      if parameter.value(from: value) == nil {
        throw .illTyped(parameter, value: value, declared: declaredParameters)
      }
    }
  }

  private mutating func declare(_ name: String, _ declared: Value, at location: SourceLocation) {
    let parameter = DeclaredParameter(name: name, defaultValue: declared, location: location)
    if !declaredParameters.contains(where: { $0.name == name }) {
      declaredParameters.append(parameter)
    }
    let value = parameterOverrides[name].flatMap(parameter.value(from:)) ?? declared
    bindings[name] = .value(value.type)
  }

  /// What `pipeline` gives, as far as can be told.
  /// - Throws: `RunError` for an error running would surely meet.
  private mutating func binding(of pipeline: Pipeline) throws(RunError) -> Binding {
    for stage in pipeline.stages {
      if case .save(let path, _) = stage.verb {
        written.insert(FilePaths.resolve(path, in: baseDirectory))
      }
    }

    let start: Binding
    switch pipeline.source {
    case .load(let path, let options, _):
      let settings = try Interpreter.loadOptions(options)
      guard let sampled = sample(path, settings) else { return .unknown }
      // JSON records may bring new keys anywhere, so a sample of them does not know every
      // column; a delimited file names them all in its header.
      if sampled.format.isJSON, !sampled.isWholeFile { return .unknown }
      let columns = sampled.columns.map { (name: $0.name, type: $0.type) }
      start = .table(Schema(columns), origins: [path])
    case .name(let name, let span):
      start = try bound(name, at: span)
    case .expression(let expression, let span):
      start = try value(of: expression, at: span)
    }

    guard !pipeline.stages.isEmpty else { return start }
    guard case .table(let schema, let origins) = start else { return .unknown }
    return try check(pipeline.stages, from: schema, origins: origins)
  }

  /// Follows `stages` from `schema`: first with the sampled types, and when that meets
  /// an error that is not about a name, again with every type unknown, so that an
  /// unknown column further on is still found.
  private func check(_ stages: [Stage], from schema: Schema, origins: [String])
    throws(RunError) -> Binding
  {
    var tables: [String: Schema] = [:]
    var allOrigins = origins
    for stage in stages {
      guard case .join(let name, _, _) = stage.verb else { continue }
      switch bindings[name] {
      case .table(let right, let rightOrigins)?:
        tables[name] = right
        allOrigins += rightOrigins.filter { !allOrigins.contains($0) }
      case .value?, nil:
        if bindingsAreUnknown { return .unknown }
      case .unknown?:
        return .unknown
      }
    }

    let attempts = [
      (schema, tables), (schema.withUnknownTypes, tables.mapValues(\.withUnknownTypes)),
    ]
    for (start, tables) in attempts {
      let checker = PipelineChecker(scalars: scalarTypes, tables: tables)
      do {
        guard let result = try checker.check(stages, from: start) else { return .unknown }
        return .table(result, origins: allOrigins)
      } catch {
        guard error.unknownName != nil else { continue }
        if bindingsAreUnknown { return .unknown }
        // After a stage that makes new columns, the file's are not the ones in question.
        let failing = stages.firstIndex { error.span.offset < $0.span.offset + $0.span.length }
        let reshaped = stages[..<(failing ?? stages.endIndex)].contains { $0.verb.makesColumns }
        throw reshaped ? error : Self.naming(origins: allOrigins, in: error)
      }
    }
    return .unknown
  }

  private func bound(_ name: String, at span: Span) throws(RunError) -> Binding {
    if let binding = bindings[name] { return binding }
    if bindingsAreUnknown { return .unknown }
    let known = bindings.keys.filter { $0 != "_" }.sorted()
    let hint = NameSuggester.didYouMean(NameSuggester.closest(to: name, among: known))
    let message =
      name == "_"
      ? "'_' is the last result, and there is none yet"
      : "unknown name '\(name)'\(hint); bind a table first with let \(name) = load \"file.csv\""
    var error = RunError(message, at: span)
    error.unknownName = name
    throw error
  }

  private func value(of expression: Expression, at span: Span) throws(RunError) -> Binding {
    do {
      return .value(try ExpressionTyper.type(of: expression, in: scalarTypes))
    } catch {
      guard case .column(.unknown(let name, _)) = error else { return .value(nil) }
      if bindingsAreUnknown { return .unknown }
      let known = bindings.keys.filter { $0 != "_" }.sorted()
      let hint = NameSuggester.didYouMean(NameSuggester.closest(to: name, among: known))
      var located = RunError("unknown name '\(name)'\(hint)", at: span)
      located.unknownName = name
      throw located
    }
  }

  /// The types of the names usable in expressions: single values, and names whose
  /// binding is unknown (they might be values).
  private var scalarTypes: [String: ColumnType?] {
    var types: [String: ColumnType?] = [:]
    for (name, binding) in bindings {
      switch binding {
      case .value(let type): types[name] = type
      case .unknown: types[name] = .some(nil)
      case .table: break
      }
    }
    return types
  }

  /// The sampled header of the file `load "path"` names; nil when it cannot be read now
  /// (missing, unreadable, malformed), which running will report.
  private mutating func sample(_ path: String, _ options: LoadOptions) -> SampledSchema? {
    let resolved = FilePaths.resolve(path, in: baseDirectory)
    guard !written.contains(resolved) else { return nil }
    let key = "\(resolved)\u{0}\(String(describing: options))"
    if let cached = schemas[key] { return cached }
    let sampled = try? TableReader.readSchema(
      path: resolved, options: options, sampleBytes: sampleBytes)
    schemas[key] = .some(sampled)
    return sampled
  }

  /// `error` with a word on which files the columns came from.
  private static func naming(origins: [String], in error: RunError) -> RunError {
    var error = error
    if !origins.isEmpty, error.message.hasPrefix("unknown column") {
      let files = origins.map { "\"\($0)\"" }.joined(separator: ", ")
      error.message += " (the columns come from \(files))"
    }
    return error
  }
}

extension Schema {
  /// The same columns with no type known, for checking names alone.
  var withUnknownTypes: Schema {
    Schema(columns.map { (name: $0.name, type: nil) })
  }
}
