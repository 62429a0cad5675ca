import Foundation
import Testing

/// Tab completion through libedit on a real terminal (SPEC §10).
extension TerminalIntegration {
  /// A session with a few entities, waiting at its prompt.
  func completionSession() throws -> TerminalSession {
    let t = try TerminalSession()
    #expect(t.waitForPrompt())
    for line in [
      "add field F1 \"新能源汽车\"", "add field 新能源车 \"新能源车\"", "add field 新材料 \"新材料\"",
      "add org faw \"中国一汽\" type enterprise",
    ] {
      t.enter(line)
    }
    #expect(t.waitForPrompt("cplan*>"))
    return t
  }

  @Test func aVerbAKindAnAttributeAndAValueComplete() throws {
    let t = try completionSession()
    t.type("add crit")
    t.press("Tab")
    #expect(t.waitUntil { _ in t.lastLine() == "cplan*> add criterion" }, "\(t.screen())")
    t.type("C1 \"产业链\" ta")
    t.press("Tab")
    #expect(t.waitUntil { _ in t.lastLine() == "cplan*> add criterion C1 \"产业链\" tag" }, "\(t.screen())")
    t.type("sc")
    t.press("Tab")
    #expect(t.waitUntil { _ in t.lastLine() == "cplan*> add criterion C1 \"产业链\" tag science" }, "\(t.screen())")
    t.press("Enter")
    t.enter("show criterion C1")
    #expect(t.waitFor("science"))
  }

  @Test func idsCompleteInASCIIAndChinese() throws {
    let t = try completionSession()
    t.type("add member K1 f")
    t.press("C-u")
    t.type("set org f")
    t.press("Tab")
    #expect(t.waitUntil { _ in t.lastLine() == "cplan*> set org faw" }, "\(t.screen())")
    t.press("C-u")
    t.type("set field 新能")
    t.press("Tab")
    #expect(t.waitUntil { _ in t.lastLine() == "cplan*> set field 新能源车" }, "\(t.screen())")
    // The cursor is after the completion and its space: whole characters, two columns each.
    #expect(t.cursor().x == 8 + 10 + 8 + 1)
    t.type("note \"好\"")
    t.press("Enter")
    t.enter("show field 新能源车")
    #expect(t.waitFor("好"))
  }

  @Test func severalMatchesAreListedInColumnsAndTheTypedTextIsKept() throws {
    let t = try completionSession()
    t.type("set field ")
    t.press("Tab")
    // Issue 17 item 19: one ID a line, its name beside it, the names aligned (IDs padded to the
    // widest, 新能源车: 8 columns).
    #expect(
      t.waitUntil { $0.contains("F1        新能源汽车\n新能源车  新能源车\n新材料    新材料") }, "\(t.screen())")
    // The line is drawn again below the list, as typed.
    #expect(t.waitUntil { _ in t.lastLine() == "cplan*> set field" })
    #expect(t.cursor().x == 18)
    t.press("C-u")
    t.type("add c")
    t.press("Tab")
    #expect(t.waitUntil { $0.contains("criterion   compare     consortium") }, "\(t.screen())")
    #expect(t.waitUntil { _ in t.lastLine() == "cplan*> add c" })
    t.type("ons")
    t.press("Tab")
    #expect(t.waitUntil { _ in t.lastLine() == "cplan*> add consortium" })
  }
}

/// Tab completes with `TERM=dumb` too (issue 18 item 13): the shell read plain lines there, and
/// Tab put a tab into the line.
extension TerminalIntegration {
  @Test func tabCompletesWithADumbTerminal() throws {
    let t = try TerminalSession([], environment: ["TERM": "dumb"])
    #expect(t.waitForPrompt(), "\(t.screen())")
    t.type("add crit")
    t.press("Tab")
    #expect(t.waitUntil { _ in t.lastLine() == "cplan> add criterion" }, "\(t.screen())")
    t.type("C1 \"链\" tag chain")
    t.press("Enter")
    #expect(t.waitForPrompt("cplan*>"), "\(t.screen())")
    t.enter("show criterion C1")
    #expect(t.waitFor("chain"), "\(t.screen())")
  }
}
