/// Takes chosen rows of a column into a new one, the rows split among the cores: the
/// work behind `Column.gather` and `StringStorage.gather`.
///
/// Sorting a million events gathers every row of every column in a new order. Numbers are
/// copied; strings keep sharing their buffer and take only each row's start and end, so a
/// sort copies no text. Few rows of a large buffer (`head`, a narrow `where`) are copied
/// instead, so that they do not keep the whole buffer alive: over raw buffers on all
/// cores, short strings a word at a time, into buffers that ask for huge pages.
enum RowGather {
  /// `values[indices[0]], values[indices[1]], ...`
  /// - Complexity: O(indices.count), divided among the cores.
  static func values<T>(_ values: [T], _ indices: [Int]) -> [T] {
    values.withUnsafeBufferPointer { values in
      indices.withUnsafeBufferPointer { indices in
        ParallelWork.array(count: indices.count) { values[indices[$0]] }
      }
    }
  }

  /// The strings at `indices`, in that order. The result shares the source's buffer
  /// when `sharing` and the rows use at least half of it (a sorted column: no bytes are
  /// copied); otherwise their bytes are copied into a contiguous buffer of their own.
  /// - Complexity: O(indices.count), plus the bytes copied, divided among the cores.
  static func strings(_ strings: StringStorage, _ indices: [Int], sharing: Bool = true)
    -> StringStorage
  {
    guard !indices.isEmpty else { return StringStorage() }
    let (spans, total) = spans(strings, indices)
    if sharing, total * 2 >= strings.bufferCount { return strings.sharingBuffer(spans: spans) }
    return strings.withRows { copy($0, spans, total: total) }
  }

  /// The start and end of each chosen row, two numbers per row, and their total length;
  /// the rows split among the cores.
  private static func spans(_ strings: StringStorage, _ indices: [Int]) -> ([Int], Int) {
    let parts = indices.count < ParallelWork.arrayThreshold ? 1 : ParallelWork.coreCount * 2
    var totals: [Int] = []
    let spans = [Int](unsafeUninitializedCapacity: indices.count * 2) { output, initialized in
      // Each part initialises the spans of its own rows only.
      nonisolated(unsafe) let target = output
      strings.withRows { rows in
        indices.withUnsafeBufferPointer { indices in
          totals = ParallelWork.map(count: parts) { part in
            guard let base = target.baseAddress else { return 0 }
            var total = 0
            for position in (indices.count * part / parts)..<(indices.count * (part + 1) / parts) {
              let row = indices[position]
              let (start, end) = (rows.start(row), rows.end(row))
              (base + 2 * position).initialize(to: start)
              (base + 2 * position + 1).initialize(to: end)
              total += end - start
            }
            return total
          }
        }
      }
      initialized = indices.count * 2
    }
    return (spans, totals.reduce(0, +))
  }

  /// The rows at `spans` of `rows` copied back to back into a buffer of their own, the
  /// rows split among the cores; short strings are copied a word at a time.
  private static func copy(_ rows: StringRows, _ spans: [Int], total: Int) -> StringStorage {
    let count = spans.count / 2
    var offsets = [Int](repeating: 0, count: count + 1)
    for position in 0..<count {
      offsets[position + 1] = offsets[position] + spans[2 * position + 1] - spans[2 * position]
    }

    let bytes = [UInt8](unsafeUninitializedCapacity: total) { output, initialized in
      HugePages.request(UnsafeMutableRawBufferPointer(output))
      // Each part writes the bytes of its own rows only.
      nonisolated(unsafe) let target = output
      let source = rows.bytes
      let parts = count < ParallelWork.arrayThreshold ? 1 : ParallelWork.coreCount * 4
      spans.withUnsafeBufferPointer { spans in
        offsets.withUnsafeBufferPointer { offsets in
          _ = ParallelWork.map(count: parts) { part in
            guard let from = source.baseAddress, let to = target.baseAddress else { return }
            let range = (count * part / parts)..<(count * (part + 1) / parts)
            // A word copy may run past a row into the next ones, never into another part's.
            let partEnd = offsets[range.upperBound]
            for position in range {
              let start = spans[2 * position]
              let length = spans[2 * position + 1] - start
              let place = offsets[position]
              if length <= 16, start + 16 <= source.count, place + 16 <= partEnd {
                let word = UnsafeRawPointer(from + start)
                let slot = UnsafeMutableRawPointer(to + place)
                slot.storeBytes(of: word.loadUnaligned(as: UInt64.self), as: UInt64.self)
                slot.storeBytes(
                  of: word.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8,
                  as: UInt64.self)
              } else {
                (to + place).update(from: from + start, count: length)
              }
            }
          }
        }
      }
      initialized = total
    }
    return StringStorage(bytes: bytes, offsets: offsets)
  }

  /// The validity of the rows at `indices`, or `nil` when none of them is null.
  static func validity(_ mask: NullMask, _ indices: [Int]) -> NullMask? {
    var result = NullMask(count: indices.count)
    var anyNull = false
    for (position, row) in indices.enumerated() where !mask.isValid(row) {
      result.set(position, valid: false)
      anyNull = true
    }
    return anyNull ? result : nil
  }
}
