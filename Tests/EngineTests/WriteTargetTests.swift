import Engine
import Foundation
import Testing

@Suite("Writing to links, read-only files, pipes and folders")
struct WriteTargetTests {
  private let table = Table(
    columnNames: ["a"], columns: [Column(type: .int, cells: [.int(1), .int(2)])])

  private func scratchFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("evs-target-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test(arguments: [false, true])
  func symbolicLinkWritesItsFileAndStaysALink(relative: Bool) throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let real = folder + "/real.csv"
    let link = folder + "/link.csv"
    try Data("old\n".utf8).write(to: URL(fileURLWithPath: real))
    try FileManager.default.createSymbolicLink(
      atPath: link, withDestinationPath: relative ? "real.csv" : real)

    try TableWriter.writeCSV(table, to: link)

    let kind = try FileManager.default.attributesOfItem(atPath: link)[.type] as? FileAttributeType
    #expect(kind == .typeSymbolicLink)
    #expect(try String(contentsOfFile: real, encoding: .utf8) == "a\n1\n2\n")
  }

  @Test func danglingLinkCreatesTheFileItNames() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/link.csv", withDestinationPath: "later.csv")

    try TableWriter.writeCSV(table, to: folder + "/link.csv")

    #expect(try String(contentsOfFile: folder + "/later.csv", encoding: .utf8) == "a\n1\n2\n")
  }

  @Test func readOnlyFileIsRefusedAndKept() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/locked.csv"
    try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)

    let expected = WriteError.unsuitableTarget(path: path, problem: .readOnly)
    #expect(throws: expected) { try TableWriter.writeCSV(table, to: path) }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
    #expect(expected.description.contains("is read-only"))
  }

  @Test func pipeAndFolderAreRefusedAndKept() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let pipe = folder + "/pipe.csv"
    try #require(mkfifo(pipe, 0o644) == 0)
    try FileManager.default.createDirectory(
      atPath: folder + "/dir.csv", withIntermediateDirectories: false)

    #expect(throws: WriteError.unsuitableTarget(path: pipe, problem: .notAFile(kind: "a pipe"))) {
      try TableWriter.writeCSV(table, to: pipe)
    }
    #expect(
      throws: WriteError.unsuitableTarget(
        path: folder + "/dir.csv", problem: .notAFile(kind: "a folder"))
    ) { try TableWriter.writeCSV(table, to: folder + "/dir.csv") }
    let kind = try FileManager.default.attributesOfItem(atPath: pipe)[.type] as? FileAttributeType
    #expect(kind != .typeRegular)
    #expect(
      WriteError.unsuitableTarget(path: pipe, problem: .notAFile(kind: "a pipe")).description
        == "\(pipe): cannot write here: it is a pipe, not a file; write to a file name instead")
  }

  @Test func deviceIsRefused() {
    #expect(
      throws: WriteError.unsuitableTarget(path: "/dev/null", problem: .notAFile(kind: "a device"))
    ) { try TableWriter.writeCSV(table, to: "/dev/null") }
  }

  @Test func linkLoopIsRefused() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createSymbolicLink(atPath: folder + "/a", withDestinationPath: "b")
    try FileManager.default.createSymbolicLink(atPath: folder + "/b", withDestinationPath: "a")

    #expect(throws: WriteError.unsuitableTarget(path: folder + "/a", problem: .linkLoop)) {
      try TableWriter.writeCSV(table, to: folder + "/a")
    }
  }
}
