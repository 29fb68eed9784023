/// Copies chosen rows of a column into a new one, the rows split among the cores: the
/// work behind `Column.gather` and `StringStorage.gather`.
///
/// Sorting a million events gathers every row of every column in a new order; this is
/// most of the time a sort takes, so the copy runs over raw buffers on all cores, short
/// strings are copied a word at a time, and the new buffers ask for huge pages.
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

  /// The strings at `indices`, in that order.
  /// - Complexity: O(indices.count + bytes copied), the copying divided among the cores.
  static func strings(_ strings: StringStorage, _ indices: [Int]) -> StringStorage {
    var offsets = [Int](repeating: 0, count: indices.count + 1)
    strings.offsets.withUnsafeBufferPointer { source in
      for (position, row) in indices.enumerated() {
        offsets[position + 1] = offsets[position] + source[row + 1] - source[row]
      }
    }
    let total = offsets[indices.count]

    let bytes = [UInt8](unsafeUninitializedCapacity: total) { output, initialized in
      HugePages.request(UnsafeMutableRawBufferPointer(output))
      copy(strings, indices, offsets, into: output)
      initialized = total
    }
    return StringStorage(bytes: bytes, offsets: offsets)
  }

  /// Copies each chosen row's bytes to its place in `output`, the rows split among the
  /// cores.
  private static func copy(
    _ strings: StringStorage, _ indices: [Int], _ offsets: [Int],
    into output: UnsafeMutableBufferPointer<UInt8>
  ) {
    // Each part writes the bytes of its own rows only.
    nonisolated(unsafe) let target = output
    let parts = indices.count < ParallelWork.arrayThreshold ? 1 : ParallelWork.coreCount * 4
    strings.bytes.withUnsafeBufferPointer { source in
      strings.offsets.withUnsafeBufferPointer { sourceOffsets in
        _ = ParallelWork.map(count: parts) { part in
          guard let from = source.baseAddress, let to = target.baseAddress else { return }
          let rows = (indices.count * part / parts)..<(indices.count * (part + 1) / parts)
          // A word copy may run past a row into the next ones, never into another part's.
          let partEnd = offsets[rows.upperBound]
          for position in rows {
            let row = indices[position]
            let start = sourceOffsets[row]
            let length = sourceOffsets[row + 1] - start
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
