import Engine
import Foundation
import TestSupport
import Testing

/// Features, labels and exemplars against msticpy 3.0.2 and scikit-learn 1.9.1 on the
/// shared event data (see ../shared/data/README.md).
@Suite(.enabled(if: SharedData.isAvailable, "../shared/data is absent"))
struct ReferenceParityTests {
  /// The reference clusters on these with eps 0.0001 and min 2.
  static let referenceOptions = ClusterOptions(
    columns: ["commandlineTokensFull", "pathScore", "isSystemSession"], eps: 0.0001,
    minSamples: 2, timeColumn: "TimeGenerated")

  static let processFiles = ["processes_on_host", "processes_10k"]

  /// The column that records each row's 0-based input position, to follow exemplars.
  static let inputRow = "InputRow"

  private func featureTable(_ name: String) throws -> Table {
    let input = try loadNumbered("\(name).csv")
    return try ProcessFeatures.add(to: input)
  }

  private func loadNumbered(_ file: String) throws -> Table {
    var table = try ReferenceData.loadTable(SharedData.path(file))
    table.setColumn(Self.inputRow, Column(.int((0..<Int64(table.rowCount)).map { $0 })))
    return table
  }

  @Test(arguments: processFiles)
  func featuresMatchMsticpyRowForRow(name: String) throws {
    let table = try featureTable(name)
    let expected = try ReferenceData.loadExpected(SharedData.path("expected/\(name).features.csv"))
    #expect(table.rowCount == expected.count)

    let integers = [
      "pathScore", "pathHash", "commandlineLen", "commandlineTokensFull", "commandlineScore",
      "commandlineTokensHash",
    ]
    for feature in integers {
      let column = try table.column(feature)
      let mismatches = expected.indices.filter { row in
        column[row] != .int(Int64(expected[row][feature] ?? "") ?? -1)
      }
      #expect(mismatches.isEmpty, "\(feature) differs at rows \(mismatches.prefix(5))")
    }
    for feature in ["pathLogScore", "commandlineLogLen"] {
      let column = try table.column(feature)
      let mismatches = expected.indices.filter { row in
        let want = Double(expected[row][feature] ?? "") ?? .nan
        return !(abs((column[row].doubleValue ?? .nan) - want) <= 1e-9)
      }
      #expect(mismatches.isEmpty, "\(feature) differs at rows \(mismatches.prefix(5))")
    }
    let names = try table.column("processName")
    let sessions = try table.column("isSystemSession")
    let nameMismatches = expected.indices.filter {
      names[$0] != .string(expected[$0]["processName"] ?? "")
    }
    let sessionMismatches = expected.indices.filter {
      sessions[$0] != .bool(expected[$0]["isSystemSession"] == "True")
    }
    #expect(nameMismatches.isEmpty, "processName differs at rows \(nameMismatches.prefix(5))")
    #expect(sessionMismatches.isEmpty, "isSystemSession differs at \(sessionMismatches.prefix(5))")
  }

  @Test(arguments: processFiles)
  func labelsMatchScikitLearnRowForRow(name: String) throws {
    let table = try featureTable(name)
    let expected = try ReferenceData.loadExpected(SharedData.path("expected/\(name).features.csv"))
    let result = try Clusterer.labels(table, options: Self.referenceOptions)

    let labels = expected.map { Int($0["label"] ?? "") ?? -99 }
    let isCore = expected.map { $0["isCore"] == "True" }
    let wrongLabels = labels.indices.filter { result.labels[$0] != labels[$0] }
    let wrongCores = isCore.indices.filter { result.isCore[$0] != isCore[$0] }
    try #require(result.labels.count == labels.count)
    #expect(wrongLabels.isEmpty, "labels differ at rows \(wrongLabels.prefix(5))")
    #expect(wrongCores.isEmpty, "isCore differs at rows \(wrongCores.prefix(5))")
  }

  @Test(arguments: zip(processFiles, [62, 78]))
  func exemplarsMatchMsticpy(name: String, outputRows: Int) throws {
    let table = try featureTable(name)
    let expected = try ReferenceData.loadExpected(SharedData.path("expected/\(name).clusters.csv"))
    let clustered = try Clusterer.cluster(table, options: Self.referenceOptions)

    #expect(clustered.rowCount == outputRows)
    try expectExemplars(clustered, expected)
  }

  @Test func logonsClusterIntoThreeRowsOnAccountAndLogonType() throws {
    var table = try loadNumbered("host_logons.csv")
    let accounts = try table.column("Account")
    let scores = try (0..<table.rowCount).map { row in
      guard case .string(let account) = accounts[row] else { return Value.null }
      return Value.int(try StringFeatures.ordScore(account))
    }
    table.setColumn("AccountNum", Column(type: .int, cells: scores))
    let expected = try ReferenceData.loadExpected(
      SharedData.path("expected/host_logons.clusters.csv"))
    let features = try ReferenceData.loadExpected(
      SharedData.path("expected/host_logons.features.csv"))
    var options = Self.referenceOptions
    options.columns = ["AccountNum", "LogonType"]

    #expect(
      try table.column("AccountNum").gather(Array(0..<table.rowCount))
        == Column(
          type: .int, cells: features.map { .int(Int64($0["AccountNum"] ?? "") ?? -1) }))
    let clustered = try Clusterer.cluster(table, options: options)
    #expect(clustered.rowCount == 3)
    #expect(try clustered.column("ClusterSize") == Column(.int([1, 2, 11])))
    try expectExemplars(clustered, expected)
  }

  /// Compares exemplar rows, ids, sizes, flags and (for clusters) times with msticpy's.
  private func expectExemplars(_ clustered: Table, _ expected: [[String: String]]) throws {
    try #require(clustered.rowCount == expected.count)
    let rows = try clustered.column(Self.inputRow)
    let ids = try clustered.column("ClusterId")
    let sizes = try clustered.column("ClusterSize")
    let flags = try clustered.column("Clustered")
    let first = try clustered.column("FirstEventTime")
    let last = try clustered.column("LastEventTime")
    let time = try clustered.column("TimeGenerated")
    for (k, want) in expected.enumerated() {
      #expect(rows[k] == .int(Int64(want["row"] ?? "") ?? -1), "output row \(k)")
      #expect(ids[k] == .int(Int64(want["ClusterId"] ?? "") ?? -99), "output row \(k)")
      #expect(sizes[k] == .int(Int64(want["ClusterSize"] ?? "") ?? -1), "output row \(k)")
      #expect(flags[k] == .bool(want["Clustered"] == "True"), "output row \(k)")
      guard want["ClusterId"] != "-1" else { continue }
      let firstTime = Timestamp.parse(want["FirstEventTime"] ?? "").map(Value.timestamp)
      let lastTime = Timestamp.parse(want["LastEventTime"] ?? "").map(Value.timestamp)
      #expect(first[k] == firstTime, "output row \(k)")
      #expect(last[k] == lastTime, "output row \(k)")
      #expect(time[k] == firstTime, "output row \(k)")
    }
  }
}
