import Foundation

/// Prepares large buffers that are about to be filled: asks for huge pages and maps the
/// pages in ahead of time, on all cores.
///
/// Filling a fresh buffer of hundreds of megabytes costs a page fault per 4 KiB page, and
/// on virtual machines the first touch of a page is slower still; this was a fifth of the
/// time of loading a large file, all of it on the core that appended to the largest
/// column. Huge pages (2 MiB, where the kernel grants them on request) cut the faults
/// 512-fold, and mapping the pages in up front spreads their cost over the cores. Both
/// are hints: where the kernel does not offer them, nothing changes.
enum HugePages {
  private static let size = 2 << 20
  /// `MADV_POPULATE_WRITE` (Linux 5.14), spelt out for C libraries that lack the name.
  private static let populateWrite: Int32 = 23

  /// The spare capacity and contents of `array`, as a raw byte range.
  static func region<Element>(of array: inout [Element]) -> UnsafeMutableRawBufferPointer {
    let capacity = array.capacity * MemoryLayout<Element>.stride
    return array.withUnsafeMutableBufferPointer { buffer in
      UnsafeMutableRawBufferPointer(start: buffer.baseAddress, count: capacity)
    }
  }

  /// Requests huge pages for the whole 2 MiB blocks of `region`, without mapping them in.
  static func request(_ region: UnsafeMutableRawBufferPointer) {
    #if os(Linux)
      guard let start = region.baseAddress, region.count >= 2 * size else { return }
      let first = (Int(bitPattern: start) + size - 1) & ~(size - 1)
      let end = (Int(bitPattern: start) + region.count) & ~(size - 1)
      guard end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
      _ = madvise(aligned, end - first, MADV_HUGEPAGE)
    #endif
  }

  /// Requests huge pages for the whole 2 MiB blocks of `regions`, then maps their pages in,
  /// the regions cut into pieces that the cores take in turn.
  static func prepare(_ regions: [UnsafeMutableRawBufferPointer]) {
    #if os(Linux)
      let page = 4096
      var pieces: [UnsafeMutableRawBufferPointer] = []
      for region in regions {
        request(region)
        guard let start = region.baseAddress else { continue }
        var position = (Int(bitPattern: start) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: start) + region.count) & ~(page - 1)
        while position < end {
          let length = min(8 * size, end - position)
          pieces.append(.init(start: UnsafeMutableRawPointer(bitPattern: position), count: length))
          position += length
        }
      }
      _ = ParallelWork.map(count: pieces.count) { index in
        guard let start = pieces[index].baseAddress else { return }
        _ = madvise(start, pieces[index].count, populateWrite)
      }
    #endif
  }
}
