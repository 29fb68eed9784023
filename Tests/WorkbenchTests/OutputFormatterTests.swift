import DSL
import Engine
import Testing

@testable import Workbench

@Suite("Output display")
struct OutputFormatterTests {
  private func terminal(_ environment: [String: String], columns: Int? = 132) -> TerminalInfo {
    TerminalInfo(isTerminal: true, reportedColumns: columns, environment: environment)
  }

  @Test func widthIsEightyOutsideATerminalAndTheTerminalsOnOne() {
    #expect(notATerminal.columns == 80)
    #expect(terminal([:]).columns == 132)
    #expect(terminal([:], columns: nil).columns == 80)
  }

  @Test func columnsVariableAndWidthSettingOverrideTheTerminal() {
    #expect(terminal(["COLUMNS": "100"]).columns == 100)
    #expect(terminal(["COLUMNS": "wide"]).columns == 132)
    var settings = DisplaySettings()
    settings.width = 60
    #expect(settings.effectiveWidth(on: terminal(["COLUMNS": "100"])) == 60)
  }

  @Test(arguments: [
    ([String: String](), true),
    (["NO_COLOR": "1"], false),
    (["NO_COLOR": ""], true),
    (["TERM": "dumb"], false),
  ])
  func colourOnlyOnATerminalThatAllowsIt(_ environment: [String: String], _ expected: Bool) {
    #expect(terminal(environment).usesColor == expected)
    #expect(
      !TerminalInfo(isTerminal: false, reportedColumns: nil, environment: environment)
        .usesColor)
  }

  @Test(arguments: [
    ([String: String](), BoxCharacters.ascii),
    (["LANG": "en_US.UTF-8"], .unicode),
    (["LC_ALL": "C", "LANG": "en_US.UTF-8"], .ascii),
    (["LC_CTYPE": "C.utf8"], .unicode),
    (["LANG": "en_US.UTF-8", "TERM": "dumb"], .ascii),
  ])
  func terminalTablesUseBoxDrawingOnlyUnderAUTF8LocaleAndNotOnADumbTerminal(
    _ environment: [String: String], _ expected: BoxCharacters
  ) {
    #expect(DisplaySettings().tableStyle(on: terminal(environment)).box == expected)
  }

  @Test func outputThatIsNotATerminalIsDrawnTheSameEverywhere() {
    let style = DisplaySettings().tableStyle(on: notATerminal)
    #expect(style == TableStyle(width: 80, maxRows: 20, maxColumnWidth: 80, box: .unicode))
    let chart = DisplaySettings().chartStyle(on: notATerminal)
    #expect(chart == RenderStyle(width: 80, charset: .braille, color: false))
  }

  @Test(arguments: [
    (["LANG": "en_US.UTF-8"], Charset.braille),
    (["LANG": "C"], .ascii),
    (["LANG": "en_US.UTF-8", "TERM": "dumb"], .ascii),
  ])
  func autoChartsFallBackToASCIIOnATerminalThatCannotShowUnicode(
    _ environment: [String: String], _ expected: Charset
  ) {
    #expect(DisplaySettings().chartStyle(on: terminal(environment)).charset == expected)
  }

  @Test func asciiCharsetAppliesToTablesAndCharts() {
    var settings = DisplaySettings()
    settings.charset = .ascii
    #expect(settings.tableStyle(on: notATerminal).box == .ascii)
    #expect(settings.chartStyle(on: notATerminal).charset == .ascii)
  }

  @Test func chartsAreDrawnAtTheDisplayWidth() throws {
    let table = Table(columnNames: ["a"], columns: [Column(type: .string, cells: [.string("x")])])
    let chart = try Chart(spec: ChartSpec(kind: .bar, columns: ["a"]), table: table)
    let formatter = OutputFormatter(
      settings: DisplaySettings(), terminal: notATerminal, interactive: false)
    #expect(formatter.lines(for: .chart(chart)) == chart.render(RenderStyle(charset: .braille)))
  }

  @Test func bindingsAreConfirmedOnlyAtTheREPL() {
    let script = OutputFormatter(
      settings: DisplaySettings(), terminal: notATerminal, interactive: false)
    let repl = OutputFormatter(
      settings: DisplaySettings(), terminal: notATerminal, interactive: true)
    #expect(script.lines(for: .bound(name: "procs", rows: 363)).isEmpty)
    #expect(repl.lines(for: .bound(name: "procs", rows: 363)) == ["procs: 363 rows"])
    #expect(repl.lines(for: .bound(name: "host", rows: nil)) == ["host bound"])
  }

  @Test func valuesPrintPlainlyAndNoticesAreMarked() {
    let formatter = OutputFormatter(
      settings: DisplaySettings(), terminal: notATerminal, interactive: false)
    #expect(formatter.lines(for: .value(.float(2.5))) == ["2.5"])
    #expect(formatter.lines(forNotice: "3 bytes repaired") == ["note: 3 bytes repaired"])
  }

  @Test(arguments: [OutputMode.csv, .tsv])
  func delimitedCellsAreEscapedOnATerminalAndExactElsewhere(mode: OutputMode) {
    let cell = "pane\u{1B}]2;owned\u{07}\r"
    let table = Table(
      columnNames: ["Name"], columns: [Column(type: .string, cells: [.string(cell)])])
    var settings = DisplaySettings()
    settings.mode = mode
    let screen = OutputFormatter(settings: settings, terminal: terminal([:]), interactive: true)
    let file = OutputFormatter(settings: settings, terminal: notATerminal, interactive: true)

    let shown = screen.lines(for: .table(table)).joined(separator: "\n")
    let written = file.lines(for: .table(table)).joined(separator: "\n")

    #expect(!shown.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\r" })
    #expect(shown.contains("pane\\e]2;owned\\x07\\r"))
    #expect(written.contains(cell))
  }
}
