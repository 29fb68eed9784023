import DSL
import Engine

/// A dot command, typed at the REPL or written in a script: `.help`, `.width 100`...
enum MetaCommand: Equatable {
  /// `.help [topic]`: the verbs and dot commands, or one verb.
  case help(topic: String?)
  /// `.vars`: the bound names with their sizes.
  case vars
  /// `.schema [NAME]`: a bound table's columns and types; the last result without NAME.
  case schema(name: String?)
  /// `.width [N|auto]`: nil shows the current width, 0 follows the terminal again.
  case width(Int?)
  /// `.maxrows [N]`: nil shows the current limit, 0 shows every row.
  case maxRows(Int?)
  /// `.maxwidth [N]`: nil shows the current cap on a column's width.
  case maxColumnWidth(Int?)
  /// `.charset [auto|braille|block|ascii]`: nil shows the current choice.
  case charset(DisplaySettings.CharsetChoice?)
  /// `.mode [table|csv|tsv|json|jsonl|markdown|line]`: nil shows the current mode.
  case mode(OutputMode?)
  /// `.timer [on|off]`: time each statement and its stages; nil shows the setting.
  case timer(Bool?)
  /// `.bail [on|off]`: whether a script stops at its first error; nil shows it.
  case bail(Bool?)
  /// `.echo [on|off]`: print each statement before its output; nil shows it.
  case echo(Bool?)
  /// `.output [FILE]`: send results to FILE; without one, back to the screen.
  case output(String?)
  /// `.last`: the last result in full.
  case last
  /// `.history`: the statements typed at the REPL, numbered.
  case history
  /// `.read FILE.evs`: run another script, relative to the current script's folder.
  case read(String)
  /// `.save FILE.evs`: write the session's successful statements as a script.
  case save(String)
  /// `.quit` (alias `.exit`): end the REPL or the script.
  case quit

  /// The commands this workbench understands, for suggestions and `.help`.
  static let names = [
    ".help", ".vars", ".schema", ".mode", ".width", ".maxrows", ".maxwidth", ".charset",
    ".timer", ".bail", ".echo", ".output", ".last", ".history", ".read", ".save", ".quit",
    ".exit",
  ]

  /// Commands of the language contract this workbench does not offer yet.
  static let unavailableNames: [String] = []

  /// The commands with what their arguments are, for Tab completion.
  static var completions: [CompletableCommand] {
    let switches = CompletableCommand.Argument.words(["on", "off"])
    return [
      CompletableCommand(".help", .words(HelpText.topics)),
      CompletableCommand(".vars"), CompletableCommand(".schema", .boundName),
      CompletableCommand(".mode", .words(OutputMode.allCases.map(\.rawValue))),
      CompletableCommand(".width", .words(["auto"])), CompletableCommand(".maxrows", .none),
      CompletableCommand(".maxwidth"),
      CompletableCommand(
        ".charset", .words(DisplaySettings.CharsetChoice.allCases.map(\.rawValue))),
      CompletableCommand(".timer", switches), CompletableCommand(".bail", switches),
      CompletableCommand(".echo", switches), CompletableCommand(".output", .path),
      CompletableCommand(".last"), CompletableCommand(".history"),
      CompletableCommand(".read", .path), CompletableCommand(".save", .path),
      CompletableCommand(".quit"),
      CompletableCommand(".exit"),
    ]
  }

  /// `.maxwidth` takes 0 (no limit of its own) or at least 5 columns.
  private static func maxWidth(_ arguments: [String]) throws(MetaCommandError) -> Int? {
    guard let width = try count(of: ".maxwidth", arguments, minimum: 0) else { return nil }
    guard width == 0 || width >= 5 else {
      throw .invalidArgument(".maxwidth", "\(width)", expected: "0 (no limit) or at least 5")
    }
    return width
  }

  /// Reads one dot command line, such as `.width 100`.
  /// - Throws: `MetaCommandError` for an unknown command or a bad argument.
  static func parse(_ text: String) throws(MetaCommandError) -> MetaCommand {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    let name = words.first ?? text
    let arguments = Array(words.dropFirst())

    switch name {
    case ".help": return .help(topic: try optionalArgument(of: name, arguments))
    case ".vars": return try noArguments(name, arguments, .vars)
    case ".schema": return .schema(name: try optionalArgument(of: name, arguments))
    case ".width":
      return .width(
        try count(
          of: name, arguments, allowingAuto: true, minimum: TerminalInfo.widths.lowerBound,
          maximum: TerminalInfo.widths.upperBound))
    case ".maxrows": return .maxRows(try count(of: name, arguments, minimum: 0))
    case ".maxwidth": return .maxColumnWidth(try maxWidth(arguments))
    case ".charset": return .charset(try charset(arguments))
    case ".mode": return .mode(try mode(arguments))
    case ".timer": return .timer(try onOff(name, arguments))
    case ".bail": return .bail(try onOff(name, arguments))
    case ".echo": return .echo(try onOff(name, arguments))
    case ".output": return .output(path(after: name, in: text))
    case ".last": return try noArguments(name, arguments, .last)
    case ".history": return try noArguments(name, arguments, .history)
    case ".read": return .read(try path(of: name, in: text))
    case ".save": return .save(try path(of: name, in: text))
    case ".quit", ".exit": return try noArguments(name, arguments, .quit)
    default: break
    }

    if unavailableNames.contains(name) { throw .unavailable(name) }
    throw .unknown(name, suggestions: NameSuggester.closest(to: name, among: names))
  }

  /// Whether the command changes how output looks, so a saved script must repeat it.
  var changesDisplay: Bool {
    switch self {
    case .width(_?), .maxRows(_?), .maxColumnWidth(_?), .charset(_?): return true
    default: return false
    }
  }

  /// The one path after `name`: the rest of the line, without surrounding quotes.
  private static func path(of name: String, in text: String) throws(MetaCommandError) -> String {
    var rest = text.drop(while: { $0 == " " || $0 == "\t" }).dropFirst(name.count)
    rest = rest.drop(while: { $0 == " " || $0 == "\t" })
    while let last = rest.last, last == " " || last == "\t" { rest = rest.dropLast() }
    if rest.count >= 2, rest.first == "\"", rest.last == "\"" {
      rest = rest.dropFirst().dropLast()
    }
    guard !rest.isEmpty else { throw .missingArgument(name, expected: "a script file (FILE.evs)") }
    return String(rest)
  }

  private static func noArguments(
    _ name: String, _ arguments: [String], _ command: MetaCommand
  ) throws(MetaCommandError) -> MetaCommand {
    guard arguments.isEmpty else { throw .unexpectedArguments(name, arguments) }
    return command
  }

  private static func optionalArgument(
    of name: String, _ arguments: [String]
  ) throws(MetaCommandError) -> String? {
    guard arguments.count <= 1 else {
      throw .unexpectedArguments(name, Array(arguments.dropFirst()))
    }
    return arguments.first
  }

  /// A whole-number argument of at least `minimum` (or 0 meaning "no limit"/"auto").
  private static func count(
    of name: String, _ arguments: [String], allowingAuto: Bool = false, minimum: Int,
    maximum: Int = .max
  ) throws(MetaCommandError) -> Int? {
    guard let argument = try optionalArgument(of: name, arguments) else { return nil }
    if allowingAuto && argument == "auto" { return 0 }

    let range = maximum == .max ? "of at least \(minimum)" : "from \(minimum) to \(maximum)"
    let expected =
      allowingAuto ? "a number of columns \(range), or auto" : "a whole number \(range)"
    guard let value = Int(argument),
      (minimum...maximum).contains(value) || (allowingAuto && value == 0)
    else {
      throw .invalidArgument(name, argument, expected: expected)
    }
    return value
  }

  private static func mode(_ arguments: [String]) throws(MetaCommandError) -> OutputMode? {
    guard let argument = try optionalArgument(of: ".mode", arguments) else { return nil }
    guard let mode = OutputMode(rawValue: argument) else {
      let modes = OutputMode.allCases.map(\.rawValue).joined(separator: ", ")
      throw .invalidArgument(".mode", argument, expected: "one of " + modes)
    }
    return mode
  }

  private static func onOff(_ name: String, _ arguments: [String]) throws(MetaCommandError)
    -> Bool?
  {
    guard let argument = try optionalArgument(of: name, arguments) else { return nil }
    switch argument {
    case "on": return true
    case "off": return false
    default: throw .invalidArgument(name, argument, expected: "on or off")
    }
  }

  /// The rest of the line after the command, without surrounding quotes; nil when empty.
  private static func path(after name: String, in text: String) -> String? {
    var rest = text.drop(while: { $0 == " " || $0 == "\t" }).dropFirst(name.count)
    rest = rest.drop(while: { $0 == " " || $0 == "\t" })
    while let last = rest.last, last == " " || last == "\t" { rest = rest.dropLast() }
    if rest.count >= 2, let first = rest.first, first == "\"" || first == "'", rest.last == first {
      rest = rest.dropFirst().dropLast()
    }
    return rest.isEmpty ? nil : String(rest)
  }

  private static func charset(
    _ arguments: [String]
  ) throws(MetaCommandError) -> DisplaySettings.CharsetChoice? {
    guard let argument = try optionalArgument(of: ".charset", arguments) else { return nil }
    guard let choice = DisplaySettings.CharsetChoice(rawValue: argument) else {
      let choices = DisplaySettings.CharsetChoice.allCases.map(\.rawValue)
      throw .invalidArgument(".charset", argument, expected: choices.joined(separator: ", "))
    }
    return choice
  }
}
