import Engine

/// One statement of a script or REPL line, as parsed.
struct Statement: Equatable {
  enum Kind: Equatable {
    /// `let NAME = PIPELINE`.
    case bind(name: String, Pipeline)
    /// `param NAME = LITERAL`.
    case param(name: String, Value)
    /// A pipeline whose result is displayed.
    case show(Pipeline)
  }

  var kind: Kind

  /// The notes of the statement's stages, in order.
  var notes: [String] {
    switch kind {
    case .bind(_, let pipeline), .show(let pipeline): return pipeline.stages.compactMap(\.note)
    case .param: return []
    }
  }
}

/// `SOURCE | VERB ... | VERB ...`.
struct Pipeline: Equatable {
  var source: Source
  var stages: [Stage]
}

/// Where a pipeline's rows come from.
enum Source: Equatable {
  case load(path: String, options: Options, span: Span)
  /// A bound name, or `_` for the last result.
  case name(String, span: Span)
  /// A bare expression such as `1 + 2`, evaluated once.
  case expression(Expression, span: Span)
}

/// A range of characters in the statement text.
struct Span: Equatable {
  var offset: Int
  var length: Int

  init(offset: Int, length: Int) {
    self.offset = offset
    self.length = max(1, length)
  }

  init(_ token: Token) {
    self.init(offset: token.offset, length: token.length)
  }

  /// From the start of `self` to the end of `other`.
  func through(_ other: Span) -> Span {
    Span(offset: offset, length: other.offset + other.length - offset)
  }
}

/// One verb of a pipeline with its arguments and where it was written.
struct Stage: Equatable {
  var verb: Verb
  /// The whole stage, verb to last argument.
  var span: Span
  /// Every name the stage refers to, with its place, to point at unknown columns.
  var names: [(String, Span)] = []
  /// A word for the analyst about how the stage reads, such as a sort direction that KQL
  /// would take otherwise; shown once a session.
  var note: String?

  static func == (a: Stage, b: Stage) -> Bool { a.verb == b.verb && a.span == b.span }
}

/// `name=value` options of a verb, keeping where each was written.
struct Options: Equatable {
  struct Entry: Equatable {
    var value: OptionValue
    var span: Span
  }

  var entries: [String: Entry] = [:]
  var order: [String] = []

  subscript(name: String) -> OptionValue? { entries[name]?.value }

  mutating func set(_ name: String, _ value: OptionValue, span: Span) {
    if entries[name] == nil { order.append(name) }
    entries[name] = Entry(value: value, span: span)
  }
}

/// An option's value: a literal or a bare name (a column, or a word like `all`).
enum OptionValue: Equatable {
  case literal(Value)
  case name(String)

  var text: String {
    switch self {
    case .literal(let v): return ValueFormatter.plain(v)
    case .name(let s): return s
    }
  }
}
