import Engine
import Testing

/// A small seeded generator (SplitMix64) so random cases are repeatable.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// scikit-learn's DBSCAN written out plainly over every row: brute-force radius
/// neighbourhoods (squared distance <= eps squared), core when the neighbourhood has
/// at least `minSamples` rows, then `dbscan_inner`'s stack expansion.
enum BruteForceDBSCAN {
  static func fit(_ points: FeatureMatrix, eps: Double, minSamples: Int) -> (
    labels: [Int], isCore: [Bool]
  ) {
    let n = points.rowCount
    let neighbourhoods = (0..<n).map { i in
      (0..<n).filter { j in
        var sum = 0.0
        for k in 0..<points.dimensions {
          let delta = points[i, k] - points[j, k]
          sum += delta * delta
        }
        return sum <= eps * eps
      }
    }
    let isCore = neighbourhoods.map { $0.count >= minSamples }
    var labels = [Int](repeating: -1, count: n)
    var label = 0
    for start in 0..<n where labels[start] == -1 && isCore[start] {
      var stack: [Int] = []
      var i = start
      while true {
        if labels[i] == -1 {
          labels[i] = label
          if isCore[i] {
            for v in neighbourhoods[i] where labels[v] == -1 { stack.append(v) }
          }
        }
        guard let next = stack.popLast() else { break }
        i = next
      }
      label += 1
    }
    return (labels, isCore)
  }
}

@Suite struct DBSCANTests {
  private func labels(_ xs: [Double], eps: Double, min: Int) throws -> [Int] {
    let points = FeatureMatrix(rows: xs.map { [$0] }, dimensions: 1)
    return try DBSCAN(eps: eps, minSamples: min).fit(points).labels
  }

  /// Two clusters four points each (0...1 and 3...4) and a point at 2.0 exactly `eps`
  /// from the nearest member of each; with `min` 4 it is a border point of both.
  @Test(
    arguments: [
      ([0, 0.25, 0.5, 1, 2, 3, 3.5, 3.75, 4], [0, 0, 0, 0, 0, 1, 1, 1, 1]),
      ([3, 3.5, 3.75, 4, 2, 0, 0.25, 0.5, 1], [0, 0, 0, 0, 0, 1, 1, 1, 1]),
      ([2, 4, 3.75, 3.5, 3, 1, 0.5, 0.25, 0], [0, 0, 0, 0, 0, 1, 1, 1, 1]),
      ([2, 0, 4, 0.25, 3.5, 3.75, 0.5, 3, 1], [0, 0, 1, 0, 1, 1, 0, 1, 0]),
    ] as [([Double], [Int])])
  func borderPointJoinsTheClusterWhoseFirstCoreComesFirst(xs: [Double], expected: [Int])
    throws
  {
    #expect(try labels(xs, eps: 1, min: 4) == expected)
  }

  @Test func duplicatesBecomeCoreByTheirCountAlone() throws {
    #expect(try labels([5, 9, 5, 5], eps: 0.1, min: 3) == [0, -1, 0, 0])
    #expect(try labels([5, 9, 5], eps: 0.1, min: 3) == [-1, -1, -1])
    #expect(try labels([0.5, 0, 0], eps: 1, min: 3) == [0, 0, 0])
  }

  @Test func duplicatesCarryTheirWeightIntoANeighboursCount() throws {
    let points = FeatureMatrix(rows: [[0], [0], [0.5], [1.5]], dimensions: 1)
    let sparse = try DBSCAN(eps: 1, minSamples: 5).fit(points)
    #expect(sparse.labels == [-1, -1, -1, -1])
    let dense = try DBSCAN(eps: 1, minSamples: 3).fit(points)
    #expect(dense.labels == [0, 0, 0, 0])
    #expect(dense.isCore == [true, true, true, false])
    #expect(dense.distinctPointCount == 3)
    #expect(BruteForceDBSCAN.fit(points, eps: 1, minSamples: 3).labels == dense.labels)
  }

  @Test(arguments: [(0.5, [0, 0]), (0.4999, [-1, -1])] as [(Double, [Int])])
  func pointsExactlyEpsApartAreNeighbours(eps: Double, expected: [Int]) throws {
    #expect(try labels([0, 0.5], eps: eps, min: 2) == expected)
  }

  @Test func minSamplesOfOneMakesEveryPointACluster() throws {
    #expect(try labels([0, 10, 0.5, 20], eps: 1, min: 1) == [0, 1, 0, 2])
  }

  @Test func emptyInputHasNoLabels() throws {
    let result = try DBSCAN().fit(FeatureMatrix(rowCount: 0, dimensions: 3, values: []))
    #expect(result.labels.isEmpty && result.clusterCount == 0)
  }

  @Test(arguments: [0, -1, Double.nan, Double.infinity])
  func nonPositiveOrNonFiniteEpsIsRejected(eps: Double) {
    #expect(throws: ClusterError.self) { try DBSCAN(eps: eps, minSamples: 2) }
  }

  @Test func minSamplesBelowOneIsRejected() {
    #expect(throws: ClusterError.invalidMinSamples(0)) { try DBSCAN(eps: 1, minSamples: 0) }
  }

  /// Points on a half-eps lattice, so many pairs lie exactly `eps` apart, with many
  /// repeats; dimensions above three exercise the grid's choice of axes.
  @Test(arguments: [1, 2, 3, 5], [UInt64(1), 2, 3, 4, 5, 6])
  func labelsEqualScikitLearnsAlgorithmOnLatticePoints(dimensions: Int, seed: UInt64) throws {
    var random = SeededGenerator(seed: seed &* 7919 &+ UInt64(dimensions))
    let rows = Int.random(in: 20...120, using: &random)
    let values = (0..<(rows * dimensions)).map { _ in
      Double(Int.random(in: 0...7, using: &random)) * 0.5
    }
    let points = FeatureMatrix(rowCount: rows, dimensions: dimensions, values: values)
    for (eps, min) in [(0.5, 2), (1.0, 3), (0.75, 5), (1.5, 9)] {
      let expected = BruteForceDBSCAN.fit(points, eps: eps, minSamples: min)
      let result = try DBSCAN(eps: eps, minSamples: min).fit(points)
      #expect(result.labels == expected.labels, "eps \(eps) min \(min)")
      #expect(result.isCore == expected.isCore, "eps \(eps) min \(min)")
    }
  }

  /// msticpy-like features (delimiter count, path score, flag), normalised, with
  /// near-duplicates that differ in the last digits.
  @Test(arguments: [UInt64(11), 12, 13, 14])
  func labelsEqualScikitLearnsAlgorithmOnNormalisedFeatures(seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    let bases = (0..<15).map { _ in
      [
        Double(Int.random(in: 0...60, using: &random)),
        Double(Int.random(in: 1000...13000, using: &random)),
        Double(Int.random(in: 0...1, using: &random)),
      ]
    }
    let rows = (0..<300).map { _ in
      var row = bases[Int.random(in: 0..<bases.count, using: &random)]
      row[1] += Double(Int.random(in: -2...2, using: &random))
      return row
    }
    let points = FeatureMatrix(rows: rows, dimensions: 3).normalizedRows()
    for (eps, min) in [(0.0001, 2), (0.001, 3), (0.01, 6)] {
      let expected = BruteForceDBSCAN.fit(points, eps: eps, minSamples: min)
      let result = try DBSCAN(eps: eps, minSamples: min).fit(points)
      #expect(result.labels == expected.labels, "eps \(eps) min \(min)")
      #expect(result.isCore == expected.isCore, "eps \(eps) min \(min)")
    }
  }

  @Test func hugeCoordinatesWithATinyRadiusStillFindNeighbours() throws {
    let base = 3e15
    let points = FeatureMatrix(
      rows: [[base], [base + 0.5], [base + 4], [-base], [-base + 0.5]], dimensions: 1)
    let expected = BruteForceDBSCAN.fit(points, eps: 0.5, minSamples: 2)
    let result = try DBSCAN(eps: 0.5, minSamples: 2).fit(points)
    #expect(result.labels == expected.labels)
    #expect(result.labels == [0, 0, -1, 1, 1])
  }
}
