/// A uniform grid over points for radius queries: each point lives in one cell, and a
/// query looks only at the cell of the point and the cells next to it.
///
/// The grid spans at most three dimensions (those with the widest spread); further
/// dimensions are checked by the exact distance test. Cells are at least `eps` wide,
/// a little wider so that rounding in `x / width` never puts two neighbours more than
/// one cell apart, and wide enough that cell coordinates fit in `Int32`.
struct GridIndex {
  /// Cell coordinates along the (up to three) grid dimensions.
  private struct Cell: Equatable {
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
  }

  /// The indexed points, row-major.
  private let points: [Double]
  private let dimensions: Int
  private let radiusSquared: Double
  /// The cell of each point.
  private var cellOfPoint: [Int32] = []
  /// Points of cell `k` are `cellPoints[cellStart[k] ..< cellStart[k + 1]]`, ascending.
  private var cellStart: [Int] = []
  private var cellPoints: [Int32] = []
  /// Non-empty cells next to cell `k` (itself included) are
  /// `nearCells[nearStart[k] ..< nearStart[k + 1]]`.
  private var nearStart: [Int] = []
  private var nearCells: [Int32] = []

  /// Indexes `count` points stored row-major in `points` for queries of radius `eps`.
  /// - Complexity: O(count × dimensions) expected.
  init(points: [Double], count: Int, dimensions: Int, eps: Double) {
    self.points = points
    self.dimensions = dimensions
    radiusSquared = eps * eps
    let axes = GridIndex.widestAxes(points, count: count, dimensions: dimensions)
    let width = GridIndex.cellWidth(points, count: count, dimensions: dimensions, axes, eps)

    var table = CellTable()
    cellOfPoint.reserveCapacity(count)
    for i in 0..<count {
      var cell = Cell()
      for (n, axis) in axes.enumerated() {
        let q = Int32((points[i * dimensions + axis] / width).rounded(.down))
        switch n {
        case 0: cell.a = q
        case 1: cell.b = q
        default: cell.c = q
        }
      }
      cellOfPoint.append(Int32(table.insert(cell)))
    }
    fillCells(cellCount: table.count)
    fillNearCells(table, axisCount: axes.count)
  }

  /// Calls `body` with every point within `eps` of point `i` (itself included), in
  /// no particular order, until `body` returns false.
  /// - Complexity: O(points in the 3^k cells around point i)
  @inline(__always)
  func forEachNeighbour(of i: Int, _ body: (Int) -> Bool) {
    points.withUnsafeBufferPointer { points in
      let origin = i * dimensions
      let cell = Int(cellOfPoint[i])
      for n in nearStart[cell]..<nearStart[cell + 1] {
        let other = Int(nearCells[n])
        for m in cellStart[other]..<cellStart[other + 1] {
          let j = Int(cellPoints[m])
          let start = j * dimensions
          var sum = 0.0
          for k in 0..<dimensions {
            let delta = points[origin + k] - points[start + k]
            sum += delta * delta
          }
          if sum <= radiusSquared, !body(j) { return }
        }
      }
    }
  }

  /// Sorts the points into cells, keeping point order within each cell.
  private mutating func fillCells(cellCount: Int) {
    cellStart = Array(repeating: 0, count: cellCount + 1)
    for cell in cellOfPoint { cellStart[Int(cell) + 1] += 1 }
    for k in 0..<cellCount { cellStart[k + 1] += cellStart[k] }
    var next = cellStart
    cellPoints = Array(repeating: 0, count: cellOfPoint.count)
    for (i, cell) in cellOfPoint.enumerated() {
      cellPoints[next[Int(cell)]] = Int32(i)
      next[Int(cell)] += 1
    }
  }

  /// Lists, for every cell, the non-empty cells among it and its neighbours.
  private mutating func fillNearCells(_ table: CellTable, axisCount: Int) {
    let steps: [Int32] = [-1, 0, 1]
    let spanA = axisCount > 0 ? steps : [0]
    let spanB = axisCount > 1 ? steps : [0]
    let spanC = axisCount > 2 ? steps : [0]
    nearStart = [0]
    nearStart.reserveCapacity(table.count + 1)
    for cell in table.cells {
      for da in spanA {
        for db in spanB {
          for dc in spanC {
            let near = Cell(a: cell.a &+ da, b: cell.b &+ db, c: cell.c &+ dc)
            if let id = table.find(near) { nearCells.append(Int32(id)) }
          }
        }
      }
      nearStart.append(nearCells.count)
    }
  }

  /// Up to three dimensions with the largest range of values, in dimension order.
  private static func widestAxes(
    _ points: [Double], count: Int, dimensions: Int
  ) -> [Int] {
    guard dimensions > 3 else { return Array(0..<dimensions) }
    let ranges = (0..<dimensions).map { axis in
      let values = (0..<count).map { points[$0 * dimensions + axis] }
      return (values.max() ?? 0) - (values.min() ?? 0)
    }
    let widest = (0..<dimensions).sorted { ranges[$0] > ranges[$1] }.prefix(3)
    return widest.sorted()
  }

  /// The cell width: `eps` plus a margin for rounding, widened when the coordinates are
  /// so large that cell numbers would not fit in `Int32`.
  private static func cellWidth(
    _ points: [Double], count: Int, dimensions: Int, _ axes: [Int],
    _ eps: Double
  ) -> Double {
    var largest = 0.0
    for i in 0..<count {
      for axis in axes { largest = max(largest, abs(points[i * dimensions + axis])) }
    }
    return max(eps * (1 + 1e-6), largest / 1e9)
  }
}

extension GridIndex {
  /// An open-addressing map from cell coordinates to dense cell ids, first-seen order.
  private struct CellTable {
    private(set) var cells: [Cell] = []
    private var slots = [Int32](repeating: -1, count: 64)

    var count: Int { cells.count }

    mutating func insert(_ cell: Cell) -> Int {
      var slot = CellTable.hash(cell) & (slots.count - 1)
      while slots[slot] >= 0 {
        if cells[Int(slots[slot])] == cell { return Int(slots[slot]) }
        slot = (slot + 1) & (slots.count - 1)
      }
      slots[slot] = Int32(cells.count)
      cells.append(cell)
      if cells.count * 2 > slots.count { rehash() }
      return cells.count - 1
    }

    func find(_ cell: Cell) -> Int? {
      var slot = CellTable.hash(cell) & (slots.count - 1)
      while slots[slot] >= 0 {
        if cells[Int(slots[slot])] == cell { return Int(slots[slot]) }
        slot = (slot + 1) & (slots.count - 1)
      }
      return nil
    }

    private mutating func rehash() {
      slots = [Int32](repeating: -1, count: slots.count * 2)
      for (id, cell) in cells.enumerated() {
        var slot = CellTable.hash(cell) & (slots.count - 1)
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(id)
      }
    }

    private static func hash(_ cell: Cell) -> Int {
      var h = UInt64(UInt32(bitPattern: cell.a)) &* 0x9E37_79B9_7F4A_7C15
      h ^= UInt64(UInt32(bitPattern: cell.b)) &* 0xC2B2_AE3D_27D4_EB4F
      h ^= UInt64(UInt32(bitPattern: cell.c)) &* 0x1656_67B1_9E37_79F9
      h ^= h >> 29
      return Int(truncatingIfNeeded: h)
    }
  }
}
