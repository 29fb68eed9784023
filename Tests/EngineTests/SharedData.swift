import Foundation

/// Locates the team's shared test data: `../shared/data` next to the package root.
enum SharedData {
  /// Whether the shared data folder exists; tests that need it are skipped otherwise.
  static var isAvailable: Bool {
    FileManager.default.fileExists(atPath: root)
  }

  /// The full path of `relative` inside the shared data folder.
  static func path(_ relative: String) -> String {
    root + "/" + relative
  }

  /// Tests/EngineTests/SharedData.swift → package root → ../shared/data.
  private static var root: String {
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent()
    return packageRoot.deletingLastPathComponent()
      .appendingPathComponent("shared/data").standardizedFileURL.path
  }
}
