extension TableReader {
  /// `bytes` as UTF-8 (not yet checked), with a notice when they were UTF-16.
  /// - Throws: `LoadError.zipArchive` or `.notText` naming `name` when they are not text.
  static func decodedText(_ bytes: [UInt8], name: String) throws(LoadError)
    -> (bytes: [UInt8], notices: [String])
  {
    switch try TextSniffer.encoding(of: bytes[...], name: name) {
    case .utf8:
      return (bytes, [])
    case .utf16(let bigEndian):
      let text = TextSniffer.utf8(fromUTF16: bytes, bigEndian: bigEndian)
      return (text, ["converted the text from UTF-16 to UTF-8"])
    }
  }

  /// `bytes` made into the text the parsers read, with a notice per change: records that
  /// end at lone CRs (in delimited text) get LFs.
  static func normalizedText(_ bytes: [UInt8], name: String, options: LoadOptions)
    -> (bytes: [UInt8], notices: [String])
  {
    let format = options.resolvedFormat(for: name)
    let delimiter = options.resolvedDelimiter(for: name)
    guard !format.isJSON, usesLoneCarriageReturns(bytes, delimiter: delimiter) else {
      return (bytes, [])
    }
    let converted = LineEndings.replacingLoneCarriageReturns(in: bytes, delimiter: delimiter)
    return (converted, ["read lone CR line endings (as old Mac files have) as line breaks"])
  }

  /// Whether the records at the start of `bytes` end at lone CRs.
  static func usesLoneCarriageReturns(_ bytes: [UInt8], delimiter: UInt8) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      let sample = UnsafeBufferPointer(rebasing: buffer.prefix(LineEndings.sampleLength))
      return LineEndings.usesLoneCarriageReturns(sample, delimiter: delimiter)
    }
  }
}
