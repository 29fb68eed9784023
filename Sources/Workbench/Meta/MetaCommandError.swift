import Engine

/// Why a dot command could not run.
enum MetaCommandError: Error, Equatable {
  /// No dot command of that name; `suggestions` are the closest ones.
  case unknown(String, suggestions: [String])
  /// A dot command of the language that this workbench does not offer yet.
  case unavailable(String)
  /// The command takes fewer arguments than were given.
  case unexpectedArguments(String, [String])
  /// An argument of the wrong form; `expected` says what fits.
  case invalidArgument(String, String, expected: String)
  /// `.schema NAME` for a name that is not bound.
  case unboundName(String, suggestions: [String])
  /// `.schema NAME` for a name bound to something other than a table.
  case notATable(String)
  /// `.schema` with no name before anything was displayed.
  case noLastResult
  /// `.last` before anything was displayed.
  case nothingToShow
  /// `.help TOPIC` for a topic there is no help on.
  case unknownTopic(String, suggestions: [String])
  /// `.output FILE` could not create, write or finish the file.
  case cannotWrite(String, reason: String)
  /// The command needs an argument and got none.
  case missingArgument(String, expected: String)
  /// `.read` of a script that cannot be read.
  case unreadableScript(ScriptFileError)
  /// `.read` of a script that is already being read: it would read itself forever.
  /// `chain` names the scripts from the one read first to the `.read` that closes the
  /// circle (it ends with the first again).
  case scriptReadsItself(String, chain: [String])
  /// `.save` could not write the file.
  case cannotSave(String, reason: String)
}

extension MetaCommandError: CustomStringConvertible {
  var description: String {
    switch self {
    case .unknown(let name, let suggestions):
      return "unknown command '\(name)'" + NameSuggester.didYouMean(suggestions)
        + " (.help lists the commands)"
    case .unavailable(let name):
      return "'\(name)' is not available in this version of evs"
    case .unexpectedArguments(let name, let arguments):
      return "'\(name)' does not take '\(arguments.joined(separator: " "))'"
    case .invalidArgument(let name, let argument, let expected):
      return "'\(name)' needs \(expected), not '\(argument)'"
    case .unboundName(let name, let suggestions):
      return "nothing is bound to '\(name)'" + NameSuggester.didYouMean(suggestions)
    case .notATable(let name):
      return "'\(name)' is not a table, so it has no schema"
    case .noLastResult:
      return "there is no last result yet; name a table: .schema NAME"
    case .nothingToShow:
      return "there is no last result yet; .last shows the result of the last pipeline"
    case .unknownTopic(let topic, let suggestions):
      return "no help on '\(topic)'" + NameSuggester.didYouMean(suggestions)
        + " (.help lists the topics)"
    case .cannotWrite(let path, let reason):
      return "cannot write '\(path)': \(reason)"
    case .missingArgument(let name, let expected):
      return "'\(name)' needs \(expected)"
    case .unreadableScript(let error):
      return error.description
    case .scriptReadsItself(let path, let chain):
      let circle = chain.count > 2 ? " (" + chain.joined(separator: " reads ") + ")" : ""
      return "'\(path)' is already being read\(circle); a script cannot .read itself, "
        + "directly or through others; remove this .read"
    case .cannotSave(let path, let reason):
      return "cannot save '\(path)': \(reason)"
    }
  }
}
