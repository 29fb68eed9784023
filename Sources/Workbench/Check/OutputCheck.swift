import DSL
import Engine
import Foundation

/// `evs check FILE.evs [--update]`: runs a script and compares what each statement
/// prints with the `#>` lines recorded under it, or records them anew.
///
/// Output is made the same everywhere: 80 columns, no colour, Unicode boxes, whatever
/// the terminal or `COLUMNS` say. A statement's output is what `evs run` prints on
/// standard output for it, and for a statement that fails, also its error: without the
/// script's name and line (which recording moves), though an error in a script it reads
/// keeps that script's name. Trailing spaces are not compared, nor written.
struct OutputCheck {
  /// One statement or dot command and what it printed.
  struct Outcome {
    var entry: ScriptEntry
    var actual: [String]

    var expected: [String] { entry.item.expected.map(OutputCheck.trimmed) }
    var matches: Bool { actual == expected }
  }

  /// The script as named on the command line.
  let path: String
  var options: ScriptOptions

  /// Checks (or with `--update`, rewrites) the script and reports on `console`.
  /// - Returns: 0 when every output matches (or the update was written), 1 when one
  ///   differs or the script cannot be read or written, 2 for a `--param` it cannot take.
  func run(console: Console) -> Int32 {
    let raw: [UInt8]
    do throws(ScriptFileError) {
      raw = try ScriptRunner.loadBytes(path)
    } catch {
      console.writeError("\(error)")
      return 1
    }
    let text = String(decoding: raw, as: UTF8.self)
    let name = URL(fileURLWithPath: path).lastPathComponent
    let entries = ScriptReader.entries(in: text, file: name)

    var preflight = ScriptPreflight(
      baseDirectory: ScriptRunner.baseDirectory(of: path), parameters: options.parameterValues)
    _ = preflight.check(entries.map(\.item))
    do throws(ParameterError) {
      try preflight.checker.validateParameterOverrides()
    } catch {
      console.writeError("\(error)")
      return 2
    }

    let outcomes = run(entries, named: name)
    let differing = outcomes.filter { !$0.matches }
    if options.update {
      return update(raw, differing, of: outcomes.count, console)
    }
    report(differing, of: outcomes.count, console)
    return differing.isEmpty ? 0 : 1
  }

  /// Runs every statement and dot command in a fresh session, keeping going after
  /// errors, until the script ends or `.quit`.
  func run(_ entries: [ScriptEntry], named name: String) -> [Outcome] {
    let capture = CapturingConsole()
    let session = Session(baseDirectory: ScriptRunner.baseDirectory(of: path))
    session.parameterOverrides = options.parameterValues
    let fixed = TerminalInfo(isTerminal: false, reportedColumns: nil, environment: [:])
    let shell = Shell(session: session, console: capture, interactive: false) { fixed }
    shell.scriptOptions.keepGoing = true

    var outcomes: [Outcome] = []
    for entry in entries {
      let succeeded: Bool
      switch entry.item {
      case .narration:
        continue
      case .statement(let source, let location, _):
        succeeded = shell.runStatement(source, at: location)
      case .meta(let source, let location, _):
        let outcome = shell.runMeta(source, at: location)
        if outcome == .quit { return outcomes }
        succeeded = outcome == .proceed
      }
      let printed = capture.take()
      var lines = Self.lines(of: printed.output)
      if !succeeded {
        lines += Self.lines(of: printed.error).map { Self.withoutLocation($0, in: name) }
      }
      outcomes.append(Outcome(entry: entry, actual: lines))
    }
    return outcomes
  }

  private func report(_ differing: [Outcome], of total: Int, _ console: Console) {
    var lines: [String] = []
    for outcome in differing {
      let line = outcome.entry.item.location.line
      let diff = LineDiff(old: outcome.expected, new: outcome.actual)
      let start = outcome.entry.expectedLines.lowerBound
      lines.append("--- \(path):\(line) recorded")
      lines.append("+++ \(path):\(line) now")
      lines += diff.unified(oldStart: start, newStart: start)
      if outcome.expected.isEmpty {
        lines.append(
          "\(path):\(line): nothing is recorded under this statement; "
            + "evs check --update \(path) records its output")
      }
    }
    let statements = TableRenderer.counted(total, "statement")
    if differing.isEmpty {
      lines.append("\(path): all \(statements) match their recorded output")
    } else {
      lines.append("\(path): \(differing.count) of \(statements) differ from their recorded output")
    }
    // Recorded lines and file names are data: shown, never acted on by the terminal.
    console.writeLines(lines.map { VisibleText.escaped($0, keepingLineBreaks: true) }, to: .output)
  }

  private func update(
    _ raw: [UInt8], _ differing: [Outcome], of total: Int, _ console: Console
  ) -> Int32 {
    guard !differing.isEmpty else {
      let statements = TableRenderer.counted(total, "statement")
      console.write(
        "\(path): all \(statements) match their recorded output; nothing to update\n",
        to: .output)
      return 0
    }
    let rewritten = ExpectedBlockWriter.rewrite(raw, differing.map { ($0.entry, $0.actual) })
    do {
      try AtomicFile.write(Data(rewritten), to: path)
    } catch {
      console.writeError("cannot update '\(path)': \(error.reason)")
      return 1
    }
    let statements = TableRenderer.counted(total, "statement")
    console.write(
      "\(path): recorded new output for \(differing.count) of \(statements)\n", to: .output)
    return 0
  }

  /// An error line without its `NAME:LINE:COL: ` prefix when it is in the script called
  /// `name`, since recording outputs moves the script's lines; errors in scripts it
  /// reads keep theirs.
  static func withoutLocation(_ line: String, in name: String) -> String {
    guard line.hasPrefix(name + ":") else { return line }
    var rest = line.dropFirst(name.count + 1)
    for _ in 0..<2 {
      let digits = rest.prefix(while: \.isNumber)
      guard !digits.isEmpty, rest.dropFirst(digits.count).first == ":" else { return line }
      rest = rest.dropFirst(digits.count + 1)
    }
    return rest.hasPrefix(" ") ? String(rest.dropFirst()) : line
  }

  /// The lines of printed text, without trailing spaces or the final line end.
  static func lines(of text: String) -> [String] {
    guard !text.isEmpty else { return [] }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      trimmed(String($0))
    }
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  static func trimmed(_ line: String) -> String {
    var line = Substring(line)
    while let last = line.last, last == " " || last == "\t" || last == "\r" {
      line = line.dropLast()
    }
    return String(line)
  }
}
