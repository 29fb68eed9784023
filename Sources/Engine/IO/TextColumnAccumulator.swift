/// One text column of a table being read, grown a chunk's `TextPiece` at a time.
struct TextColumnAccumulator {
  private var bytes: [UInt8] = []
  private var offsets: [Int] = [0]
  /// The rows whose field is empty (null), in order.
  private var emptyRows: [Int] = []

  /// The number of rows so far.
  var rowCount: Int { offsets.count - 1 }
  /// The number of bytes of text so far.
  var byteCount: Int { bytes.count }

  /// Makes room for `rows` rows holding `byteCount` bytes in all, to avoid growing by
  /// copying when the final size can be estimated.
  mutating func reserve(rows: Int, bytes byteCount: Int) {
    offsets.reserveCapacity(rows + 1)
    bytes.reserveCapacity(byteCount)
  }

  /// The memory the column may fill without growing: its bytes and its offsets.
  mutating func regions() -> [UnsafeMutableRawBufferPointer] {
    [HugePages.region(of: &bytes), HugePages.region(of: &offsets)]
  }

  /// Adds the rows of `piece` at the end.
  /// - Complexity: O(rows + bytes of the piece), amortised.
  mutating func append(_ piece: TextPiece) {
    let base = bytes.count
    let firstRow = rowCount
    bytes.append(contentsOf: piece.bytes)
    Self.append(piece.ends, shiftedBy: base, to: &offsets)
    Self.append(piece.emptyRows, shiftedBy: firstRow, to: &emptyRows)
  }

  /// Appends `values + shift` to `array`: a block copy, then one pass that a vector unit
  /// can do, rather than one element at a time through an iterator.
  private static func append<Values: Collection>(
    _ values: Values, shiftedBy shift: Int, to array: inout [Int]
  ) where Values.Element == Int {
    guard !values.isEmpty else { return }
    let start = array.count
    array.append(contentsOf: values)
    guard shift != 0 else { return }
    array.withUnsafeMutableBufferPointer { all in
      for index in start..<all.count { all[index] &+= shift }
    }
  }

  /// The finished column; empty fields are nulls.
  func column() -> Column {
    var validity: NullMask?
    if !emptyRows.isEmpty {
      var mask = NullMask(count: rowCount)
      for row in emptyRows { mask.set(row, valid: false) }
      validity = mask
    }
    return Column(.string(StringStorage(bytes: bytes, offsets: offsets)), validity: validity)
  }
}
