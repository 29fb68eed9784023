import Foundation

/// Hints to the kernel about large buffers that are about to be filled.
enum MemoryAdvice {
  /// Buffers smaller than this are left alone.
  static let threshold = 16 << 20
  private static let hugePage = 2 << 20

  /// Asks for transparent huge pages under `buffer`, so that filling it takes one page
  /// fault per 2 MiB instead of one per 4 KiB. Harmless where huge pages are unavailable.
  static func preferHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
    guard buffer.count >= threshold, let base = buffer.baseAddress else { return }
    let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
    let end = (Int(bitPattern: base) + buffer.count) & ~(hugePage - 1)
    guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
    _ = madvise(aligned, end - start, MADV_HUGEPAGE)
  }
}
