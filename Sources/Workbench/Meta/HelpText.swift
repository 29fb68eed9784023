import Engine

/// The words `evs --help` and `.help` print.
enum HelpText {
  /// One pipeline verb: what it does and an example of it.
  struct Verb {
    var name: String
    var summary: String
    var example: String
  }

  /// The pipeline verbs, in the order `.help` lists them.
  static let verbs = [
    Verb(name: "load", summary: "read CSV, TSV, JSON lines", example: #"load "events.csv""#),
    Verb(name: "features", summary: "add process features", example: "procs | features process"),
    Verb(
      name: "extend", summary: "add computed columns",
      example: "procs | extend n = len(CommandLine)"),
    Verb(name: "where", summary: "keep matching rows", example: "procs | where EventID == 4688"),
    Verb(
      name: "select", summary: "keep, rename, compute",
      example: "procs | select Account, NewProcessName"),
    Verb(name: "drop", summary: "remove columns", example: "procs | drop TenantId, EventID"),
    Verb(name: "sort", summary: "stable sort", example: "procs | sort TimeGenerated desc"),
    Verb(name: "head", summary: "first rows (tail: last)", example: "procs | head 10"),
    Verb(name: "top", summary: "sort, then first rows", example: "procs | top 5 by pathScore"),
    Verb(name: "distinct", summary: "unique combinations", example: "procs | distinct Account"),
    Verb(
      name: "groupby", summary: "one row per group",
      example: "procs | groupby Account agg count()"),
    Verb(
      name: "summarize", summary: "aggregates per group",
      example: "procs | summarize count() by Account"),
    Verb(name: "count", summary: "number of rows", example: "procs | count"),
    Verb(
      name: "cluster", summary: "DBSCAN clusters", example: "feats | cluster pathScore eps=0.01"),
    Verb(name: "patterns", summary: "mine text templates", example: "procs | patterns CommandLine"),
    Verb(name: "describe", summary: "per-column statistics", example: "procs | describe"),
    Verb(name: "schema", summary: "column names and types", example: "procs | schema"),
    Verb(name: "plot", summary: "terminal chart", example: "procs | plot bar Account"),
    Verb(name: "save", summary: "write the table", example: #"procs | save "out.csv""#),
    Verb(name: "join", summary: "hash join by key", example: "procs | join logons on Account"),
  ]

  /// The dot commands and what each does.
  static let metaCommands: [(usage: String, summary: String)] = [
    (".help [VERB]", "this list, or one verb"),
    (".vars", "bound names with their sizes"),
    (".schema [NAME]", "columns of a table (default: the last result)"),
    (".width [N|auto]", "width of tables and charts"),
    (".maxrows [N]", "rows shown before the middle is hidden; 0 shows all"),
    (".maxwidth [N]", "widest a table column may be"),
    (".charset [NAME]", "auto, braille, block or ascii"),
    (".read FILE.evs", "run a script (relative to this script's folder)"),
    (".save FILE.evs", "write this session's successful statements as a script"),
    (".quit", "leave (Ctrl-D works too)"),
  ]

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
    return lines
  }

  /// `.help VERB`: the verb's summary and example.
  /// - Throws: `MetaCommandError.unknownTopic` with the closest verbs.
  static func topic(_ name: String) throws(MetaCommandError) -> [String] {
    guard let verb = verbs.first(where: { $0.name == name }) else {
      let suggestions = NameSuggester.closest(to: name, among: verbs.map(\.name))
      throw .unknownTopic(name, suggestions: suggestions)
    }
    return ["\(verb.name): \(verb.summary)", "  example: \(verb.example)"]
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

    Exit status: 0 on success, 1 when a statement failed, 2 for a usage error.
    In the REPL, .help lists the verbs and commands.
    """

  private static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}
