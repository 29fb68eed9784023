import Foundation
import Testing

@testable import Workbench

/// `evs check --update` and `.save` write through `AtomicFile`, `.output` through
/// `OutputFile`; both follow links and refuse what is not a writable file.
@Suite("Replacing files whole")
struct AtomicFileTests {
  private func scratchFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("evs-atomic-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func symbolicLinkKeepsBeingALinkToTheNewText() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/real.evs"))
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/link.evs", withDestinationPath: "real.evs")

    try AtomicFile.write(Data("new".utf8), to: folder + "/link.evs")
    let output = try OutputFile(path: folder + "/link.evs")
    try output.write(["shown"])
    try output.close()

    let destination = try FileManager.default.destinationOfSymbolicLink(
      atPath: folder + "/link.evs")
    #expect(destination == "real.evs")
    #expect(try String(contentsOfFile: folder + "/real.evs", encoding: .utf8) == "shown\n")
  }

  @Test func readOnlyScriptIsNotReplaced() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/locked.evs"
    try Data("old".utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)

    #expect {
      try AtomicFile.write(Data("new".utf8), to: path)
    } throws: { error in
      (error as? AtomicFile.Failure)?.reason.contains("is read-only") == true
    }
    #expect(throws: MetaCommandError.self) { try OutputFile(path: path) }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
  }

  @Test func pipeIsRefusedWithoutWaitingForAReader() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let pipe = folder + "/pipe.evs"
    try #require(mkfifo(pipe, 0o644) == 0)

    #expect(
      throws: AtomicFile.Failure(reason: "it is a pipe, not a file; write to a file name instead")
    ) {
      try AtomicFile.write(Data("new".utf8), to: pipe)
    }
    let kind = try FileManager.default.attributesOfItem(atPath: pipe)[.type] as? FileAttributeType
    #expect(kind != .typeRegular)
  }
}
