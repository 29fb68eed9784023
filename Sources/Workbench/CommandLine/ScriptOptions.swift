import Engine

/// The options `evs run`, `evs -c`, `evs check` and `evs play` take.
struct ScriptOptions: Equatable {
  /// `--keep-going`: run the remaining statements after an error.
  var keepGoing = false
  /// `--echo`: print each statement before its output.
  var echo = false
  /// `--param NAME=VALUE`, in the order given; values are text, typed by the script.
  var parameters: [ScriptParameter] = []
  /// `--trace`: each statement's stages with rows and times, on standard error.
  var trace = false
  /// `--update` (check only): rewrite the `#>` blocks instead of comparing.
  var update = false

  /// The options of `evs run` and `evs -c`.
  static let names = ["--keep-going", "--echo", "--param", "--trace"]
  /// The options of `evs check`.
  static let checkNames = ["--update", "--param"]
  /// The options of `evs play`.
  static let playNames = ["--param"]

  /// The `--param` values by name; a later one wins.
  var parameterValues: [String: String] {
    Dictionary(parameters.map { ($0.name, $0.value) }) { $1 }
  }

  /// Reads options until the arguments run out.
  /// - Parameter accepted: the option names the subcommand takes.
  /// - Throws: `UsageError` for an unknown option, a missing or malformed parameter,
  ///   or a stray argument.
  static func parse(_ arguments: [String], accepting accepted: [String] = names)
    throws(UsageError) -> ScriptOptions
  {
    var options = ScriptOptions()
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      let name = argument.hasPrefix("--param=") ? "--param" : argument
      if name.hasPrefix("-") && !accepted.contains(name) {
        let suggestions = NameSuggester.closest(to: argument, among: accepted)
        throw .unknownOption(argument, suggestions: suggestions)
      }
      switch argument {
      case "--keep-going":
        options.keepGoing = true
      case "--echo":
        options.echo = true
      case "--trace":
        options.trace = true
      case "--update":
        options.update = true
      case "--param":
        guard let assignment = remaining.popFirst() else {
          throw .missingValue(after: "--param", expected: "NAME=VALUE")
        }
        options.parameters.append(try ScriptParameter(parsing: assignment))
      case _ where argument.hasPrefix("--param="):
        let assignment = String(argument.dropFirst("--param=".count))
        options.parameters.append(try ScriptParameter(parsing: assignment))
      default:
        throw .unexpectedArgument(argument)
      }
    }
    return options
  }
}

/// One `--param NAME=VALUE` from the command line.
struct ScriptParameter: Equatable {
  var name: String
  var value: String

  init(name: String, value: String) {
    self.name = name
    self.value = value
  }

  /// Splits `NAME=VALUE` at the first `=`.
  /// - Throws: `UsageError.invalidParameter` when there is no `=` or no name before it.
  init(parsing assignment: String) throws(UsageError) {
    guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
      throw .invalidParameter(assignment)
    }
    name = String(assignment[..<equals])
    value = String(assignment[assignment.index(after: equals)...])
  }
}
