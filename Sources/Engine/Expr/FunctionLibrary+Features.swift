extension FunctionLibrary {
  /// msticpy's string features as functions: `ord_score`, `delim_count`, `delim_hash`,
  /// `token_count` and `crc32`.
  static let featureFunctions: [FunctionDefinition] = [
    define("ord_score", 1...2, type: signature([text, integer], .int)) { args, _ in
      let scale = args.count > 1 ? Int(args[1].intValue ?? 1) : 1
      return .int(try StringFeatures.ordScore(args[0].stringValue ?? "", scale: scale))
    },
    define("delim_count", 1...2, type: signature([text, text], .int)) { args, _ in
      let delimiters = try delimiterSet(args)
      return .int(
        Int64(StringFeatures.delimCount(args[0].stringValue ?? "", delimiters: delimiters)))
    },
    define("delim_hash", 1...2, type: signature([text, text], .int)) { args, _ in
      let delimiters = try delimiterSet(args)
      return .int(
        Int64(StringFeatures.delimHash(args[0].stringValue ?? "", delimiters: delimiters)))
    },
    define("token_count", 1...2, type: signature([text, text], .int)) { args, _ in
      let separator = args.count > 1 ? args[1].stringValue ?? " " : " "
      return .int(
        Int64(try StringFeatures.tokenCount(args[0].stringValue ?? "", separator: separator)))
    },
    define("crc32", 1...1, type: signature([text], .int)) { args, _ in
      .int(Int64(StringFeatures.crc32(args[0].stringValue ?? "")))
    },
  ]

  /// The delimiters of `delim_count(s, delims)`: a character class like `[\s,;]`, or
  /// msticpy's default set.
  private static func delimiterSet(_ args: [Value]) throws -> DelimiterSet {
    guard args.count > 1, let pattern = args[1].stringValue else { return .msticpy }
    return try DelimiterSet(pattern: pattern)
  }
}
