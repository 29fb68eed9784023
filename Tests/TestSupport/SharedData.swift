import Foundation

/// Locates the team's shared test data (`../shared/data` next to the package root) and the
/// package's own files. Tests that need the shared data are enabled only when it exists:
/// `@Test(.enabled(if: SharedData.isAvailable, "../shared/data is absent"))`.
public enum SharedData {
  /// The package root: three levels above this file (`Tests/TestSupport/SharedData.swift`).
  public static let packageRoot: String = {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent()
      .path
  }()

  /// The shared data folder, whether or not it exists.
  public static let directory: String = {
    URL(fileURLWithPath: packageRoot)
      .deletingLastPathComponent()
      .appendingPathComponent("shared/data")
      .path
  }()

  /// Whether the shared data folder is present.
  public static var isAvailable: Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder)
      && isFolder.boolValue
  }

  /// The path of `relative` inside the shared data folder.
  public static func path(_ relative: String) -> String {
    directory + "/" + relative
  }

  /// The team's folder of real exports (`../shared/corpus` next to the package root),
  /// whether or not it exists.
  public static let corpusDirectory: String = {
    URL(fileURLWithPath: packageRoot)
      .deletingLastPathComponent()
      .appendingPathComponent("shared/corpus")
      .path
  }()

  /// The path of the export `name` in the corpus folder.
  public static func corpusPath(_ name: String) -> String {
    corpusDirectory + "/" + name
  }

  /// Whether the export `name` is in the corpus folder. Tests that read it are enabled
  /// only then: `@Test(.enabled(if: SharedData.hasCorpusFile("x.csv"), "..."))`.
  public static func hasCorpusFile(_ name: String) -> Bool {
    FileManager.default.isReadableFile(atPath: corpusPath(name))
  }

  /// The path of `relative` inside the package.
  public static func packagePath(_ relative: String) -> String {
    packageRoot + "/" + relative
  }
}
