import Engine

/// Verbs that read, write and analyse data through the Engine's IO, features and cluster.
extension Interpreter {
  mutating func load(_ path: String, _ options: Options, span: Span) throws(RunError) -> Table {
    throw RunError("load is not available yet", at: span)
  }

  func save(_ table: Table, to path: String, _ options: Options, _ stage: Stage)
    throws(RunError)
  {
    throw RunError("save is not available yet", at: stage.span)
  }

  func addFeatures(to table: Table, _ options: Options, _ stage: Stage) throws(RunError) -> Table {
    throw RunError("features is not available yet", at: stage.span)
  }

  func cluster(_ table: Table, _ columns: [String], _ options: Options, _ stage: Stage)
    throws(RunError) -> Table
  {
    throw RunError("cluster is not available yet", at: stage.span)
  }
}
