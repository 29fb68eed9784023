/// Finds the value of a `key=value` field in free text: Linux audit records
/// (`pid=28056 exe="/usr/bin/sudo" key=(null)`), the Python-style lists Log Analytics
/// exports them in (`['pid=28056', 'exe="/usr/bin/sudo"']`), syslog messages.
///
/// The rules:
/// - `key=` counts only where the key starts a word: after the start of the text or a byte
///   that cannot be part of a key (so `uid` is not found inside `auid=` or `path_uid=`).
///   Key bytes are ASCII letters, digits, `_`, `-` and `.`; the first match wins.
/// - A value in double or single quotes runs to the first such quote that ends the field
///   (one followed by the end of the text, a space, the other kind of quote, `,`, `;`,
///   `)`, `]` or `}`), so quotes inside it are kept: `cmdline="bash -c "x""` gives
///   `bash -c "x"`. The enclosing quotes are dropped.
/// - Any other value runs to the next space, quote, `)`, `]` or `}`, without a trailing
///   `,` or `;`: `key=auoms,delete` gives `auoms,delete`; `user=root, pid=5` gives `root`.
enum KeyValueText {
  /// The value of the first `key=` field in `text`, or `nil` when there is none.
  /// - Complexity: O(text length × key length)
  static func value(of key: String, in text: String) -> String? {
    let pattern = Array(key.utf8) + [UInt8(ascii: "=")]
    guard pattern.count > 1 else { return nil }
    var text = text
    return text.withUTF8 { bytes -> String? in
      var start = 0
      while let match = find(pattern, in: bytes, from: start) {
        if match == 0 || !isKeyByte(bytes[match - 1]) {
          let value = valueRange(in: bytes, from: match + pattern.count)
          return String(decoding: bytes[value], as: UTF8.self)
        }
        start = match + 1
      }
      return nil
    }
  }

  /// The offset of the first occurrence of `pattern` at or after `start`.
  private static func find(
    _ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> Int? {
    guard bytes.count >= pattern.count, start <= bytes.count - pattern.count else {
      return nil
    }
    for offset in start...(bytes.count - pattern.count)
    where bytes[offset] == pattern[0]
      && pattern.indices.allSatisfy({ bytes[offset + $0] == pattern[$0] })
    {
      return offset
    }
    return nil
  }

  /// Where the value that starts at `start` lies, without its quotes.
  private static func valueRange(in bytes: UnsafeBufferPointer<UInt8>, from start: Int)
    -> Range<Int>
  {
    guard start < bytes.count else { return start..<start }
    let first = bytes[start]
    if first == doubleQuote || first == singleQuote {
      let closers = (start + 1..<bytes.count).filter { bytes[$0] == first }
      let end = closers.first {
        $0 + 1 == bytes.count || endsQuotedValue(bytes[$0 + 1], quote: first)
      }
      if let end = end ?? closers.first { return start + 1..<end }
      return start + 1..<bytes.count
    }

    var end = start
    while end < bytes.count, !endsPlainValue(bytes[end]) { end += 1 }
    while end > start, bytes[end - 1] == UInt8(ascii: ",") || bytes[end - 1] == UInt8(ascii: ";") {
      end -= 1
    }
    return start..<end
  }

  private static let doubleQuote = UInt8(ascii: "\"")
  private static let singleQuote = UInt8(ascii: "'")

  private static func isKeyByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"),
      UInt8(ascii: "."):
      return true
    default:
      return false
    }
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
      || byte == UInt8(ascii: "\r")
  }

  /// Whether `byte`, right after a `quote`, shows that the quote ends the value (a second
  /// `quote` does not: the first was inside the value).
  private static func endsQuotedValue(_ byte: UInt8, quote: UInt8) -> Bool {
    byte != quote && (isSpace(byte) || Array(#"'",;)]}"#.utf8).contains(byte))
  }

  /// Whether `byte` ends a value written without quotes.
  private static func endsPlainValue(_ byte: UInt8) -> Bool {
    isSpace(byte) || Array(#"'")]}"#.utf8).contains(byte)
  }
}
