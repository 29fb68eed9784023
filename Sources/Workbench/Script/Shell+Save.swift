import DSL
import Foundation

extension Shell {
  /// `.save PATH`: writes the transcript as a script at `path` (relative to the session's
  /// folder), replacing any file there. Relative paths in `load` and `save` are rewritten
  /// to reach the same files from the script's folder.
  /// - Returns: the line confirming what was written.
  /// - Throws: `MetaCommandError.cannotSave` when the file cannot be written.
  func saveTranscript(to path: String) throws(MetaCommandError) -> [String] {
    let resolved = FilePaths.resolve(path, in: session.baseDirectory)
    let target = URL(fileURLWithPath: resolved).standardizedFileURL
    let folder = target.deletingLastPathComponent().path
    let base = session.baseDirectory
    let text = transcript.script(named: target.lastPathComponent) { statement in
      ScriptPaths.rewritingPaths(in: statement) { path in
        RelativePath.rebase(path, from: base, to: folder)
      }
    }

    do {
      try AtomicFile.write(Data(text.utf8), to: target.path)
    } catch {
      throw .cannotSave(path, reason: error.reason)
    }
    let count = transcript.entries.filter {
      if case .statement = $0 { return true } else { return false }
    }.count
    return ["saved \(TableRenderer.counted(count, "statement")) to \(path)"]
  }
}
