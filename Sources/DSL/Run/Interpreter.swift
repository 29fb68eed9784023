import Engine

/// Runs parsed statements against the session's bindings.
struct Interpreter {
  /// Bound tables and values, by name.
  var bindings: [String: Output]
  let baseDirectory: String
  /// Checked between stages and, for long verbs, within them; set by Ctrl-C.
  var cancellation = CancellationFlag()
  /// Remarks collected while running, such as repaired bytes in a loaded file.
  var notices: [String] = []
  /// Stages run so far, with rows and times.
  var trace: [StageTrace] = []
  /// Told how long loads and clusterings are coming along.
  var progress: (any ProgressReporter)?

  /// The pipeline's result.
  /// - Throws: `RunError` for the first stage that fails; the cancellation message when
  ///   Ctrl-C asked the statement to stop, whatever the stage then reported.
  mutating func run(_ pipeline: Pipeline) throws(RunError) -> Output {
    do {
      return try runStages(pipeline)
    } catch {
      guard cancellation.isCancelled else { throw error }
      throw Self.cancelled(at: error.span)
    }
  }

  private mutating func runStages(_ pipeline: Pipeline) throws(RunError) -> Output {
    let clock = ContinuousClock()
    let started = clock.now
    var sortedRowsBeforeHead: Int?
    var current = try evaluateSource(pipeline.source)
    trace.append(StageTrace(pipeline.source, rows: rows(current), since: started, clock))
    try stopIfCancelled(at: pipeline.source.span)
    if case .table(let table) = current {
      let checker = PipelineChecker(scalars: scalarTypes, tables: tableSchemas)
      try checker.check(pipeline.stages, from: Schema(table))
    }
    for (index, stage) in pipeline.stages.enumerated() {
      guard case .table(let table) = current else {
        throw RunError(
          "'\(stageName(stage))' needs a table, but the pipeline so far gives a "
            + describe(current), at: stage.span)
      }
      let stageStart = clock.now
      let next = pipeline.stages.dropFirst(index + 1).first
      // A sort followed by a head runs as one step that keeps only the first rows; the
      // trace still shows the sort ordering every row and the head cutting them.
      let rowsIn = sortedRowsBeforeHead ?? table.rowCount
      sortedRowsBeforeHead = nil
      var rowsOut: Int?
      if case .sort(let keys) = stage.verb, case .head(let count)? = next?.verb {
        let rows = try count.resolved(in: bindings, verb: "head")
        current = .table(try firstRows(rows, of: table, sortedBy: keys, stage))
        sortedRowsBeforeHead = table.rowCount
        rowsOut = table.rowCount
      } else {
        current = try apply(stage, to: table)
        rowsOut = rows(current)
      }
      trace.append(
        StageTrace(
          verb: stage.verb.name, rowsIn: rowsIn, rowsOut: rowsOut,
          seconds: elapsedSeconds(since: stageStart, clock)))
      // A finished save wrote the whole table; only an incomplete result is dropped.
      if case .save = stage.verb { continue }
      try stopIfCancelled(at: stage.span)
    }
    return current
  }

  /// Ends the statement when Ctrl-C asked for it while the part at `span` ran; what
  /// that part gave may be incomplete and is dropped.
  private func stopIfCancelled(at span: Span) throws(RunError) {
    guard cancellation.isCancelled else { return }
    throw Self.cancelled(at: span)
  }

  /// The error a statement stopped by Ctrl-C ends with, pointing at the part that ran.
  private static func cancelled(at span: Span) -> RunError {
    RunError("cancelled; nothing was bound or changed", at: span)
  }

  private func rows(_ output: Output) -> Int? {
    if case .table(let table) = output { return table.rowCount }
    return nil
  }

  /// Types of the bound single values, usable by name in expressions.
  var scalarTypes: [String: ColumnType?] {
    var types: [String: ColumnType?] = [:]
    for (name, output) in bindings {
      if case .value(let v) = output { types[name] = v.type }
    }
    return types
  }

  /// Schemas of the bound tables, for checking `join`.
  var tableSchemas: [String: Schema] {
    var schemas: [String: Schema] = [:]
    for (name, output) in bindings {
      if case .table(let table) = output { schemas[name] = Schema(table) }
    }
    return schemas
  }

  private func stageName(_ stage: Stage) -> String {
    stage.verb.name
  }

  private func describe(_ output: Output) -> String {
    switch output {
    case .table: return "table"
    case .chart: return "chart; 'plot' must be the last verb"
    case .value(let v): return "single value (\(ValueFormatter.plain(v)))"
    case .bound: return "binding"
    }
  }

  private mutating func evaluateSource(_ source: Source) throws(RunError) -> Output {
    switch source {
    case .load(let path, let options, let span):
      return .table(try load(path, options, span: span))

    case .name(let name, let span):
      if let bound = bindings[name] { return bound }
      let known = Array(bindings.keys).sorted()
      let hint = NameSuggester.didYouMean(NameSuggester.closest(to: name, among: known))
      let message =
        name == "_"
        ? "'_' is the last result, and there is none yet"
        : "unknown name '\(name)'\(hint); bind a table first with let \(name) = load \"file.csv\""
      throw RunError(message, at: span)

    case .expression(let expression, let span):
      let resolved = substituteBindings(in: expression, columns: [])
      var evaluator = ExpressionEvaluator(table: Table())
      evaluator.cancellation = cancellation
      do {
        let column = try evaluator.evaluate(resolved)
        return .value(column.count > 0 ? column[0] : Self.scalar(resolved))
      } catch {
        if case .column(.unknown(let name, _)) = error {
          let known = Array(bindings.keys).sorted()
          let hint = NameSuggester.didYouMean(NameSuggester.closest(to: name, among: known))
          throw RunError("unknown name '\(name)'\(hint)", at: span)
        }
        throw RunError(error.description, at: span)
      }
    }
  }

  /// A constant expression's value when the evaluator returned no rows.
  private static func scalar(_ expression: Expression) -> Value {
    var evaluator = ExpressionEvaluator(
      table: Table(columnNames: ["_"], columns: [Column(.int([0]))]))
    return (try? evaluator.evaluate(expression)).map { $0[0] } ?? .null
  }

  /// Replaces names that are not columns but bound values with their values.
  func substituteBindings(in expression: Expression, columns: Set<String>) -> Expression {
    switch expression {
    case .column(let name) where !columns.contains(name):
      if case .value(let v)? = bindings[name] { return .literal(v) }
      return expression
    case .column, .literal:
      return expression
    case .not(let e):
      return .not(substituteBindings(in: e, columns: columns))
    case .negate(let e):
      return .negate(substituteBindings(in: e, columns: columns))
    case .binary(let op, let a, let b):
      return .binary(
        op, substituteBindings(in: a, columns: columns),
        substituteBindings(in: b, columns: columns))
    case .inList(let e, let list, let negated):
      return .inList(
        substituteBindings(in: e, columns: columns),
        list.map { substituteBindings(in: $0, columns: columns) }, negated: negated)
    case .call(let name, let args):
      return .call(name, args.map { substituteBindings(in: $0, columns: columns) })
    }
  }
}

func elapsedSeconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
  let elapsed = clock.now - start
  return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

extension StageTrace {
  init(_ source: Source, rows: Int?, since start: ContinuousClock.Instant, _ clock: ContinuousClock)
  {
    let verb: String
    switch source {
    case .load: verb = "load"
    case .name(let name, _): verb = name
    case .expression: verb = "expression"
    }
    self.init(verb: verb, rowsIn: nil, rowsOut: rows, seconds: elapsedSeconds(since: start, clock))
  }
}

extension Source {
  /// Where the source was written.
  var span: Span {
    switch self {
    case .load(_, _, let span), .name(_, let span), .expression(_, let span): return span
    }
  }
}
