import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A session killed with SIGKILL loses nothing: the next one offers and replays the journal (SPEC §10).
extension TerminalIntegration {
  @Test func twoChangesSurviveSIGKILLAndAreRecovered() throws {
    let first = try TerminalSession()
    defer { withExtendedLifetime(first) {} }  // its folder is the second session's too
    #expect(first.waitForPrompt())
    first.enter("add field F1 \"新能源汽车\"")
    first.enter("set field F1 note \"一汽\"")
    #expect(first.waitForPrompt("cplan*>"))
    let pid = try #require(first.pid())
    kill(pid, SIGKILL)
    #expect(first.ended()?.status == 128 + 9)
    // History was written after each command: SIGKILL loses none of it.
    #expect(
      first.file("home/.local/state/cplan/history").hasSuffix("add field F1 \"新能源汽车\"\nset field F1 note \"一汽\"\n"))
    let journal = first.home.appendingPathComponent(".local/state/cplan/journal")
    let files = try FileManager.default.contentsOfDirectory(atPath: journal.path)
    #expect(files.count == 1)
    let mode =
      try FileManager.default.attributesOfItem(atPath: journal.appendingPathComponent(files[0]).path)[.posixPermissions]
      as? Int
    #expect(mode.map { $0 & 0o777 } == 0o600)

    let second = try TerminalSession(folder: first.folder)
    #expect(second.waitFor("can be recovered: type recover"), "\(second.screen())")
    #expect(second.waitForPrompt())
    second.enter("recover")
    #expect(second.waitFor("recovered 2 changes"), "\(second.screen())")
    #expect(second.waitForPrompt("cplan*>"))
    second.enter("show field F1")
    #expect(second.waitFor("新能源汽车") && second.waitFor("一汽"), "\(second.screen())")
    // Recovered work is journaled again; a save clears it.
    second.enter("save f.plan")
    #expect(second.waitForPrompt("cplan:f>"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: journal.path).isEmpty)
  }
}
