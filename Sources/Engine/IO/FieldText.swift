import Foundation

/// The text of a field: its bytes with the CSV quoting removed.
enum FieldText {
  private static let quote = UInt8(ascii: "\"")

  /// Copies the text of the field at `start..<end` to `output` and returns the number of
  /// bytes written (at most `end - start`). A quoted field loses its enclosing quotes and
  /// each `""` inside becomes `"`; whatever follows the closing quote is kept.
  @inline(__always)
  static func copy(
    from bytes: UnsafePointer<UInt8>, start: Int, end: Int, quoted: Bool,
    to output: UnsafeMutablePointer<UInt8>
  ) -> Int {
    guard quoted else {
      output.update(from: bytes + start, count: end - start)
      return end - start
    }

    var written = 0
    var position = start + 1
    while position < end {
      let remaining = end - position
      let hit = memchr(bytes + position, Int32(quote), remaining)
      let runEnd =
        hit.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - bytes } ?? end
      (output + written).update(from: bytes + position, count: runEnd - position)
      written += runEnd - position
      guard runEnd < end else { break }

      if runEnd + 1 < end, bytes[runEnd + 1] == quote {
        output[written] = quote
        written += 1
        position = runEnd + 2
      } else {
        let rest = end - runEnd - 1
        (output + written).update(from: bytes + runEnd + 1, count: rest)
        return written + rest
      }
    }
    return written
  }

  /// The bytes a typed value is read from: the field itself, or the inside of a quoted
  /// field. `nil` when a quoted field holds quotes or text after its closing quote, which
  /// no number, boolean or timestamp does.
  @inline(__always)
  static func valueBytes(
    _ bytes: UnsafePointer<UInt8>, start: Int, end: Int, quoted: Bool
  ) -> UnsafeBufferPointer<UInt8>? {
    guard quoted else { return UnsafeBufferPointer(start: bytes + start, count: end - start) }
    guard end - start >= 2, bytes[end - 1] == quote else { return nil }
    let inner = UnsafeBufferPointer(start: bytes + start + 1, count: end - start - 2)
    return inner.contains(quote) ? nil : inner
  }

  /// The field's text as a Swift string, for header names.
  static func string(
    from span: FieldSpan, chunkBase: Int, in bytes: UnsafeBufferPointer<UInt8>
  ) -> String {
    guard let base = bytes.baseAddress else { return "" }
    let start = chunkBase + Int(span.start)
    let end = chunkBase + Int(span.end)
    return String(unsafeUninitializedCapacity: max(end - start, 1)) { output in
      guard let target = output.baseAddress else { return 0 }
      return copy(from: base, start: start, end: end, quoted: span.isQuoted, to: target)
    }
  }
}
