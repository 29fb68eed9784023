import Engine
import Foundation

/// The statement typed before the word being completed, cut into its pipeline parts.
struct PipelinePrefix {
  /// The tokens of the source, before the first `|`; empty for a line that starts
  /// with `|`, whose source is `_`.
  var source: ArraySlice<Token>
  /// The stages between the source and the one being typed.
  var stages: [ArraySlice<Token>]
  /// The stage being typed, verb first; nil while the source is being typed.
  var current: ArraySlice<Token>?

  /// The pipeline part of `tokens`; nil where no pipeline is being typed (a `let`
  /// name, a `param`).
  init?(_ tokens: [Token]) {
    var rest = tokens[...]
    if rest.first?.isKeyword("param") == true { return nil }
    if rest.first?.isKeyword("let") == true {
      guard rest.count >= 3, rest[rest.startIndex + 2].isSymbol("=") else { return nil }
      rest = rest.dropFirst(3)
    }

    var parts: [ArraySlice<Token>] = []
    var depth = 0
    var start = rest.startIndex
    for index in rest.indices {
      if rest[index].isSymbol("(") { depth += 1 }
      if rest[index].isSymbol(")") { depth = max(0, depth - 1) }
      if rest[index].isSymbol("|") && depth == 0 {
        parts.append(rest[start..<index])
        start = index + 1
      }
    }
    parts.append(rest[start...])

    source = parts[0]
    stages = parts.count > 2 ? Array(parts[1..<(parts.count - 1)]) : []
    current = parts.count > 1 ? parts[parts.count - 1] : nil
  }
}

extension Completer {
  /// Operators written as words, offered after a complete operand.
  static let operatorWords = [
    "and", "or", "contains", "startswith", "endswith", "matches", "has", "in",
  ]

  /// Words that continue an expression rather than end an operand.
  private static let expressionKeywords: Set<String> = [
    "and", "or", "not", "in", "contains", "startswith", "endswith", "matches", "has",
  ]

  /// What may come after `tokens`, the statement up to the word being completed.
  func candidates(after tokens: [Token]) -> [Candidate] {
    if tokens.isEmpty {
      return [Candidate("let"), Candidate("param"), Self.load] + sourceNames
    }
    guard let prefix = PipelinePrefix(tokens) else { return [] }
    guard let current = prefix.current else { return sourceCandidates(prefix.source) }
    let schema = self.schema(of: prefix)
    return stageCandidates(current, columns: schema?.columns ?? [])
  }

  /// The columns of the pipeline in `tokens` at its end, for a `` ` `` name.
  func columns(before tokens: [Token]) -> [String] {
    guard let prefix = PipelinePrefix(tokens), prefix.current != nil else { return [] }
    return schema(of: prefix)?.names ?? []
  }

  // MARK: Schema

  /// The schema after the source and the complete stages, as far as they check.
  private func schema(of prefix: PipelinePrefix) -> Schema? {
    guard let source = sourceSchema(prefix.source) else { return nil }
    var stages: [Stage] = []
    for tokens in prefix.stages {
      var parser = Parser(tokens: Self.ended(tokens))
      guard let stage = try? parser.parseStage(), (try? parser.expectEnd()) != nil else { break }
      stages.append(stage)
    }
    let names = bindings
    let interpreter = Interpreter(bindings: names, baseDirectory: session.baseDirectory)
    let checker = PipelineChecker(
      scalars: interpreter.scalarTypes, tables: interpreter.tableSchemas)
    return checker.schema(after: stages, from: source)
  }

  private func sourceSchema(_ tokens: ArraySlice<Token>) -> Schema? {
    if tokens.isEmpty { return tableSchema(named: "_") }
    var parser = Parser(tokens: Self.ended(tokens))
    guard let source = try? parser.parseSource(), (try? parser.expectEnd()) != nil else {
      return nil
    }
    switch source {
    case .name(let name, _): return tableSchema(named: name)
    case .load(let path, _, _): return Self.headerSchema(ofFile: resolve(path))
    case .expression: return nil
    }
  }

  private func tableSchema(named name: String) -> Schema? {
    guard case .table(let table)? = session.binding(name) else { return nil }
    return Schema(table)
  }

  /// The column names in the first line of a CSV or TSV file, types unknown; nil for
  /// compressed or unreadable files.
  static func headerSchema(ofFile path: String) -> Schema? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: 65_536), !data.isEmpty else { return nil }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0x1F, 0x8B]) { return nil }
    if let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) {
      bytes = Array(bytes[...newline])
    } else if data.count == 65_536 {
      return nil
    }
    guard let loaded = try? TableReader.read(bytes: bytes, name: path) else { return nil }
    return Schema(loaded.table.columnNames.map { ($0, nil) })
  }

  private func resolve(_ path: String) -> String {
    session.resolve(path)
  }

  /// The session's bindings by name, as the interpreter sees them.
  private var bindings: [String: Output] {
    var result: [String: Output] = [:]
    for name in session.bindingNames + ["_"] {
      if let output = session.binding(name) { result[name] = output }
    }
    return result
  }

  private static func ended(_ tokens: ArraySlice<Token>) -> [Token] {
    let end = tokens.last.map { $0.offset + $0.length } ?? 0
    return Array(tokens) + [Token(kind: .end, offset: end, length: 1)]
  }

  // MARK: Sources

  /// Bound names a pipeline may start from, in binding order, then `_`.
  private var sourceNames: [Candidate] {
    let names = session.bindingNames + (session.lastResult == nil ? [] : ["_"])
    return names.map { Candidate($0) }
  }

  private var tableNames: [Candidate] {
    session.bindingNames.filter {
      if case .table? = session.binding($0) { return true }
      return false
    }.map { Candidate($0) }
  }

  private var scalarNames: [Candidate] {
    session.bindingNames.filter {
      if case .value? = session.binding($0) { return true }
      return false
    }.map { Candidate($0) }
  }

  private func sourceCandidates(_ source: ArraySlice<Token>) -> [Candidate] {
    guard let first = source.first else { return sourceNames + [Self.load] }
    if first.isKeyword("load") {
      guard source.count >= 2, case .string = source[source.startIndex + 1].kind else {
        return []
      }
      let arguments = source.dropFirst(2)
      return optionValue(arguments, verb: "load", columns: []) ?? options("load", given: arguments)
    }
    if source.count == 1, session.binding(first.name ?? "") != nil { return [] }
    return expression(source, columns: [])
  }

  // MARK: Stages

  private func stageCandidates(
    _ stage: ArraySlice<Token>, columns: [(name: String, type: ColumnType?)]
  ) -> [Candidate] {
    guard let verbToken = stage.first else { return Self.verbs }
    guard let written = verbToken.identifier, let verb = Verb.names[written] else { return [] }
    let arguments = stage.dropFirst()
    let names = columns.map(\.name)
    if let values = optionValue(arguments, verb: verb, columns: names) { return values }

    switch verb {
    case "where": return expression(arguments, columns: names)
    case "extend", "select": return assignments(arguments, columns: names)
    case "drop", "distinct": return Self.columnCandidates(names)
    case "sort": return sortKeys(arguments, written: written, columns: names)
    case "top": return topArguments(arguments, columns: names)
    case "groupby": return groupby(arguments, columns: names)
    case "summarize": return summarize(arguments, columns: names)
    case "cluster": return cluster(arguments, columns: columns)
    case "plot": return plot(arguments, columns: names)
    case "features":
      return arguments.isEmpty ? [Candidate("process")] : options("features", given: arguments)
    case "join": return join(arguments, columns: names)
    case "save": return arguments.isEmpty ? [] : options("save", given: arguments)
    default: return []
    }
  }

  /// `load`, followed by the quote its path starts with.
  static let load = Candidate("load", terminator: " \"")

  static var verbs: [Candidate] {
    Verb.names.keys.sorted().map { Candidate($0) }
  }

  static func columnCandidates(_ names: [String]) -> [Candidate] {
    names.map { name in
      let plain =
        name.first.map { $0.isLetter || $0 == "_" } == true && name.allSatisfy(isNameCharacter)
      return Candidate(plain ? name : "`\(name)`")
    }
  }

  /// After `NAME =` of an option: columns, or the option's few possible values.
  private func optionValue(_ arguments: ArraySlice<Token>, verb: String, columns: [String])
    -> [Candidate]?
  {
    guard arguments.count >= 2, arguments.last?.isSymbol("=") == true,
      let option = arguments[arguments.endIndex - 2].identifier,
      VerbOptions.byVerb[verb]?.contains(option) == true
    else { return nil }
    if VerbOptions.columnValued[verb]?.contains(option) == true {
      return Self.columnCandidates(columns)
    }
    return (VerbOptions.choices[option] ?? []).map { Candidate($0) }
  }

  /// The verb's options not given yet, as `name=`.
  private func options(_ verb: String, given arguments: ArraySlice<Token>) -> [Candidate] {
    let given = Set(
      arguments.indices.dropLast().compactMap { index in
        arguments[index + 1].isSymbol("=") ? arguments[index].identifier : nil
      })
    return (VerbOptions.byVerb[verb] ?? []).filter { !given.contains($0) }
      .map { Candidate($0 + "=", terminator: "") }
  }

  /// Inside an expression: operators after an operand, else columns, bound values and
  /// functions.
  private func expression(_ tokens: ArraySlice<Token>, columns: [String]) -> [Candidate] {
    if let last = tokens.last {
      if last.isSymbol("!") { return ["contains", "in"].map { Candidate($0) } }
      if Self.endsOperand(last) { return Self.operatorWords.map { Candidate($0) } }
    }
    let functions = (FunctionLibrary.names + FunctionLibrary.kqlSpellings.keys.sorted())
      .map { Candidate($0, terminator: "(") }
    return Self.columnCandidates(columns) + scalarNames + functions
  }

  private static func endsOperand(_ token: Token) -> Bool {
    switch token.kind {
    case .identifier(let word): return !expressionKeywords.contains(word)
    case .quotedName, .string, .integer, .float, .duration: return true
    case .symbol(let symbol): return symbol == ")"
    case .end: return false
    }
  }

  /// `extend` and `select`: a name to assign, or the expression after `NAME =`.
  private func assignments(_ arguments: ArraySlice<Token>, columns: [String]) -> [Candidate] {
    let item = Self.currentItem(arguments)
    if item.count >= 2, item[item.startIndex + 1].isSymbol("=") {
      return expression(item.dropFirst(2), columns: columns)
    }
    return item.isEmpty ? Self.columnCandidates(columns) : expression(item, columns: columns)
  }

  /// The tokens after the last `,` outside parentheses.
  private static func currentItem(_ tokens: ArraySlice<Token>) -> ArraySlice<Token> {
    var depth = 0
    var start = tokens.startIndex
    for index in tokens.indices {
      if tokens[index].isSymbol("(") { depth += 1 }
      if tokens[index].isSymbol(")") { depth = max(0, depth - 1) }
      if tokens[index].isSymbol(","), depth == 0 { start = index + 1 }
    }
    return tokens[start...]
  }

  private static func isOpenParenthesis(_ tokens: ArraySlice<Token>) -> Bool {
    tokens.reduce(0) { $0 + ($1.isSymbol("(") ? 1 : $1.isSymbol(")") ? -1 : 0) } > 0
  }

  private func sortKeys(_ arguments: ArraySlice<Token>, written: String, columns: [String])
    -> [Candidate]
  {
    guard let last = arguments.last else {
      return written == "order" ? [Candidate("by")] : Self.columnCandidates(columns)
    }
    if last.isSymbol(",") || last.isKeyword("by") { return Self.columnCandidates(columns) }
    if last.isKeyword("asc") || last.isKeyword("desc") { return [] }
    return last.name != nil ? [Candidate("asc"), Candidate("desc")] : []
  }

  private func topArguments(_ arguments: ArraySlice<Token>, columns: [String]) -> [Candidate] {
    switch arguments.count {
    case 1: return [Candidate("by")]
    case 2: return Self.columnCandidates(columns)
    case 3: return [Candidate("asc"), Candidate("desc")]
    default: return []
    }
  }

  private func groupby(_ arguments: ArraySlice<Token>, columns: [String]) -> [Candidate] {
    if let agg = arguments.firstIndex(where: { $0.isKeyword("agg") }) {
      return aggregation(arguments[(agg + 1)...], columns: columns)
    }
    guard let last = arguments.last, !last.isSymbol(",") else {
      return Self.columnCandidates(columns) + (arguments.isEmpty ? [Candidate("agg")] : [])
    }
    return last.name != nil ? [Candidate("agg")] : []
  }

  private func summarize(_ arguments: ArraySlice<Token>, columns: [String]) -> [Candidate] {
    if let by = arguments.firstIndex(where: { $0.isKeyword("by") }) {
      let keys = arguments[(by + 1)...]
      guard let last = keys.last, !last.isSymbol(","), !last.isSymbol("(") else {
        return Self.columnCandidates(columns)
      }
      return []
    }
    if arguments.last?.isSymbol(")") == true, !Self.isOpenParenthesis(arguments) {
      return [Candidate("by")]
    }
    return aggregation(arguments, columns: columns)
  }

  /// After `agg` or in `summarize`: aggregate functions, or a column inside `(`.
  private func aggregation(_ tokens: ArraySlice<Token>, columns: [String]) -> [Candidate] {
    if Self.isOpenParenthesis(tokens) {
      return tokens.last?.isSymbol("(") == true ? Self.columnCandidates(columns) : []
    }
    guard let last = tokens.last, !last.isSymbol(","), !last.isSymbol("=") else {
      let names = AggregateFunction.allCases.map(\.rawValue) + ["avg"]
      return names.sorted().map { Candidate($0, terminator: "(") }
    }
    return []
  }

  private func cluster(
    _ arguments: ArraySlice<Token>, columns: [(name: String, type: ColumnType?)]
  ) -> [Candidate] {
    guard let last = arguments.last, !last.isSymbol(",") else {
      let numeric = columns.filter { $0.type == nil || $0.type?.isNumeric == true }
      return Self.columnCandidates(numeric.map(\.name))
    }
    return options("cluster", given: arguments)
  }

  private func plot(_ arguments: ArraySlice<Token>, columns: [String]) -> [Candidate] {
    guard arguments.first != nil else {
      return ChartKind.allCases.map { Candidate($0.rawValue) }
    }
    if arguments.last?.isKeyword("by") == true { return Self.columnCandidates(columns) }
    let given = options("plot", given: arguments)
    guard given.count == VerbOptions.plot.count else { return given }
    return Self.columnCandidates(columns) + [Candidate("by")] + given
  }

  private func join(_ arguments: ArraySlice<Token>, columns: [String]) -> [Candidate] {
    guard let table = arguments.first?.name else { return tableNames }
    guard let on = arguments.firstIndex(where: { $0.isKeyword("on") }) else {
      return arguments.count == 1 ? [Candidate("on")] : []
    }
    let keys = arguments[(on + 1)...]
    guard let last = keys.last, !last.isSymbol(",") else { return Self.columnCandidates(columns) }
    if last.isSymbol("=") { return Self.columnCandidates(tableSchema(named: table)?.names ?? []) }
    return last.name != nil ? options("join", given: keys) : []
  }
}
