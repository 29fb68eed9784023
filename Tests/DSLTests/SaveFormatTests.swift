import DSL
import Engine
import Foundation
import Testing

/// `save` chooses CSV or TSV (and gzip) from the file name as `load` does, and refuses JSON
/// before writing.
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
}
