import Engine

/// The columns a pipeline stage will see: names in order, with types where known.
struct Schema {
  var columns: [(name: String, type: ColumnType?)]

  init(_ columns: [(name: String, type: ColumnType?)]) {
    self.columns = columns
  }

  init(_ table: Table) {
    columns = table.schema.map { ($0.name, $0.type) }
  }

  var names: [String] { columns.map(\.name) }

  var types: [String: ColumnType?] {
    var types: [String: ColumnType?] = [:]
    for (name, type) in columns { types[name] = type }
    return types
  }

  func type(of name: String) throws(ColumnError) -> ColumnType? {
    guard let column = columns.first(where: { $0.name == name }) else {
      throw .unknown(name, suggestions: NameSuggester.closest(to: name, among: names))
    }
    return column.type
  }

  mutating func set(_ name: String, _ type: ColumnType?) {
    if let i = columns.firstIndex(where: { $0.name == name }) {
      columns[i].type = type
    } else {
      columns.append((name, type))
    }
  }
}

/// Follows a pipeline's schema from stage to stage without running it, so that a
/// misspelt column or a type mismatch is reported before any work is done.
struct PipelineChecker {
  /// Bound scalar names usable in expressions, with their types.
  var scalars: [String: ColumnType?]
  /// Bound tables' schemas, for `join`.
  var tables: [String: Schema] = [:]

  /// Checks every stage, starting from `schema`.
  /// - Returns: the schema of the pipeline's result, or nil when it ends in a chart.
  /// - Throws: `RunError` pointing at the first name or expression at fault.
  @discardableResult
  func check(_ stages: [Stage], from schema: Schema) throws(RunError) -> Schema? {
    var schema = schema
    for stage in stages {
      do {
        guard let next = try output(of: stage, from: schema) else { return nil }
        schema = next
      } catch let error as RunError {
        throw error
      } catch let error as CustomStringConvertible {
        throw RunError(error, in: stage)
      } catch {
        throw RunError("\(error)", at: stage.span)
      }
    }
    return schema
  }

  /// The schema after the leading stages that check, for completing names part way
  /// through a pipeline; nil when one of them ends the table (a chart).
  /// - Complexity: O(stages × columns).
  func schema(after stages: [Stage], from schema: Schema) -> Schema? {
    var schema = schema
    for stage in stages {
      do {
        guard let next = try output(of: stage, from: schema) else { return nil }
        schema = next
      } catch {
        return schema
      }
    }
    return schema
  }

  /// The schema after `stage`, or nil when nothing more can be checked (a chart).
  private func output(of stage: Stage, from schema: Schema) throws -> Schema? {
    var schema = schema
    switch stage.verb {
    case .extend(let items):
      for (name, expression) in items { schema.set(name, try type(of: expression, schema)) }
    case .whereRows(let condition):
      let type = try type(of: condition, schema)
      try ExpressionTyper.expect(type, [.bool], "the condition of 'where'", condition)
    case .select(let items):
      var selected = Schema([])
      for (name, expression) in items { selected.set(name, try type(of: expression, schema)) }
      schema = selected
    case .drop(let names):
      for name in names { _ = try schema.type(of: name) }
      schema.columns.removeAll { names.contains($0.name) }
    case .sort(let keys):
      for key in keys { _ = try schema.type(of: key.column) }
    case .top(let count, let key):
      try count.check(scalars: scalars, verb: "top")
      _ = try schema.type(of: key.column)
    case .head(let count), .tail(let count):
      try count.check(scalars: scalars, verb: stage.verb.name)
    case .save:
      break
    case .distinct(let names):
      schema = Schema(try names.map { ($0, try schema.type(of: $0)) })
    case .groupby(let keys, let aggregations, let inputs):
      var withInputs = schema
      for (name, expression) in inputs { withInputs.set(name, try type(of: expression, schema)) }
      schema = try groupSchema(keys, aggregations, schema, withInputs)
    case .count:
      schema = Schema([("count", .int)])
    case .describe:
      schema = Schema(TableSummary.describe(Table()))
    case .schema:
      schema = Schema(TableSummary.schema(Table()))
    case .features(_, let options):
      schema = try FeatureSchema.output(options, schema)
    case .cluster(let columns, let options):
      schema = try FeatureSchema.clusterOutput(columns, options, schema)
    case .join(let name, let keys, _):
      guard let right = tables[name] else {
        var error = RunError("join needs a bound table called '\(name)'", at: stage.span)
        error.unknownName = name
        throw error
      }
      for key in keys {
        _ = try schema.type(of: key.left)
        _ = try right.type(of: key.right)
      }
      let skipped = Set(keys.filter { $0.left == $0.right }.map(\.right))
      for (name, type) in right.columns where !skipped.contains(name) {
        var outputName = name
        while schema.columns.contains(where: { $0.name == outputName }) { outputName += "1" }
        schema.set(outputName, type)
      }
    case .plot(let spec):
      for name in spec.columns + [spec.by].compactMap({ $0 }) { _ = try schema.type(of: name) }
      return nil
    }
    return schema
  }

  private func type(of expression: Expression, _ schema: Schema) throws(ExpressionError)
    -> ColumnType?
  {
    var types = scalars
    for (name, type) in schema.columns { types[name] = type }
    return try ExpressionTyper.type(of: expression, in: types)
  }

  /// The columns of a grouping: keys typed over `schema`, aggregates over `withInputs`,
  /// which adds the computed columns the aggregates read.
  private func groupSchema(
    _ keys: [(name: String, Expression)], _ aggregations: [Aggregation], _ schema: Schema,
    _ withInputs: Schema
  ) throws -> Schema {
    var result = Schema([])
    for (name, expression) in keys { result.set(name, try type(of: expression, schema)) }
    for aggregation in aggregations {
      var source: ColumnType?
      if let column = aggregation.column { source = try withInputs.type(of: column) }
      let type: ColumnType?
      switch aggregation.function {
      case .count, .dcount: type = .int
      case .values: type = .string
      case .min, .max, .first, .last: type = source
      case .sum: type = source == .float ? .float : (source == nil ? nil : .int)
      case .mean, .stdev, .median: type = .float
      }
      if let source, !source.isNumeric,
        [.sum, .mean, .stdev, .median].contains(aggregation.function)
      {
        throw GroupError.notNumeric(
          function: aggregation.function.rawValue, column: aggregation.column ?? "", type: source)
      }
      var name = aggregation.name
      var n = 2
      while result.columns.contains(where: { $0.name == name }) {
        name = "\(aggregation.name)_\(n)"
        n += 1
      }
      result.set(name, type)
    }
    return result
  }
}
