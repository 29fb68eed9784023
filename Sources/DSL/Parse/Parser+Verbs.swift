import Engine

/// The arguments of each verb (LANGUAGE.md, "Pipelines").
extension Parser {
  mutating func parseStage() throws(ParseError) -> Stage {
    names = []
    directionLeftOut = false
    givenNames = []
    let start = current
    guard var word = current.identifier else {
      throw error("expected a verb after '|', found \(current.display)")
    }
    advance()
    if word == "project" || word == "plot", current.isSymbol("-"), let tail = peek().identifier,
      current.offset == start.offset + start.length
    {
      advance()
      advance()
      word += "-" + tail
    }
    guard let verbName = Verb.names[word] else {
      let hint = NameSuggester.didYouMean(
        NameSuggester.closest(to: word, among: Array(Verb.names.keys).sorted()))
      throw error("unknown verb '\(word)'\(hint)", at: start)
    }
    let verb = try parseArguments(verb: verbName, written: word)
    let end = tokens[max(0, position - 1)]
    var stage = Stage(verb: verb, span: Span(start).through(Span(end)), names: names)
    if word == "order" || word == "top", directionLeftOut {
      let (verb, form) =
        word == "top" ? ("top", "top N by COL desc") : ("order by", "order by COL desc")
      stage.note =
        "\(verb) sorts ascending unless desc is written; KQL's \(verb) sorts descending,"
        + " so write \(form) for the largest first"
    }
    return stage
  }

  private mutating func parseArguments(verb: String, written: String) throws(ParseError)
    -> Verb
  {
    switch verb {
    case "features":
      guard current.isKeyword("process") else {
        throw error("expected 'process' after 'features' (the one feature set there is)")
      }
      advance()
      let options = try parseOptions(
        allowed: VerbOptions.features, verb: "features process")
      for (name, entry) in options.entries {
        if case .name(let column) = entry.value, name != "sep" {
          names.append((column, entry.span))
        }
      }
      return .features(kind: "process", options)
    case "extend": return .extend(try parseAssignments(requireName: true))
    case "where": return .whereRows(try parseExpression())
    case "select": return .select(try parseAssignments(requireName: false))
    case "drop": return .drop(try parseNameList("a column to drop"))
    case "sort":
      if written == "order" || current.isKeyword("by") {
        guard tryEat(keyword: "by") else { throw error("expected 'by' after 'order'") }
      }
      return .sort(try parseSortKeys())
    case "head": return .head(try parseRowCount())
    case "tail": return .tail(try parseRowCount())
    case "top":
      let n = try parseRowCount()
      guard tryEat(keyword: "by") else { throw error("expected 'by' after 'top \(n)'") }
      return .top(n, try parseSortKey())
    case "distinct": return .distinct(try parseNameList("a column"))
    case "groupby": return try parseGroupby()
    case "summarize": return try parseSummarize()
    case "count": return .count
    case "cluster":
      let columns = try parseNameList("a numeric column to cluster on")
      let options = try parseOptions(
        allowed: VerbOptions.cluster, verb: "cluster")
      if let entry = options.entries["time"], case .name(let column) = entry.value {
        names.append((column, entry.span))
      }
      return .cluster(columns: columns, options)
    case "describe": return .describe
    case "schema": return .schema
    case "plot": return .plot(try parsePlot())
    case "save":
      guard case .string(let path) = current.kind else {
        throw error("expected a quoted path after 'save', as in save \"out.csv\"")
      }
      advance()
      return .save(path: path, try parseOptions(allowed: VerbOptions.save, verb: "save"))
    case "join": return try parseJoin()
    default:
      throw error("the verb '\(written)' is not available yet")
    }
  }

  /// `NAME = EXPR, ...`, or with `requireName: false` also bare column names.
  mutating func parseAssignments(requireName: Bool) throws(ParseError)
    -> [(name: String, Expression)]
  {
    var items: [(name: String, Expression)] = []
    repeat {
      if let name = current.name, peek().isSymbol("=") {
        advance()
        advance()
        items.append((name, try parseExpression()))
      } else if requireName {
        throw error("expected NAME = EXPRESSION, as in extend cmdLen = len(CommandLine)")
      } else {
        let start = current
        let expression = try parseExpression()
        guard case .column(let name) = expression else {
          throw error(
            "a computed column needs a name, as in select n = len(CommandLine)", at: start)
        }
        items.append((name, expression))
      }
    } while tryEat(symbol: ",")
    return items
  }

  mutating func parseNameList(_ what: String) throws(ParseError) -> [String] {
    var list: [String] = []
    repeat {
      list.append(try expectName(what))
    } while tryEat(symbol: ",")
    return list
  }

  mutating func parseSortKeys() throws(ParseError) -> [SortKey] {
    var keys: [SortKey] = []
    repeat { keys.append(try parseSortKey()) } while tryEat(symbol: ",")
    return keys
  }

  mutating func parseSortKey() throws(ParseError) -> SortKey {
    let name = try expectName("a column to sort by")
    if tryEat(keyword: "desc") { return SortKey(name, descending: true) }
    if !tryEat(keyword: "asc") { directionLeftOut = true }
    return SortKey(name)
  }

  mutating func parseGroupby() throws(ParseError) -> Verb {
    var keys: [(name: String, Expression)] = []
    if !current.isKeyword("agg") { keys = try parseGroupKeys() }
    var aggregations: [Aggregation] = []
    var inputs: [(name: String, Expression)] = []
    if tryEat(keyword: "agg") {
      repeat {
        aggregations.append(try parseAggregation(inputs: &inputs))
        try refuseArithmeticOnAggregates()
      } while tryEat(symbol: ",")
    }
    return .groupby(
      keys: keys, aggregations.isEmpty ? [Aggregation(.count)] : aggregations, inputs: inputs)
  }

  mutating func parseSummarize() throws(ParseError) -> Verb {
    var aggregations: [Aggregation] = []
    var inputs: [(name: String, Expression)] = []
    if !current.isKeyword("by") {
      repeat {
        aggregations.append(try parseAggregation(inputs: &inputs))
        try refuseArithmeticOnAggregates()
      } while tryEat(symbol: ",")
    }
    var keys: [(name: String, Expression)] = []
    if tryEat(keyword: "by") { keys = try parseGroupKeys() }
    return .groupby(
      keys: keys, aggregations.isEmpty ? [Aggregation(.count)] : aggregations, inputs: inputs)
  }

  /// `KEY, ...` where a key is a column, `NAME = EXPR` or an expression. As in KQL,
  /// `bin(TimeGenerated, 1h)` keeps its column's name and other expressions are called
  /// `Column1`, `Column2`, ...
  mutating func parseGroupKeys() throws(ParseError) -> [(name: String, Expression)] {
    var keys: [(name: String, Expression)] = []
    var unnamed = 0
    repeat {
      if let name = current.name, peek().isSymbol("=") {
        try claim(name)
        advance()
        advance()
        keys.append((name, try parseExpression()))
        continue
      }
      guard current.name != nil || current.isSymbol("(") else {
        throw error("expected a column to group by, found \(current.display)")
      }
      let expression = try parseExpression()
      if case .column(let name) = expression {
        keys.append((name, expression))
      } else if case .call("bin", let arguments) = expression,
        case .column(let name)? = arguments.first
      {
        keys.append((name, expression))
      } else {
        unnamed += 1
        keys.append(("Column\(unnamed)", expression))
      }
    } while tryEat(symbol: ",")
    return keys.enumerated().map { index, key in
      let earlier = keys[..<index].filter { $0.name == key.name }.count
      return earlier == 0 ? key : ("\(key.name)_\(earlier + 1)", key.1)
    }
  }

  /// Refuses a column name given twice in one grouping, with the caret at the second.
  mutating func claim(_ name: String) throws(ParseError) {
    guard !givenNames.contains(name) else {
      throw error("the name '\(name)' is given twice; give one of them another name")
    }
    givenNames.insert(name)
  }

  /// Refuses `max(T) - min(T)` in an aggregate list, saying how to get it.
  func refuseArithmeticOnAggregates() throws(ParseError) {
    guard ["+", "-", "*", "/", "%"].contains(where: current.isSymbol) else { return }
    throw error(
      "aggregates cannot be combined with operators here; name them and compute in a"
        + " following extend, as in summarize a = max(X), b = min(X) | extend span = a - b")
  }

  /// KQL's aggregates that are the language's under another name.
  static let kqlAggregates = ["make_set": "values"]

  /// What to write instead of KQL's aggregates the language does not have.
  static let aggregateHints = [
    "make_list": "values(X) lists the distinct values",
    "arg_max": "sort by X desc | head 1 gives the row with the largest X",
    "arg_min": "sort by X | head 1 gives the row with the smallest X",
    "percentile": "median(X) is the 50th percentile",
    "percentiles": "median(X) is the 50th percentile",
    "avgif": "extend a column with iff(CONDITION, X, null), then avg() it",
    "sumif": "extend a column with iff(CONDITION, X, 0), then sum() it",
  ]

  /// `[NAME =] FUNCTION([ARGUMENT])`, where the argument is a column or an expression, and
  /// KQL's `countif(CONDITION)`. An expression argument becomes one of `inputs`, a column
  /// computed before grouping and named after its text.
  mutating func parseAggregation(inputs: inout [(name: String, Expression)]) throws(ParseError)
    -> Aggregation
  {
    var outputName: String?
    if let name = current.name, peek().isSymbol("=") {
      try claim(name)
      advance()
      advance()
      outputName = name
    }
    let token = current
    guard let word = current.identifier, peek().isSymbol("(") else {
      throw error("expected an aggregate such as count() or dcount(Account)")
    }
    let named =
      word == "countif" ? .sum : AggregateFunction(name: Self.kqlAggregates[word] ?? word)
    guard var function = named else {
      let all = AggregateFunction.allCases.map(\.rawValue) + ["avg", "countif"]
      let hint =
        Self.aggregateHints[word].map { "; \($0)" }
        ?? NameSuggester.didYouMean(NameSuggester.closest(to: word, among: all))
      throw error("unknown aggregate '\(word)'\(hint)", at: token)
    }
    advance()
    advance()
    var argument: Expression?
    if !current.isSymbol(")") { argument = try parseExpression() }
    try expect(symbol: ")", "to close \(word)(")
    if word == "countif" {
      guard let condition = argument else {
        throw error("countif() needs a condition, as in countif(LogonType == 10)", at: token)
      }
      argument = .call("iff", [condition, .literal(.int(1)), .literal(.int(0))])
    }
    // count(X) counts the rows where X is not null, as in SQL.
    if word == "count", let counted = argument {
      outputName = outputName ?? counted.anchor.map { "count_\($0)" } ?? "count"
      argument = .call(
        "iff", [.call("isnotnull", [counted]), .literal(.int(1)), .literal(.int(0))])
      function = .sum
    }
    guard let argument else {
      if function.takesArgument {
        throw error("\(word)() needs a column, as in \(word)(Account)", at: token)
      }
      return Aggregation(function, nil, name: outputName)
    }
    if case .column(let column) = argument {
      return Aggregation(function, column, name: outputName)
    }

    let input = argument.text
    if !inputs.contains(where: { $0.name == input }) { inputs.append((input, argument)) }
    let used = Set(argument.columnNames)
    let defaultName =
      word == "countif" ? "countif" : used.count == 1 ? "\(word)_\(used.first ?? "")" : word
    return Aggregation(function, input, name: outputName ?? defaultName)
  }

  mutating func parseJoin() throws(ParseError) -> Verb {
    guard let table = current.name else {
      throw error("expected the name of a bound table after 'join', as in join logons on Account")
    }
    advance()
    guard tryEat(keyword: "on") else { throw error("expected 'on' after 'join \(table)'") }
    var keys: [(left: String, right: String)] = []
    repeat {
      let left = try expectName("a key column")
      let right = tryEat(symbol: "=") ? try expectName("a key column of \(table)") : left
      keys.append((left, right))
    } while tryEat(symbol: ",")
    let options = try parseOptions(allowed: VerbOptions.join, verb: "join")
    let kindText = options["kind"]?.text ?? "inner"
    guard let kind = JoinKind(rawValue: kindText) else {
      throw ParseError(
        "join kind must be inner or left, not '\(kindText)'",
        offset: options.entries["kind"]?.span.offset ?? current.offset)
    }
    return .join(table: table, keys: keys, kind: kind)
  }

  mutating func parsePlot() throws(ParseError) -> ChartSpec {
    let kindToken = current
    guard let word = current.identifier, let kind = ChartKind(rawValue: word) else {
      let all = ChartKind.allCases.map(\.rawValue)
      let hint = NameSuggester.didYouMean(
        NameSuggester.closest(to: current.identifier ?? "", among: all))
      throw error(
        "expected a chart kind (\(all.joined(separator: ", "))) after 'plot'\(hint)",
        at: kindToken)
    }
    advance()
    var columns: [String] = []
    while current.name != nil, !peek().isSymbol("="), !current.isKeyword("by") {
      columns.append(try expectName("a column"))
    }
    var by: String?
    if current.isKeyword("by"), !peek().isSymbol("=") {
      advance()
      by = try expectName("a column to split by")
    }
    let options = try parseOptions(allowed: VerbOptions.plot, verb: "plot \(word)")
    var values: [String: Value] = [:]
    for (name, entry) in options.entries {
      switch entry.value {
      case .literal(let v): values[name] = v
      case .name(let s):
        values[name] = .string(s)
        if ["label", "color", "by"].contains(name) { names.append((s, entry.span)) }
      }
    }
    if by == nil, case .string(let column)? = values["by"] { by = column }
    return ChartSpec(kind: kind, columns: columns, by: by, options: values)
  }
}
