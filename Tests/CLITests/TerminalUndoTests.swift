import Foundation
import Testing

/// undo and redo over add, set, remove and load; the `*` of the prompt follows (SPEC §5, §10).
extension TerminalIntegration {
  @Test func undoAndRedoAreFollowedByTheStar() throws {
    let t = try TerminalSession()
    try "# cplan plan 1\nadd field FA \"来自文件\"\n".write(
      to: t.folder.appendingPathComponent("a.plan"), atomically: true, encoding: .utf8)
    #expect(t.waitForPrompt())
    t.enter("load a.plan")
    #expect(t.waitForPrompt("cplan:a>"))
    t.enter("add field F1 \"新\"")
    #expect(t.waitForPrompt("cplan:a*>"))
    t.enter("set field F1 note \"注\"")
    t.enter("remove field FA")
    t.enter("undo")  // FA back
    t.enter("undo")  // note gone
    t.enter("list field")
    // Fields without a ranking are listed in natural ID order (SPEC §15): F1 before FA.
    #expect(t.waitFor("F1  新\nFA  来自文件\ncplan:a*>"), "\(t.screen())")
    t.enter("undo")  // F1 gone: the plan as loaded
    #expect(t.waitForPrompt("cplan:a>"), "\(t.screen())")
    t.enter("redo")
    #expect(t.waitForPrompt("cplan:a*>"))
    t.enter("undo")
    #expect(t.waitForPrompt("cplan:a>"))
    t.enter("undo")  // the load itself
    #expect(t.waitUntil { _ in t.lastLine().hasPrefix("cplan") && !t.lastLine().hasPrefix("cplan:a") }, "\(t.screen())")
    t.enter("redo")
    #expect(t.waitForPrompt("cplan:a>"))
    t.enter("list field")
    #expect(t.waitFor("FA  来自文件\ncplan:a>"))
  }

  @Test func undoAndRedoSayWhatTheyUndidAndRedid() throws {
    let t = try TerminalSession()
    #expect(t.waitForPrompt())
    t.enter("add field F9 \"吉林石化\"")
    t.enter("undo")
    #expect(t.waitFor("cplan*> undo\nundone: add field F9 \"吉林石化\"\ncplan>"), "\(t.screen())")
    t.enter("redo")
    #expect(t.waitFor("cplan> redo\nredone: add field F9 \"吉林石化\"\ncplan*>"), "\(t.screen())")
  }
}
