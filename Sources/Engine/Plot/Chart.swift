/// The kinds of chart `plot` draws.
public enum ChartKind: String, Sendable, CaseIterable {
  case bar, hist, box, scatter, line, timechart, timeline
}

/// Which characters a chart is drawn with.
public enum Charset: String, Sendable, CaseIterable {
  case braille, block, ascii
}

/// How a chart is to be drawn: its size and what the terminal can show.
public struct RenderStyle: Sendable, Equatable {
  public var width: Int
  public var charset: Charset
  public var color: Bool

  public init(width: Int = 80, charset: Charset = .ascii, color: Bool = false) {
    self.width = width
    self.charset = charset
    self.color = color
  }
}

/// What the `plot` verb asked for: a kind, its column arguments and its named options.
public struct ChartSpec: Sendable {
  public var kind: ChartKind
  /// Positional column names, e.g. `[label, value]` for a bar chart.
  public var columns: [String]
  /// The `by` column of `plot box COL by CAT`, where given.
  public var by: String?
  /// Named options: `title`, `width`, `charset`, `bins`, `label`, `color`, `log`, `bin`...
  public var options: [String: Value]

  public init(kind: ChartKind, columns: [String], by: String? = nil, options: [String: Value] = [:])
  {
    self.kind = kind
    self.columns = columns
    self.by = by
    self.options = options
  }
}

/// A chart ready to draw: the data it needs, taken from a table, and its spec.
///
/// Building checks the columns; rendering is pure and depends only on the style.
public struct Chart: Sendable {
  public let spec: ChartSpec
  let table: Table

  /// Checks the spec against `table` and keeps what the chart needs.
  /// - Throws: `PlotError` naming the column or option at fault.
  public init(spec: ChartSpec, table: Table) throws(PlotError) {
    for name in spec.columns + (spec.by.map { [$0] } ?? []) {
      do {
        _ = try table.column(name)
      } catch {
        throw .column(error)
      }
    }
    self.spec = spec
    self.table = table
  }

  /// The chart as lines of text, each at most `style.width` columns wide.
  public func render(_ style: RenderStyle) -> [String] {
    ["(\(spec.kind.rawValue) chart of \(table.rowCount) rows)"]
  }
}

/// Why a chart cannot be drawn.
public enum PlotError: Error, Equatable, Sendable {
  case column(ColumnError)
  case invalidOption(String, reason: String)
}

extension PlotError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .column(let error): return error.description
    case .invalidOption(let name, let reason): return "option '\(name)': \(reason)"
    }
  }
}
