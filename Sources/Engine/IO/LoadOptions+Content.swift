extension LoadOptions {
  /// These options with the format settled by the text itself when neither the options
  /// nor the name of `path` choose one (a pipe, `/dev/stdin`, a file called `events` or
  /// `events.log`): JSON lines when the first byte that is not blank (after a byte order
  /// mark) is `{`, a JSON array when it is `[`, and CSV otherwise.
  /// - Parameters:
  ///   - start: The first bytes of the text, uncompressed (a few kilobytes suffice).
  ///   - path: The file name, whose extension is looked at first.
  /// - Complexity: O(leading blanks in `start`)
  public func settlingFormat(from start: ArraySlice<UInt8>, path: String) -> LoadOptions {
    guard format == nil, Format(path: path) == nil else { return self }
    var text = start
    if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
    let blanks: [UInt8] = [0x20, 0x09, 0x0A, 0x0D]
    var settled = self
    switch text.first(where: { !blanks.contains($0) }) {
    case UInt8(ascii: "{"): settled.format = .jsonl
    case UInt8(ascii: "["): settled.format = .json
    default: settled.format = .csv
    }
    return settled
  }
}
