import Foundation

/// Builds the text columns of a table together, reading each chunk of the input once,
/// front to back, on all cores.
///
/// Building one column at a time would visit the whole input once per column; reading
/// record after record keeps the input's bytes flowing through the cache in order. Each
/// chunk copies its fields into a reserved region of every column (as large as the raw
/// fields, which quoting can only shrink); the regions are then closed up. Empty fields
/// are nulls.
struct TextColumnsBuilder {
  /// How many columns share one pass over the input (bounds the nesting of buffers).
  static let columnsPerPass = 24

  let bytes: UnsafeBufferPointer<UInt8>
  let chunks: [CSVChunk]

  /// The text columns at `indices`, in that order.
  /// - Complexity: O(rows × indices.count + bytes copied), divided among the cores.
  func build(_ indices: [Int]) -> [Column] {
    var columns: [Column] = []
    var start = 0
    while start < indices.count {
      let end = min(start + Self.columnsPerPass, indices.count)
      columns += buildPass(Array(indices[start..<end]))
      start = end
    }
    return columns
  }

  /// The plan and results of one pass: where each chunk writes in each column.
  private struct Layout {
    /// Row number of each chunk's first record.
    var firstRow: [Int]
    /// `reserved[column][chunk]`: the first byte of the chunk's region in the column.
    var reserved: [[Int]]
    /// Each column's raw byte total, the capacity of its buffer.
    var capacity: [Int]
    var rows: Int
  }

  private func buildPass(_ indices: [Int]) -> [Column] {
    let layout = plan(indices)
    var lengths: [Int] = []

    var offsets: [[Int]] = []
    let texts = UninitializedArrays.make(capacities: layout.capacity) {
      (texts: [UnsafeMutableBufferPointer<UInt8>]) -> [Int] in
      let rowCapacities = Array(repeating: layout.rows + 1, count: indices.count)
      offsets = UninitializedArrays.make(capacities: rowCapacities) { offsets in
        let ends = ParallelWork.map(count: chunks.count) { chunk in
          copyChunk(chunk, indices, layout, texts, offsets)
        }
        lengths = indices.indices.map { column in
          closeUp(column, layout, ends.map { $0[column] }, texts[column], offsets[column])
        }
        return rowCapacities
      }
      return lengths
    }

    return indices.indices.map { column in
      let validity = Self.emptyRows(offsets[column], rows: layout.rows)
      let storage = StringStorage(bytes: texts[column], offsets: offsets[column])
      return Column(.string(storage), validity: validity)
    }
  }

  /// Sizes every region from the raw field lengths.
  private func plan(_ indices: [Int]) -> Layout {
    var firstRow: [Int] = []
    var rows = 0
    for chunk in chunks {
      firstRow.append(rows)
      rows += chunk.rowCount
    }

    let rawSizes = ParallelWork.map(count: indices.count) { column in
      chunks.map { chunk in
        chunk.spans.column(indices[column]).reduce(0) { $0 + Int($1.end) - Int($1.start) }
      }
    }
    var reserved: [[Int]] = []
    var capacity: [Int] = []
    for sizes in rawSizes {
      var total = 0
      reserved.append(
        sizes.map { size in
          defer { total += size }
          return total
        })
      capacity.append(total)
    }
    return Layout(firstRow: firstRow, reserved: reserved, capacity: capacity, rows: rows)
  }

  /// Copies one chunk's fields into its regions; returns where each region's text ends.
  private func copyChunk(
    _ index: Int, _ indices: [Int], _ layout: Layout,
    _ texts: [UnsafeMutableBufferPointer<UInt8>], _ offsets: [UnsafeMutableBufferPointer<Int>]
  ) -> [Int] {
    let chunk = chunks[index]
    var cursors = indices.indices.map { layout.reserved[$0][index] }
    guard let input = bytes.baseAddress, chunk.rowCount > 0 else { return cursors }

    let spanColumns = indices.map { chunk.spans.column($0) }
    // A column whose fields are all empty may have no buffer at all.
    let targets = texts.map(\.baseAddress)
    let firstRow = layout.firstRow[index]
    cursors.withUnsafeMutableBufferPointer { cursors in
      for row in 0..<chunk.rowCount {
        for column in 0..<cursors.count {
          let span = spanColumns[column][row]
          var written = 0
          if span.end > span.start, let target = targets[column] {
            written = FieldText.copy(
              from: input, start: chunk.base + Int(span.start), end: chunk.base + Int(span.end),
              quoted: span.isQuoted, to: target + cursors[column])
          }
          cursors[column] += written
          offsets[column][firstRow + row + 1] = cursors[column]
        }
      }
    }
    return cursors
  }

  /// Moves every chunk's region down to meet the one before, fixes the offsets, and
  /// returns the column's final byte count.
  private func closeUp(
    _ column: Int, _ layout: Layout, _ ends: [Int], _ text: UnsafeMutableBufferPointer<UInt8>,
    _ offsets: UnsafeMutableBufferPointer<Int>
  ) -> Int {
    offsets[0] = 0
    var length = 0
    for (index, chunk) in chunks.enumerated() {
      let start = layout.reserved[column][index]
      let shift = start - length
      if shift > 0, chunk.rowCount > 0, let base = text.baseAddress {
        memmove(base + length, base + start, ends[index] - start)
        let firstRow = layout.firstRow[index]
        for row in firstRow + 1...firstRow + chunk.rowCount {
          offsets[row] -= shift
        }
      }
      length += ends[index] - start
    }
    return length
  }

  /// The mask that makes the empty rows of a column null, or `nil` when it has none.
  private static func emptyRows(_ offsets: [Int], rows: Int) -> NullMask? {
    var mask: NullMask?
    offsets.withUnsafeBufferPointer { offsets in
      for row in 0..<rows where offsets[row + 1] == offsets[row] {
        if mask == nil { mask = NullMask(count: rows) }
        mask?.set(row, valid: false)
      }
    }
    return mask
  }
}
