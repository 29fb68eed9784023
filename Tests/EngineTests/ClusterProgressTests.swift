import Engine
import Testing

/// Clustering tells a progress reporter how far it has come, ending with the whole.
@Suite("Cluster progress")
struct ClusterProgressTests {
  @Test func clusteringReportsRisingProgressEndingAtOne() throws {
    let points = FeatureMatrix(
      rows: (0..<1000).map { [Double($0 % 7), Double($0 % 3)] }, dimensions: 2)
    let reporter = RecordingReporter()

    let result = try DBSCAN(eps: 0.5, minSamples: 2).fit(points, progress: reporter)

    let reports = reporter.reports
    #expect(result.labels.count == 1000)
    #expect(reports.count >= 2)
    #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.fraction <= $1.fraction })
    #expect(reports.last == WorkProgress(task: "cluster", fraction: 1, rows: 1000))
  }
}
