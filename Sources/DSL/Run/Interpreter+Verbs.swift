import Engine

extension Interpreter {
  /// Applies one verb to a table.
  mutating func apply(_ stage: Stage, to table: Table) throws(RunError) -> Output {
    switch stage.verb {
    case .extend(let items):
      var result = table
      for (name, expression) in items {
        result.setColumn(name, try evaluate(expression, on: result, stage))
      }
      return .table(result)

    case .whereRows(let condition):
      var evaluator = ExpressionEvaluator(table: table)
      evaluator.cancellation = cancellation
      let resolved = substituteBindings(in: condition, columns: Set(table.columnNames))
      do {
        return .table(table.gather(try evaluator.matchingRows(resolved)))
      } catch {
        throw RunError(error, in: stage)
      }

    case .select(let items):
      var columns: [Column] = []
      var names: [String] = []
      for (name, expression) in items {
        let column = try evaluate(expression, on: table, stage)
        if let existing = names.firstIndex(of: name) {
          columns[existing] = column
        } else {
          names.append(name)
          columns.append(column)
        }
      }
      return .table(Table(columnNames: names, columns: columns))

    case .drop(let names):
      var result = table
      for name in names {
        do { _ = try table.column(name) } catch { throw RunError(error, in: stage) }
        result.removeColumn(name)
      }
      return .table(result)

    case .sort(let keys):
      do { return .table(try table.sorted(by: keys)) } catch { throw RunError(error, in: stage) }

    case .head(let n):
      return .table(table.prefix(try n.resolved(in: bindings, verb: "head")))

    case .tail(let n):
      let count = min(try n.resolved(in: bindings, verb: "tail"), table.rowCount)
      return .table(table.gather(Array((table.rowCount - count)..<table.rowCount)))

    case .top(let count, let key):
      let n = try count.resolved(in: bindings, verb: "top")
      do {
        return .table(table.gather(try table.topRows(n, by: [key])))
      } catch {
        throw RunError(error, in: stage)
      }

    case .distinct(let names):
      do {
        return .table(try table.distinct(names, cancellation: cancellation))
      } catch {
        throw RunError(error, in: stage)
      }

    case .groupby(let keys, let aggregations, let inputs):
      return .table(try grouped(table, by: keys, aggregations, inputs: inputs, stage))

    case .count:
      return .table(Table(columnNames: ["count"], columns: [Column(.int([Int64(table.rowCount)]))]))

    case .describe:
      return .table(TableSummary.describe(table))

    case .schema:
      return .table(TableSummary.schema(table))

    case .plot(let spec):
      do {
        return .chart(try Chart(spec: spec, table: table))
      } catch {
        throw RunError(error, in: stage)
      }

    case .features(_, let options):
      return .table(try addFeatures(to: table, options, stage))

    case .cluster(let columns, let options):
      return .table(try cluster(table, columns, options, stage))

    case .join(let name, let keys, let kind):
      guard case .table(let right)? = bindings[name] else {
        throw RunError("join needs a bound table called '\(name)'", at: stage.span)
      }
      do {
        return .table(
          try table.joined(with: right, on: keys, kind: kind, cancellation: cancellation))
      } catch {
        throw RunError(error, in: stage)
      }

    case .save(let path, let options):
      try save(table, to: path, options, stage)
      notices.append("saved \(table.rowCount) row\(table.rowCount == 1 ? "" : "s") to \(path)")
      return .table(table)
    }
  }

  /// The first `count` rows of `table` sorted by `keys`: for `sort` followed by `head`,
  /// which then need not copy every row in the new order.
  func firstRows(_ count: Int, of table: Table, sortedBy keys: [SortKey], _ stage: Stage)
    throws(RunError) -> Table
  {
    do {
      return table.gather(try table.topRows(count, by: keys))
    } catch {
      throw RunError(error, in: stage)
    }
  }

  /// Evaluates an expression over `table`, with bound names resolved.
  func evaluate(_ expression: Expression, on table: Table, _ stage: Stage) throws(RunError)
    -> Column
  {
    var evaluator = ExpressionEvaluator(table: table)
    evaluator.cancellation = cancellation
    let resolved = substituteBindings(in: expression, columns: Set(table.columnNames))
    do {
      return try evaluator.evaluate(resolved)
    } catch {
      throw RunError(error, in: stage)
    }
  }

  /// `table` grouped by its key columns and computed keys; a computed key is evaluated into
  /// a column of its own, so that aggregates still see the column it was computed from.
  /// `inputs` are the computed columns the aggregates read.
  private func grouped(
    _ table: Table, by keys: [(name: String, Expression)], _ aggregations: [Aggregation],
    inputs: [(name: String, Expression)], _ stage: Stage
  ) throws(RunError) -> Table {
    var working = table
    for (name, expression) in inputs {
      working.setColumn(name, try evaluate(expression, on: table, stage))
    }
    var keyColumns: [String] = []
    for (index, (name, expression)) in keys.enumerated() {
      if case .column(let column) = expression, column == name {
        keyColumns.append(name)
        continue
      }
      let hidden = "\u{1}key\(index)"
      working.setColumn(hidden, try evaluate(expression, on: table, stage))
      keyColumns.append(hidden)
    }

    let result: Table
    do {
      result = try working.grouped(
        by: keyColumns, aggregations: aggregations, cancellation: cancellation)
    } catch {
      throw RunError(error, in: stage)
    }
    guard keyColumns != keys.map(\.name) else { return result }
    var names = keys.map(\.name)
    for name in result.columnNames.dropFirst(keys.count) {
      var unique = name
      var n = 2
      while names.contains(unique) {
        unique = "\(name)_\(n)"
        n += 1
      }
      names.append(unique)
    }
    return Table(columnNames: names, columns: result.columns)
  }
}
