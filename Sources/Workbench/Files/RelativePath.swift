import Foundation

/// Paths relative to one folder, rewritten to be relative to another.
enum RelativePath {
  /// `path`, meant relative to `oldFolder`, as a path relative to `newFolder` that names
  /// the same file. Absolute and `~` paths are returned as they are.
  static func rebase(_ path: String, from oldFolder: String, to newFolder: String) -> String {
    guard !path.hasPrefix("/"), !path.hasPrefix("~") else { return path }
    let old = URL(fileURLWithPath: oldFolder).standardizedFileURL.path
    let new = URL(fileURLWithPath: newFolder).standardizedFileURL.path
    guard old != new else { return path }
    let absolute = URL(fileURLWithPath: old).appendingPathComponent(path).standardizedFileURL
    return relative(absolute.path, to: new)
  }

  /// The absolute `path` relative to the absolute `folder`, going up with `..` as needed.
  static func relative(_ path: String, to folder: String) -> String {
    let target = path.split(separator: "/").map(String.init)
    let base = folder.split(separator: "/").map(String.init)
    var shared = 0
    while shared < min(target.count, base.count), target[shared] == base[shared] { shared += 1 }
    let ups = Array(repeating: "..", count: base.count - shared)
    let parts = ups + target[shared...]
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }
}
