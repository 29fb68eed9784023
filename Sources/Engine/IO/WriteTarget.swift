import Foundation

/// Where writing to a path really goes, checked before anything is written.
///
/// Files are written whole into a temporary file that is then renamed over the target;
/// renaming over a symbolic link would replace the link, over a read-only file would
/// ignore its protection, and over a pipe, device or folder would replace something that
/// is not a file. So a link is followed to the file it names (which is written, the link
/// kept), and anything but a writable regular file or a new name is refused.
public enum WriteTarget {
  /// Why a path cannot be written.
  public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file exists and nobody may write it.
    case readOnly
    /// The path names a folder, a pipe, a device or a socket (`kind`), not a file.
    case notAFile(kind: String)
    /// Symbolic links lead round in a circle.
    case linkLoop

    /// What is wrong and what to do, for the end of a message about the path.
    public var description: String {
      switch self {
      case .readOnly:
        return "it is read-only; make it writable (chmod u+w) or write to another name"
      case .notAFile(let kind):
        return "it is \(kind), not a file; write to a file name instead"
      case .linkLoop:
        return "its symbolic links lead round in a circle; write to another name"
      }
    }
  }

  /// The path to write in place of `path`: the file a symbolic link leads to, or `path`
  /// itself.
  /// - Throws: `Problem` when the file there is read-only or not a regular file.
  /// - Complexity: O(links followed), at most 40 system calls.
  public static func resolve(_ path: String) throws(Problem) -> String {
    var current = path
    for _ in 0..<40 {
      var status = stat()
      guard lstat(current, &status) == 0 else { return current }
      switch status.st_mode & S_IFMT {
      case S_IFLNK:
        current = linkTarget(of: current) ?? current
        continue
      case S_IFREG:
        let writable = status.st_mode & 0o222 != 0 && access(current, W_OK) == 0
        guard writable else { throw .readOnly }
        return current
      case S_IFDIR: throw .notAFile(kind: "a folder")
      case S_IFIFO: throw .notAFile(kind: "a pipe")
      case S_IFCHR, S_IFBLK: throw .notAFile(kind: "a device")
      case S_IFSOCK: throw .notAFile(kind: "a socket")
      default: throw .notAFile(kind: "something other than a file")
      }
    }
    throw .linkLoop
  }

  /// The path the symbolic link at `link` names, relative to the link's folder when it is
  /// not absolute.
  private static func linkTarget(of link: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink(link, &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard !target.hasPrefix("/") else { return target }
    let folder = (link as NSString).deletingLastPathComponent
    return folder.isEmpty ? target : folder + "/" + target
  }
}
