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
  /// `.read FILE.evs`: run another script, relative to the current script's folder.
  case read(String)
  /// `.save FILE.evs`: write the session's successful statements as a script.
  case save(String)
  /// `.quit` (alias `.exit`): end the REPL or the script.
  case quit

  /// The commands this workbench understands, for suggestions and `.help`.
  static let names = [
    ".help", ".vars", ".schema", ".width", ".maxrows", ".maxwidth", ".charset", ".read", ".save",
    ".quit", ".exit",
  ]

  /// Commands of the language contract this workbench does not offer yet.
  static let unavailableNames = [
    ".mode", ".timer", ".bail", ".echo", ".output", ".last", ".history",
  ]

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
    case ".width": return .width(try count(of: name, arguments, allowingAuto: true, minimum: 20))
    case ".maxrows": return .maxRows(try count(of: name, arguments, minimum: 0))
    case ".maxwidth": return .maxColumnWidth(try count(of: name, arguments, minimum: 5))
    case ".charset": return .charset(try charset(arguments))
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
    of name: String, _ arguments: [String], allowingAuto: Bool = false, minimum: Int
  ) throws(MetaCommandError) -> Int? {
    guard let argument = try optionalArgument(of: name, arguments) else { return nil }
    if allowingAuto && argument == "auto" { return 0 }

    let expected =
      allowingAuto
      ? "a number of columns of at least \(minimum), or auto"
      : "a whole number of at least \(minimum)"
    guard let value = Int(argument), value >= minimum || (allowingAuto && value == 0) else {
      throw .invalidArgument(name, argument, expected: expected)
    }
    return value
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
