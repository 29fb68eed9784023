/// Takes chosen rows of a column into a new one, the rows split among the cores: the
/// work behind `Column.gather` and `StringStorage.gather`.
///
/// Sorting a million events gathers every row of every column in a new order. Numbers are
/// copied; string columns become selections of their buffers, all of a table's sharing one
/// list of rows, so a sort copies no text. Few rows of a large buffer (`head`, a narrow
/// `where`) are copied instead, so that they do not keep the whole buffer alive: over raw
/// buffers on all cores, short strings a word at a time, into buffers that ask for huge
/// pages.
enum RowGather {
  /// `values[indices[0]], values[indices[1]], ...`
  /// - Complexity: O(indices.count), divided among the cores.
  static func values<T>(_ values: [T], _ indices: [Int]) -> [T] {
    let count = indices.count
    let parts = count < ParallelWork.arrayThreshold ? 1 : ParallelWork.coreCount * 2
    return [T](unsafeUninitializedCapacity: count) { output, initialized in
      // Each part initialises its own range of the output only.
      nonisolated(unsafe) let target = output
      values.withUnsafeBufferPointer { values in
        indices.withUnsafeBufferPointer { indices in
          _ = ParallelWork.map(count: parts) { part in
            guard let base = target.baseAddress else { return }
            for position in (count * part / parts)..<(count * (part + 1) / parts) {
              (base + position).initialize(to: values[indices[position]])
            }
          }
        }
      }
      initialized = count
    }
  }

  /// The strings at `indices`, in that order. When `sharing` and they are at least half
  /// as many as the rows of the source's buffer, the result is a selection of that buffer
  /// (a sorted column: no bytes are copied); otherwise their bytes are copied into a
  /// contiguous buffer of their own. `selections` composes a selection with `indices`
  /// once for all the columns that share it.
  /// - Complexity: O(1) for a contiguous source, O(indices.count) to compose a selection,
  ///   or O(indices.count + bytes copied), divided among the cores.
  static func strings(
    _ strings: StringStorage, _ indices: [Int], sharing: Bool = true,
    selections: ComposedSelections? = nil
  ) -> StringStorage {
    guard !indices.isEmpty else { return StringStorage() }
    if sharing, indices.count * 2 >= strings.sourceCount {
      guard let selected = strings.selectedRows else { return strings.selecting(indices) }
      let composed = (selections ?? ComposedSelections(indices)).compose(selected)
      return strings.selecting(composed)
    }
    return strings.withRows { copy($0, indices) }
  }

  /// The rows at `indices` of `rows` copied back to back into a buffer of their own, the
  /// rows split among the cores; short strings are copied a word at a time.
  private static func copy(_ rows: StringRows, _ indices: [Int]) -> StringStorage {
    let count = indices.count
    var offsets = [Int](repeating: 0, count: count + 1)
    for position in 0..<count {
      offsets[position + 1] = offsets[position] + rows.length(indices[position])
    }
    let total = offsets[count]

    let bytes = [UInt8](unsafeUninitializedCapacity: total) { output, initialized in
      HugePages.request(UnsafeMutableRawBufferPointer(output))
      // Each part writes the bytes of its own rows only.
      nonisolated(unsafe) let target = output
      let source = rows.bytes
      let parts = count < ParallelWork.arrayThreshold ? 1 : ParallelWork.coreCount * 4
      indices.withUnsafeBufferPointer { indices in
        offsets.withUnsafeBufferPointer { offsets in
          _ = ParallelWork.map(count: parts) { part in
            guard let from = source.baseAddress, let to = target.baseAddress else { return }
            let range = (count * part / parts)..<(count * (part + 1) / parts)
            // A word copy may run past a row into the next ones, never into another part's.
            let partEnd = offsets[range.upperBound]
            for position in range {
              let start = rows.start(indices[position])
              let place = offsets[position]
              let length = offsets[position + 1] - place
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

/// One list of row numbers composed with the selections of the string columns gathered
/// with it, each selection once: the columns of a sorted table that share a selection
/// then share the composed one too, instead of holding one list each.
final class ComposedSelections {
  /// The rows being gathered.
  private let indices: [Int]
  /// The composed selections, by the address of the selection they came from.
  private var composed: [UInt: [Int]] = [:]

  /// Composes selections with `indices`.
  init(_ indices: [Int]) {
    self.indices = indices
  }

  /// `selection[indices[0]], selection[indices[1]], ...`, computed once per selection;
  /// the selections must stay alive while this object is used.
  func compose(_ selection: [Int]) -> [Int] {
    let key = selection.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    if let done = composed[key] { return done }
    let result = RowGather.values(selection, indices)
    composed[key] = result
    return result
  }
}
