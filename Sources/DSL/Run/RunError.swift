import Engine

/// A failure while running a statement, pointing at the span it came from.
struct RunError: Error {
  var message: String
  var span: Span
  var notices: [String] = []
  /// The column or bound name that does not exist, when that is what went wrong; such an
  /// error does not depend on the values in the data, only on the names.
  var unknownName: String?

  init(_ message: String, at span: Span) {
    self.message = message
    self.span = span
  }

  /// An error about a column, pointing at where that column was named when it can.
  init(_ error: CustomStringConvertible, in stage: Stage) {
    self.init(error.description, at: stage.span)
    if case .column(.unknown(let name, let suggestions))? = error as? ExpressionError,
      suggestions.isEmpty
    {
      message += "; if you meant the text, quote it: \"\(name)\""
    }
    guard let name = Self.columnName(in: error) else { return }
    let places = stage.names.filter { $0.0 == name }.map(\.1)
    let isUnknown = error.description.hasPrefix("unknown")
    if isUnknown { unknownName = name }
    // An expression fails at its first use of the name; a verb option or aggregate names it
    // after the columns it groups or keeps.
    let fromStart = isUnknown || error is ExpressionError
    if let place = fromStart ? places.first : places.last { span = place }
  }

  private static func columnName(in error: Any) -> String? {
    switch error {
    case let e as ColumnError:
      if case .unknown(let name, _) = e { return name }
      if case .wrongType(let name, _, _) = e { return name }
    case let e as ExpressionError:
      if case .column(let inner) = e { return columnName(in: inner) }
      if case .unknownFunction(let name, _) = e { return name }
      if case .operandTypes(_, _, _, let anchor?) = e { return anchor }
      if case .wrongType(_, _, _, let anchor?) = e { return anchor }
    case let e as GroupError:
      if case .column(let inner) = e { return columnName(in: inner) }
      if case .notNumeric(_, let column, _) = e { return column }
    case let e as ClusterError:
      if case .column(let inner) = e { return columnName(in: inner) }
      if case .notNumeric(let column, _) = e { return column }
      if case .nullValues(let column, _) = e { return column }
      if case .nonFiniteValues(let column, _) = e { return column }
    case let e as PlotError:
      if case .column(let inner) = e { return columnName(in: inner) }
    default:
      break
    }
    return nil
  }
}
