import Foundation
import Testing

/// The continuation prompt, and history kept across sessions with Chinese (SPEC §10).
extension TerminalIntegration {
  @Test func anOpenStringShowsTheContinuationPrompt() throws {
    let t = try TerminalSession()
    #expect(t.waitForPrompt())
    t.enter("add field F1 \"第一行")
    #expect(t.waitForPrompt("...>"), "\(t.screen())")
    t.enter("第二行\"")
    #expect(t.waitForPrompt("cplan*>"))
    t.enter("list field")
    #expect(t.waitFor("F1  第一行\n    第二行"), "\(t.screen())")
  }

  @Test func historyIsRecalledInANewSessionWithChinese() throws {
    let first = try TerminalSession()
    defer { withExtendedLifetime(first) {} }  // its folder is the second session's too
    #expect(first.waitForPrompt())
    first.enter("add field F1 \"新能源汽车\"")
    first.enter("add field F2 \"碳纤维\" \\")
    first.enter("note \"吉林化纤\"")
    first.enter("list field")
    first.enter("list field")
    first.press("C-d")
    #expect(first.waitFor("unsaved changes"))
    first.press("C-d")
    #expect(first.ended()?.status == 0)
    // The file: one entry per accepted command, the duplicate once, the continued command whole.
    let history = first.file("home/.local/state/cplan/history")
    #expect(
      history == """
        # cplan history 1
        add field F1 "新能源汽车"
        add field F2 "碳纤维" \\\\\\nnote "吉林化纤"
        list field

        """)

    let second = try TerminalSession(folder: first.folder)
    #expect(second.waitForPrompt())
    second.press("Up")
    #expect(second.waitUntil { _ in second.lastLine() == "cplan> list field" }, "\(second.screen())")
    second.press("Up", "Up")
    #expect(second.waitFor("cplan> add field F1 \"新能源汽车\""), "\(second.screen())")
    second.press("Enter")
    #expect(second.waitForPrompt("cplan*>"))
    // Ctrl-R finds an entry by its Chinese text.
    second.press("C-r")
    second.type("碳纤")
    #expect(second.waitFor("add field F2 \"碳纤维\""), "\(second.screen())")
    second.press("Enter")
    #expect(second.waitForPrompt("cplan*>"))
    second.enter("list field")
    #expect(second.waitFor("F2  碳纤维"), "\(second.screen())")
  }
}
