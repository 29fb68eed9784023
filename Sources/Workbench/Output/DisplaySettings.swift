import Engine

/// The display choices meta commands change: width, row limit, column cap, charset and
/// the text format of tables.
struct DisplaySettings: Equatable {
  /// Which characters charts and tables are drawn with.
  enum CharsetChoice: String, CaseIterable {
    /// Braille charts and box-drawing tables where Unicode can be shown, else ASCII.
    case auto
    case braille
    case block
    case ascii
  }

  /// `.width N`; nil follows the terminal (80 outside one).
  var width: Int?
  /// `.maxrows N`; 0 shows every row.
  var maxRows = 20
  /// `.maxwidth N`: the widest a table column may be; 0 (the default) leaves it to the
  /// table's width, narrowing the longest text columns first when a table is too wide.
  var maxColumnWidth = 0
  /// `.charset NAME`.
  var charset = CharsetChoice.auto
  /// `.mode NAME`: how tables are written.
  var mode = OutputMode.table

  /// The width to lay output out for on `terminal`.
  func effectiveWidth(on terminal: TerminalInfo) -> Int {
    width ?? terminal.columns
  }

  /// How tables are drawn on `terminal`.
  func tableStyle(on terminal: TerminalInfo) -> TableStyle {
    let ascii = charset == .ascii || !terminal.showsUnicode
    return TableStyle(
      width: effectiveWidth(on: terminal), maxRows: maxRows,
      maxColumnWidth: maxColumnWidth == 0 ? effectiveWidth(on: terminal) : maxColumnWidth,
      box: ascii ? .ascii : .unicode, color: terminal.usesColor)
  }

  /// How charts are drawn on `terminal`.
  func chartStyle(on terminal: TerminalInfo) -> RenderStyle {
    let chartCharset: Charset
    switch charset {
    case .auto: chartCharset = terminal.showsUnicode ? .braille : .ascii
    case .braille: chartCharset = .braille
    case .block: chartCharset = .block
    case .ascii: chartCharset = .ascii
    }
    return RenderStyle(
      width: effectiveWidth(on: terminal), charset: chartCharset, color: terminal.usesColor)
  }
}
