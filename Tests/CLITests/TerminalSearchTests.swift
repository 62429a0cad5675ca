import Foundation
import Testing

/// Ctrl-R, the reverse incremental search of the history, with Chinese search text (SPEC §10).
extension TerminalIntegration {
  /// The planner's report: typing 化 after 石 used to end libedit's search (it looks a key up by
  /// its low byte, and U+5316 is ^V) and insert 化 into the recalled line, which then ran.
  @Test func reverseSearchWithChineseFindsTheLineAndRunsItUnchanged() throws {
    let t = try TerminalSession()
    try "# cplan plan 1\n".write(
      to: t.folder.appendingPathComponent("jilin-2025-2030.plan"), atomically: true, encoding: .utf8)
    let line = "add org 吉林石化研究院 \"吉林石化研究院\" type institute"
    #expect(t.waitForPrompt())
    t.enter("load jilin-2025-2030.plan")
    t.enter("add field F9 \"新能源\"")
    t.enter(line)
    t.enter("undo")  // the org is gone again; the search brings the line back
    #expect(t.waitForPrompt("cplan:jilin-2025-2030*>"), "\(t.screen())")
    t.press("C-r")
    t.type("石")
    #expect(t.waitUntil { _ in t.lastLine() == "(reverse-i-search)'石': " + line }, "\(t.screen())")
    t.type("化")
    #expect(t.waitUntil { _ in t.lastLine() == "(reverse-i-search)'石化': " + line }, "\(t.screen())")
    t.type("研")
    #expect(t.waitUntil { _ in t.lastLine() == "(reverse-i-search)'石化研': " + line }, "\(t.screen())")
    // The cursor is on the last occurrence of the search text.
    let column = "(reverse-i-search)'石化研': add org 吉林石化研究院 \"吉林".unicodeScalars.reduce(0) {
      $0 + ($1.value < 0x80 ? 1 : 2)
    }
    #expect(t.cursor().x == column, "\(t.cursor())")
    t.press("Enter")
    #expect(t.waitFor("cplan:jilin-2025-2030*> " + line + "\n"), "\(t.screen())")
    #expect(t.waitForPrompt("cplan:jilin-2025-2030*>"), "\(t.screen())")
    t.enter("list org")
    #expect(t.waitFor("吉林石化研究院"), "\(t.screen())")
    #expect(!t.transcript().contains("吉林化"), "\(t.transcript())")
    let history = t.file("home/.local/state/cplan/history")
    #expect(history.contains("\n" + line + "\nundo\n" + line + "\nlist org\n"), "\(history)")
  }

  @Test func reverseSearchStepsBackCancelsAndEndsOnAnEditingKey() throws {
    let t = try TerminalSession()
    #expect(t.waitForPrompt())
    t.enter("add field F1 \"研究院甲\"")
    t.enter("add field F2 \"研究院乙\"")
    t.enter("list field")
    t.type("草稿")
    t.press("C-r")
    t.type("研究")
    #expect(t.waitUntil { _ in t.lastLine() == "(reverse-i-search)'研究': add field F2 \"研究院乙\"" }, "\(t.screen())")
    // Ctrl-R again: the next older match.
    t.press("C-r")
    #expect(t.waitUntil { _ in t.lastLine() == "(reverse-i-search)'研究': add field F1 \"研究院甲\"" }, "\(t.screen())")
    t.press("C-r")
    #expect(
      t.waitUntil { _ in t.lastLine() == "(failed reverse-i-search)'研究': add field F1 \"研究院甲\"" }, "\(t.screen())")
    // Backspace takes the last step back.
    t.press("BSpace", "BSpace")
    #expect(t.waitUntil { _ in t.lastLine() == "(reverse-i-search)'研究': add field F2 \"研究院乙\"" }, "\(t.screen())")
    // Ctrl-G puts the line back as it was.
    t.press("C-g")
    #expect(t.waitUntil { _ in t.lastLine() == "cplan*> 草稿" }, "\(t.screen())")
    t.press("C-u")
    // An editing key ends the search on the match and then does its work.
    t.press("C-r")
    t.type("甲")
    #expect(t.waitUntil { _ in t.lastLine() == "(reverse-i-search)'甲': add field F1 \"研究院甲\"" }, "\(t.screen())")
    t.press("C-e")
    t.press("BSpace", "BSpace")
    t.type("丙\"")
    t.press("C-a")
    for _ in 0..<12 { t.press("Right") }  // after "add field F1"
    t.press("BSpace")
    t.type("3")
    #expect(t.waitUntil { _ in t.lastLine() == "cplan*> add field F3 \"研究院丙\"" }, "\(t.screen())")
    t.press("Enter")
    #expect(t.waitForPrompt("cplan*>"))
    t.enter("list field")
    #expect(t.waitFor("F3  研究院丙"), "\(t.screen())")
  }
}
