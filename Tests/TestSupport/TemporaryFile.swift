import Foundation

/// Files in the system's temporary folder, for tests that read from disk.
public enum TemporaryFile {
  /// Writes `bytes` to a new file whose name ends in `suffix` (such as `.csv`) and returns
  /// its path; the caller removes it.
  public static func write(_ bytes: [UInt8], suffix: String) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("evs-\(UUID().uuidString)\(suffix)").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Removes the file at `path`, if it is there.
  public static func remove(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
  }
}
