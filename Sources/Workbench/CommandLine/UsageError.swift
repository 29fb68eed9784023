import Engine

/// A command line `evs` cannot make sense of; it exits with status 2.
enum UsageError: Error, Equatable {
  /// A first argument that is no subcommand; `suggestions` are the closest ones.
  case unknownCommand(String, suggestions: [String])
  /// An option that does not exist here; `suggestions` are the closest ones.
  case unknownOption(String, suggestions: [String])
  /// An option or subcommand that needs a value got none.
  case missingValue(after: String, expected: String)
  /// An argument left over after everything else was read.
  case unexpectedArgument(String)
  /// `--param` with something other than NAME=VALUE.
  case invalidParameter(String)
  /// `evs FILE.evs`: a script named where a subcommand belongs.
  case scriptWithoutRun(String)
}

extension UsageError: CustomStringConvertible {
  var description: String {
    switch self {
    case .unknownCommand(let name, let suggestions):
      return "unknown command '\(name)'" + NameSuggester.didYouMean(suggestions)
    case .unknownOption(let name, let suggestions):
      return "unknown option '\(name)'" + NameSuggester.didYouMean(suggestions)
    case .missingValue(let option, let expected):
      return "'\(option)' needs \(expected)"
    case .unexpectedArgument(let argument):
      return "unexpected argument '\(argument)'"
    case .invalidParameter(let text):
      return "--param needs NAME=VALUE, not '\(text)'"
    case .scriptWithoutRun(let path):
      return "unknown command '\(path)'; to run a script: evs run \(path)"
    }
  }
}
