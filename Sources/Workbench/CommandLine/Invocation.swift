import Engine

/// What `evs` was asked to do, read from its command-line arguments.
enum Invocation: Equatable {
  /// No arguments: the REPL on a terminal, else standard input run as a script.
  case interactive
  /// `evs run FILE.evs [options]`.
  case runFile(String, ScriptOptions)
  /// `evs check FILE.evs [--update] [--param NAME=VALUE]...`.
  case checkFile(String, ScriptOptions)
  /// `evs play FILE.evs [--param NAME=VALUE]...`.
  case playFile(String, ScriptOptions)
  /// `evs -c "STATEMENTS" [options]`.
  case command(String, ScriptOptions)
  /// `evs --help`.
  case help
  /// `evs --version`.
  case version

  static let subcommands = ["run", "check", "play", "help"]
  static let topLevelOptions = ["--help", "--version", "-c"]

  /// Reads the arguments after the program name.
  /// - Throws: `UsageError` naming the argument at fault.
  static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
    let arguments = commandFirst(arguments)
    guard let first = arguments.first else { return .interactive }
    let rest = Array(arguments.dropFirst())

    switch first {
    case "--help", "-h", "help":
      return .help
    case "--version", "-V":
      return .version
    case "run", "check", "play":
      guard let position = scriptPosition(in: rest) else {
        throw .missingValue(after: first, expected: "a script file (evs \(first) FILE.evs)")
      }
      let path = rest[position]
      var arguments = rest
      arguments.remove(at: position)
      switch first {
      case "check":
        return .checkFile(
          path, try ScriptOptions.parse(arguments, accepting: ScriptOptions.checkNames))
      case "play":
        return .playFile(
          path, try ScriptOptions.parse(arguments, accepting: ScriptOptions.playNames))
      default:
        return .runFile(path, try ScriptOptions.parse(arguments))
      }
    case "-c":
      guard let text = rest.first else {
        throw .missingValue(after: "-c", expected: "statements to run (evs -c \"...\")")
      }
      return .command(text, try ScriptOptions.parse(Array(rest.dropFirst())))
    default:
      break
    }

    if first.hasPrefix("-") {
      let known = topLevelOptions + ScriptOptions.names + ["--update"]
      throw .unknownOption(first, suggestions: NameSuggester.closest(to: first, among: known))
    }
    if first.hasSuffix(".evs") { throw .scriptWithoutRun(first) }
    throw .unknownCommand(first, suggestions: NameSuggester.closest(to: first, among: subcommands))
  }

  /// The arguments with `-c` and its text moved to the front, so that script options
  /// may come before it (`evs --trace -c "..."`) as well as after.
  private static func commandFirst(_ arguments: [String]) -> [String] {
    guard let first = arguments.first, ScriptOptions.names.contains(first),
      let position = arguments.firstIndex(of: "-c"), position + 1 < arguments.count
    else { return arguments }
    var rest = arguments
    let command = Array(rest[position...(position + 1)])
    rest.removeSubrange(position...(position + 1))
    return command + rest
  }

  /// Where the script file is among a subcommand's arguments: the first that is not an
  /// option or the value of `--param`, so options may come before or after it.
  private static func scriptPosition(in arguments: [String]) -> Int? {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--param" {
        index += 2
        continue
      }
      if !argument.hasPrefix("-") || argument == "-" { return index }
      index += 1
    }
    return nil
  }
}
