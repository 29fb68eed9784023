import DSL
import Engine
import Foundation
import Testing

/// `save` chooses CSV or TSV (and gzip) from the file name as `load` does, refuses JSON
/// before writing, and keeps a replaced file's permission bits.
@Suite struct SaveFormatTests {
  /// A fresh empty folder and a session working in it, with `procs` bound.
  private static func scratch() throws -> (folder: String, session: Session) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("evs-save-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let session = Session(baseDirectory: folder)
    session.bind("procs", table: try InterpreterTests.table(InterpreterTests.session(), "procs"))
    return (folder, session)
  }

  private static func bytes(_ path: String) -> [UInt8] {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
  }

  @Test(arguments: ["out.csv", "out.tsv", "out.tab", "out.csv.gz", "out.TSV.GZ", "out.dat"])
  func savedFileLoadsBackToTheSameTable(name: String) throws {
    let (folder, session) = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: folder) }

    _ = try InterpreterTests.run(session, "procs | save \"\(name)\"").get()
    let reread = try InterpreterTests.table(session, "load \"\(name)\"")
    let original = try InterpreterTests.table(session, "procs")

    #expect(reread.columnNames == original.columnNames)
    #expect(reread.schema.map(\.type) == original.schema.map(\.type))
    #expect((0..<reread.rowCount).map(reread.row) == (0..<original.rowCount).map(original.row))
  }

  @Test func tsvNameWritesTabsAndGzNameWritesGzip() throws {
    let (folder, session) = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: folder) }

    _ = try InterpreterTests.run(session, "procs | save \"y.tsv\"").get()
    _ = try InterpreterTests.run(session, "procs | save \"y.csv.gz\"").get()
    _ = try InterpreterTests.run(session, "procs | save \"z.tsv\" format=csv").get()
    let tsv = String(decoding: Self.bytes(folder + "/y.tsv"), as: UTF8.self)
    let gzip = Self.bytes(folder + "/y.csv.gz")
    let forced = String(decoding: Self.bytes(folder + "/z.tsv"), as: UTF8.self)

    #expect(tsv.hasPrefix("Proc\tAccount\tPid\tScore\n"))
    #expect(gzip.prefix(2) == [0x1F, 0x8B])
    #expect(forced.hasPrefix("Proc,Account,Pid,Score\n"), "an explicit format= wins")
  }

  @Test(arguments: ["x.json", "y.jsonl", "z.ndjson", "w.json.gz"])
  func jsonNameIsRefusedBeforeWriting(name: String) throws {
    let (folder, session) = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: folder) }

    let result = InterpreterTests.run(session, "procs | save \"\(name)\"")

    guard case .failure(let diagnostic) = result else {
      Issue.record("saving to \(name) should fail")
      return
    }
    #expect(diagnostic.message.contains("save writes CSV or TSV (optionally .gz)"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/" + name))
  }

  /// The process's umask, read without changing it (other tests run at the same time).
  private static func currentUmask() -> mode_t {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
    let digits = line?.split(separator: "\t").last.map(String.init) ?? "022"
    return mode_t(digits.trimmingCharacters(in: .whitespaces), radix: 8) ?? 0o022
  }

  @Test func replacingAFileKeepsItsPermissionBits() throws {
    let (folder, session) = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/private.csv"
    _ = FileManager.default.createFile(atPath: path, contents: Data("a\n1\n".utf8))
    chmod(path, 0o600)

    _ = try InterpreterTests.run(session, "procs | save \"private.csv\"").get()
    _ = try InterpreterTests.run(session, "procs | save \"fresh.csv\"").get()
    var replaced = stat()
    var fresh = stat()
    stat(path, &replaced)
    stat(folder + "/fresh.csv", &fresh)
    let mask = Self.currentUmask()

    #expect(replaced.st_mode & 0o7777 == 0o600)
    #expect(fresh.st_mode & 0o7777 == 0o666 & ~mask)
    #expect(String(decoding: Self.bytes(path), as: UTF8.self).hasPrefix("Proc,"))
  }
}
