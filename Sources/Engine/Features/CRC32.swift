/// The CRC-32 checksum of zlib, PNG and Python's `binascii.crc32`
/// (reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF).
///
/// Feed bytes with `update` in as many pieces as convenient; `value` is the
/// checksum of everything fed so far.
public struct CRC32: Sendable, Equatable {
  /// One entry per byte value: the register change that byte causes.
  static let table: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 {
      c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1
    }
    return c
  }

  /// The running register, kept inverted as the algorithm prescribes.
  private var register: UInt32 = 0xFFFF_FFFF

  /// A checksum of no bytes yet.
  public init() {}

  /// The checksum of the bytes fed so far (0 for none).
  public var value: UInt32 { ~register }

  /// Adds `bytes` to the checksum.
  /// - Complexity: O(bytes.count)
  public mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
    CRC32.table.withUnsafeBufferPointer { table in
      for byte in bytes { register = CRC32.step(register, byte, table) }
    }
  }

  /// Adds the UTF-8 bytes of `text` to the checksum.
  /// - Complexity: O(bytes of text)
  public mutating func update(_ text: String) {
    var text = text
    text.withUTF8 { update($0) }
  }

  /// The checksum of `bytes`.
  /// - Complexity: O(bytes.count)
  public static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var crc = CRC32()
    crc.update(bytes)
    return crc.value
  }

  /// The checksum of the UTF-8 bytes of `text`.
  /// - Complexity: O(bytes of text)
  public static func checksum(_ text: String) -> UInt32 {
    var crc = CRC32()
    crc.update(text)
    return crc.value
  }

  /// Advances a raw (inverted) register by one byte; for hot loops that hold the table.
  @inline(__always)
  static func step(_ register: UInt32, _ byte: UInt8, _ table: UnsafeBufferPointer<UInt32>)
    -> UInt32
  {
    table[Int(UInt8(truncatingIfNeeded: register) ^ byte)] ^ (register >> 8)
  }
}
