import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Ctrl-C, Ctrl-D, SIGTERM and SIGHUP on a real terminal (SPEC §10).
extension TerminalIntegration {
  @Test func ctrlCTwiceClearsTheLineRemindsAndKeepsTheSession() throws {
    let t = try TerminalSession()
    #expect(t.waitForPrompt())
    t.type("add field F1 \"半截")
    #expect(t.waitFor("半截"))
    t.press("C-c")
    #expect(t.waitForPrompt(), "\(t.screen())")
    t.press("C-c")
    #expect(t.waitFor("(to leave, type quit or press Ctrl-D)"), "\(t.screen())")
    #expect(t.waitForPrompt())
    // The session goes on, and the abandoned line did nothing.
    t.enter("add field F2 \"完整\"")
    t.enter("list field")
    #expect(t.waitFor("F2  完整"), "\(t.screen())")
    #expect(!t.screen().contains("F1  "))
  }

  @Test func ctrlCAbandonsAContinuedCommand() throws {
    let t = try TerminalSession()
    #expect(t.waitForPrompt())
    t.enter("add field F1 \"未完")
    #expect(t.waitForPrompt("...>"))
    t.press("C-c")
    #expect(t.waitForPrompt("cplan>"), "\(t.screen())")
    t.enter("list field")
    #expect(t.lastLine() == "cplan>")
    #expect(!t.screen().contains("F1  "))
  }

  @Test func ctrlDIsRefusedOnceWithUnsavedChangesThenLeavesWithStatus0() throws {
    let t = try TerminalSession()
    #expect(t.waitForPrompt())
    t.enter("add field F1 \"新能源\"")
    #expect(t.waitForPrompt("cplan*>"))
    t.press("C-d")
    #expect(t.waitFor("unsaved changes"), "\(t.screen())")
    #expect(t.waitForPrompt("cplan*>"))
    t.press("C-d")
    let end = t.ended()
    #expect(end?.status == 0)
    #expect(end.map { TerminalSession.isSane($0.stty) } == true)
  }

  @Test(arguments: [SIGTERM, SIGHUP])
  func aSignalRestoresTheTerminal(_ signal: Int32) throws {
    let t = try TerminalSession()
    #expect(t.waitForPrompt())
    t.type("add field F1 \"编辑中")
    #expect(t.waitFor("编辑中"))
    let pid = try #require(t.pid())
    kill(pid, signal)
    let end = try #require(t.ended())
    #expect(end.status == 128 + Int(signal))
    // The terminal is back in canonical mode with echo.
    #expect(TerminalSession.isSane(end.stty), "\(end.stty)")
  }
}
