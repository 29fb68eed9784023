import Engine

/// The words `evs --help` and `.help` print.
enum HelpText {
  /// One pipeline verb: what it does, how it is written, and an example of it.
  struct Verb {
    var name: String
    var summary: String
    var form: String
    var aliases: [String] = []
    var example: String
  }

  /// The pipeline verbs, in the order `.help` lists them.
  static let verbs = [
    Verb(
      name: "load", summary: "read CSV, TSV, JSON (.gz)",
      form: #"load "PATH" [format=csv|tsv|jsonl|json] [delimiter=","] [header=true]"#,
      example: #"load "events.csv""#),
    Verb(
      name: "features", summary: "add process features",
      form: "features process [path=COL] [cmdline=COL] [session=COL] [sep=\"\\\\\"]",
      example: "procs | features process"),
    Verb(
      name: "extend", summary: "add computed columns", form: "extend NAME = EXPR, ...",
      example: "procs | extend n = len(CommandLine)"),
    Verb(
      name: "where", summary: "keep matching rows", form: "where EXPR", aliases: ["filter"],
      example: "procs | where EventID == 4688"),
    Verb(
      name: "select", summary: "keep, rename, compute", form: "select COL, NAME = EXPR, ...",
      aliases: ["project"], example: "procs | select Account, NewProcessName"),
    Verb(
      name: "drop", summary: "remove columns", form: "drop COL, ...",
      aliases: ["project-away"], example: "procs | drop TenantId, EventID"),
    Verb(
      name: "sort", summary: "stable sort", form: "sort COL [asc|desc], ...",
      aliases: ["sort by", "order by"], example: "procs | sort TimeGenerated desc"),
    Verb(
      name: "head", summary: "first rows", form: "head N", aliases: ["take", "limit"],
      example: "procs | head 10"),
    Verb(name: "tail", summary: "last rows", form: "tail N", example: "procs | tail 10"),
    Verb(
      name: "top", summary: "sort, then first rows", form: "top N by COL [asc|desc]",
      example: "procs | top 5 by pathScore desc"),
    Verb(
      name: "distinct", summary: "unique combinations", form: "distinct COL, ...",
      example: "procs | distinct Account"),
    Verb(
      name: "groupby", summary: "one row per group", form: "groupby KEY, ... [agg AGG, ...]",
      example: "procs | groupby Account agg count()"),
    Verb(
      name: "summarize", summary: "aggregates per group", form: "summarize AGG, ... by KEY, ...",
      example: "procs | summarize count() by Account"),
    Verb(name: "count", summary: "number of rows", form: "count", example: "procs | count"),
    Verb(
      name: "cluster", summary: "DBSCAN clusters",
      form: "cluster COL, ... [eps=0.01] [min=2] [normalize=true] [time=COL] [keep=exemplars|all]",
      example: "feats | cluster pathScore eps=0.01"),
    Verb(
      name: "describe", summary: "per-column statistics", form: "describe",
      example: "procs | describe"),
    Verb(
      name: "schema", summary: "column names and types", form: "schema",
      example: "procs | schema"),
    Verb(
      name: "plot", summary: "terminal chart",
      form: "plot bar|hist|box|scatter|line|timechart|timeline COL ... [title=\"...\"]",
      aliases: ["plot-ascii", "render"], example: "procs | plot bar Account"),
    Verb(
      name: "save", summary: "write CSV or TSV", form: #"save "PATH[.gz]" [format=csv|tsv]"#,
      example: #"procs | save "out.csv""#),
    Verb(
      name: "join", summary: "hash join by key",
      form: "join NAME on COL [= COL], ... [kind=inner|left]",
      example: "procs | join logons on Account"),
  ]

  /// The dot commands and what each does.
  static let metaCommands: [(usage: String, summary: String)] = [
    (".help [TOPIC]", "this list, or one verb, command or topic"),
    (".vars", "bound names with their sizes"),
    (".schema [NAME]", "columns of a table (default: the last result)"),
    (".mode [MODE]", "table, csv, tsv, json, jsonl, markdown or line"),
    (".width [N|auto]", "width of tables and charts"),
    (".maxrows [N]", "rows shown before the middle is hidden; 0 shows all"),
    (".maxwidth [N]", "widest a table column may be"),
    (".charset [NAME]", "auto, braille, block or ascii"),
    (".timer [on|off]", "time each statement and its stages, rows in → out"),
    (".bail [on|off]", "stop a script at its first error (on unless --keep-going)"),
    (".echo [on|off]", "print each statement before its output"),
    (".output [FILE]", "results to FILE, written when closed; alone: to the screen"),
    (".last", "the last result in full, through $PAGER on a terminal"),
    (".history", "the statements typed at the REPL"),
    (".read FILE.evs", "run a script (relative to this script's folder)"),
    (".save FILE.evs", "write this session's successful statements as a script"),
    (".quit", "leave (Ctrl-D works too)"),
  ]

  /// Topics that are neither verbs nor dot commands.
  static let extraTopics = ["functions", "aggregates", "operators", "keys"]

  /// Every topic `.help` knows, for completion.
  static var topics: [String] {
    verbs.map(\.name) + metaCommands.map { String($0.usage.prefix(while: { $0 != " " })) }
      + extraTopics
  }

  /// `.help`: every verb with an example, then the dot commands.
  static var overview: [String] {
    let nameWidth = verbs.map(\.name.count).max() ?? 0
    let summaryWidth = verbs.map(\.summary.count).max() ?? 0
    var lines = ["Statements: let NAME = PIPELINE binds; a bare PIPELINE shows its result.", ""]
    lines.append("Verbs:")
    for verb in verbs {
      lines.append(
        "  " + pad(verb.name, nameWidth) + "  " + pad(verb.summary, summaryWidth) + "  "
          + verb.example)
    }
    lines.append("")
    lines.append("Commands:")
    let usageWidth = metaCommands.map(\.usage.count).max() ?? 0
    for command in metaCommands {
      lines.append("  " + pad(command.usage, usageWidth) + "  " + command.summary)
    }
    lines.append("")
    lines += continuationRules
    lines.append(".help VERB shows its form; other topics: functions, aggregates, operators, keys.")
    return lines
  }

  /// How statements continue over lines at the REPL.
  static let continuationRules = [
    "A line ending in | asks for the next line. At the REPL a line starting with |",
    "continues the statement before it: after let NAME = ... it extends NAME",
    "(let NAME = NAME | ...), otherwise it applies to _, the last result.",
  ]

  /// `.help TOPIC`: a verb's form and example, a dot command, or a list.
  /// - Throws: `MetaCommandError.unknownTopic` with the closest topics.
  static func topic(_ name: String) throws(MetaCommandError) -> [String] {
    let isAlias = { (alias: String) in alias == name || alias.hasPrefix(name + " ") }
    if let verb = verbs.first(where: { $0.name == name || $0.aliases.contains(where: isAlias) }) {
      var lines = ["\(verb.name): \(verb.summary)", "  form:    \(verb.form)"]
      if !verb.aliases.isEmpty {
        lines.append("  aliases: " + verb.aliases.joined(separator: ", "))
      }
      lines.append("  example: \(verb.example)")
      return lines
    }
    let dotted = name.hasPrefix(".") ? name : "." + name
    if let command = metaCommands.first(where: { $0.usage.split(separator: " ")[0] == dotted }) {
      return ["\(command.usage): \(command.summary)"]
    }
    switch name {
    case "functions":
      let spellings = FunctionLibrary.kqlSpellings.sorted { $0.key < $1.key }
        .map { "\($0.key) (= \($0.value))" }
      return ["Functions:"] + wrapped(FunctionLibrary.names) + ["KQL's spellings:"]
        + wrapped(spellings)
    case "aggregates":
      let names =
        AggregateFunction.allCases.map { "\($0.rawValue)()" } + ["avg() (= mean)", "countif()"]
      return ["Aggregates, in groupby ... agg and summarize:"] + wrapped(names)
    case "keys": return keys
    case "operators": return operators
    default:
      let suggestions = NameSuggester.closest(to: name, among: topics)
      throw .unknownTopic(name, suggestions: suggestions)
    }
  }

  /// `.help operators`.
  static let operators = [
    "Operators, tightest first:",
    "  not, unary -;  * / %;  + -;",
    "  == != < <= > >=, =~ !~ (ignoring case), in (...) !in (...) in~ (...) !in~ (...),",
    "  contains !contains has !has startswith !startswith endswith !endswith",
    "  (ignoring case), matches \"regex\", between (LOW .. HIGH) !between (...);",
    "  and;  or",
  ]

  /// `.help keys`.
  static let keys =
    [
      "Tab      complete verbs, columns, bound names, functions, files, commands",
      "Ctrl-C   clear the line; while a statement runs, cancel it",
      "Ctrl-D   leave, on an empty line",
      "Ctrl-R   search the history; Up and Down step through it",
    ] + continuationRules

  /// `words` spread over lines of at most 78 columns, each indented by two spaces.
  private static func wrapped(_ words: [String]) -> [String] {
    var lines: [String] = []
    var line = " "
    for word in words {
      if line.count + word.count + 1 > 78 {
        lines.append(line)
        line = " "
      }
      line += " " + word
    }
    if line.count > 1 { lines.append(line) }
    return lines
  }

  /// `evs --help`.
  static let usage = """
    evs: a workbench for investigating security events

    Usage:
      evs                       the REPL; a script piped to stdin runs instead
      evs run FILE.evs [OPTS]   run a script
      evs check FILE.evs        compare outputs with the #> lines; --update records
      evs play FILE.evs         walk through a script one statement at a time
      evs -c "STMTS" [OPTS]     run statements given on the command line
      evs --help                show this help
      evs --version             show the version

    Options for run and -c:
      --keep-going              run on after an error (the exit status is still 1)
      --echo                    print each statement before its output
      --param NAME=VALUE        set a script parameter (repeatable)
      --trace                   each stage's rows and time, on standard error

    Exit status: 0 on success, 1 when a statement failed, 2 for a usage error.
    In the REPL, .help lists the verbs and commands.
    """

  private static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}
