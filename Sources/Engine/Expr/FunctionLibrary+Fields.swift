extension FunctionLibrary {
  /// Functions that pick fields out of text.
  ///
  /// `kv(text, key)`: the value of the first `key=value` field in `text`, quotes removed,
  /// or null when there is no such field; see `KeyValueText` for the rules. Made for the
  /// audit records Linux writes and Log Analytics exports:
  /// `extend exe = kv(AuditdMessage, "exe"), ses = kv(AuditdMessage, "ses")`.
  static let fieldFunctions: [FunctionDefinition] = [
    define("kv", 2...2, type: signature([text, text], .string)) { args, _ in
      guard let text = args[0].stringValue, let key = args[1].stringValue else { return .null }
      return KeyValueText.value(of: key, in: text).map { .string($0) } ?? .null
    }
  ]
}
