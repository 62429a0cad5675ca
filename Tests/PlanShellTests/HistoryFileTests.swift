import Foundation
import Testing

@testable import PlanShell

/// The history file (SPEC §10): one entry per line, written after every accepted command,
/// consecutive duplicates once, continued commands whole, Chinese intact, mode 0600 in 0700.
@Suite struct HistoryFileTests {
  @Test(arguments: [
    "list field", "add field F1 \"新能源\n汽车\"", "add field F2 \\\n\"x\"", "a\\nb \\\\ c", "「吉林」 \u{3000}x",
  ])
  func entriesRoundTripThroughOneLine(_ entry: String) {
    let line = HistoryFile.encode(entry)
    #expect(!line.contains("\n"))
    #expect(HistoryFile.decode(line) == entry)
  }

  @Test func appendsAfterEachEntryAndStoresConsecutiveDuplicatesOnce() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("state/cplan/history").path
    let history = HistoryFile(path: path)
    #expect(history.append("add field F1 \"新能源汽车\""))
    #expect(!history.append("add field F1 \"新能源汽车\""))
    #expect(history.append("list field"))
    #expect(history.append("add field F1 \"新能源汽车\""))
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text == "# cplan history 1\nadd field F1 \"新能源汽车\"\nlist field\nadd field F1 \"新能源汽车\"\n")
    #expect(HistoryFile(path: path).load() == ["add field F1 \"新能源汽车\"", "list field", "add field F1 \"新能源汽车\""])
    #expect(try mode(path) == 0o600)
    #expect(try mode((path as NSString).deletingLastPathComponent) == 0o700)
  }

  @Test func aLongFileIsCutBackToTheLimit() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("history").path
    let lines = (1...(2 * HistoryFile.limit + 5)).map { "list field # \($0)" }
    try (([HistoryFile.header] + lines).joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    let loaded = HistoryFile(path: path).load()
    #expect(loaded.count == HistoryFile.limit)
    #expect(loaded.last == lines.last)
    #expect(HistoryFile(path: path).load() == loaded)
  }

  /// Cutting the file back writes a temporary file first; a symlink planted at its name (in a
  /// folder shared by mistake, say) is replaced, and the file it points to is left alone.
  @Test func cuttingBackNeverWritesThroughASymlinkAtTheTemporaryName() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("history").path
    let victim = folder.appendingPathComponent("victim").path
    try "keep me\n".write(toFile: victim, atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: path + ".\(getpid()).tmp", withDestinationPath: victim)
    let lines = (1...(2 * HistoryFile.limit + 5)).map { "list field # \($0)" }
    try (([HistoryFile.header] + lines).joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    #expect(HistoryFile(path: path).load().count == HistoryFile.limit)
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me\n")
    // The file was cut back all the same.
    let kept = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(kept.count == HistoryFile.limit + 1)
  }

  @Test func theShellWritesHistoryWhereTheEnvironmentSays() {
    #expect(StatePaths(environment: ["HOME": "/home/p"]).history == "/home/p/.local/state/cplan/history")
    #expect(StatePaths(environment: ["HOME": "/home/p", "XDG_STATE_HOME": "/s"]).history == "/s/cplan/history")
    #expect(
      StatePaths(environment: ["HOME": "/home/p", "XDG_STATE_HOME": "relative"]).history
        == "/home/p/.local/state/cplan/history")
    #expect(StatePaths(environment: ["HOME": "/home/p", "CPLAN_HISTORY": "/tmp/h"]).history == "/tmp/h")
    #expect(StatePaths(environment: ["XDG_STATE_HOME": "/s"]).journalDirectory == "/s/cplan/journal")
    // Neither HOME nor XDG_STATE_HOME: the password database's home (issue 18 item 4), else none.
    #expect(
      StatePaths(environment: [:], passwordHome: "/home/pw").journalDirectory == "/home/pw/.local/state/cplan/journal")
    #expect(StatePaths(environment: [:], passwordHome: nil).journalDirectory == nil)
    // This user's, as getent reads the database (computed apart from cplan).
    let getent = Process()
    getent.executableURL = URL(fileURLWithPath: "/usr/bin/getent")
    getent.arguments = ["passwd", String(geteuid())]
    let pipe = Pipe()
    getent.standardOutput = pipe
    try? getent.run()
    getent.waitUntilExit()
    let entry = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let home = entry.split(separator: ":", omittingEmptySubsequences: false).dropFirst(5).first.map(String.init)
    #expect(home != nil && StatePaths.passwordHome() == home)
  }

  func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? Int ?? 0) & 0o777
  }
}
