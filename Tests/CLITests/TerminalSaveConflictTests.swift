import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Two shells on one plan file (SPEC §14, issue 16 item 3, "Must show"): the second `save`
/// names the outside change and when it was made; `save merge` takes in an edit that does not
/// overlap and reports one that does, with both values; the `save` after writes the resolution.
extension TerminalIntegration {
  @Test func twoShellsOnOnePlanMergeTheirSaves() throws {
    let plan = "# cplan plan 1\nadd field F1 \"新能源汽车\"\nadd field F2 \"光电信息\"\n"
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try CLI.write(plan, to: folder.appendingPathComponent("p.plan"))
    let first = try TerminalSession(["p.plan"], width: 160, folder: folder)
    let second = try TerminalSession(["p.plan"], width: 160, folder: folder)
    #expect(first.waitForPrompt("cplan:p>"), "\(first.screen())")
    #expect(second.waitForPrompt("cplan:p>"), "\(second.screen())")

    // Edits that do not overlap.
    first.enter("set field F1 note \"一汽\"")
    first.enter("save")
    #expect(first.waitForPrompt("cplan:p>"), "\(first.screen())")
    second.enter("add field F3 \"生物医药\"")
    second.enter("save")
    #expect(second.waitFor("was changed on disk at 20"), "\(second.screen())")
    #expect(second.waitFor("'save merge' merges"), "\(second.screen())")
    #expect(second.waitForPrompt("cplan:p*>"))
    second.enter("save merge")
    #expect(second.waitFor("merged the changes made to p.plan on disk at"), "\(second.screen())")
    #expect(second.waitForPrompt("cplan:p>"), "\(second.screen())")
    let merged = first.file("p.plan")
    #expect(merged.contains("add field F1 \"新能源汽车\" note \"一汽\"") && merged.contains("add field F3 \"生物医药\""))

    // Edits that overlap: the first shell must take the merged file in before its next edit.
    first.enter("load p.plan")
    first.enter("set field F2 name \"光电子\"")
    first.enter("save")
    #expect(first.waitForPrompt("cplan:p>"), "\(first.screen())")
    second.enter("set field F2 name \"光信息\"")
    second.enter("save merge")
    #expect(second.waitFor("conflict: field F2: name is \"光信息\" in ours, \"光电子\" in theirs"), "\(second.screen())")
    #expect(second.waitFor("1 conflict between this session and 'p.plan' on disk"), "\(second.screen())")
    #expect(second.waitForPrompt("cplan:p*>"))
    #expect(first.file("p.plan").contains("add field F2 \"光电子\""))
    // The file on disk is the new base: `save` writes the second shell's resolution.
    second.enter("save")
    #expect(second.waitForPrompt("cplan:p>"), "\(second.screen())")
    let resolved = first.file("p.plan")
    #expect(resolved.contains("add field F2 \"光信息\"") && resolved.contains("note \"一汽\""))
    first.enter("quit")
    second.enter("quit")
  }
}

/// Issue 18 item 4: changes made with `-c … -i` are journaled before anything is typed, so a
/// session killed at its first prompt loses none of them.
extension TerminalIntegration {
  @Test func commandLineChangesSurviveAKillAtTheFirstPrompt() throws {
    let first = try TerminalSession(["-c", "add field F1 \"命令行\"", "-i"])
    defer { withExtendedLifetime(first) {} }  // its folder is the second session's too
    #expect(first.waitForPrompt("cplan*>"), "\(first.screen())")
    let pid = try #require(first.pid())
    kill(pid, SIGKILL)
    #expect(first.ended()?.status == 128 + 9)
    let second = try TerminalSession(folder: first.folder)
    #expect(second.waitFor("1 change) can be recovered: type recover"), "\(second.screen())")
    #expect(second.waitForPrompt())
    second.enter("recover")
    second.enter("list field")
    #expect(second.waitFor("命令行"), "\(second.screen())")
  }
}
