import Foundation
import Testing

/// No escape sequence reaches a pipe or a file; colour only on a terminal (SPEC §10).
extension TerminalIntegration {
  @Test func pipedInputPrintsNoBannerPromptOrEscape() throws {
    let r = try CLI.run(
      [], stdin: "add field F1 \"新能源\"\nlist field\nhelp field\n",
      environment: ["TERM": "xterm", "CPLAN_HISTORY": "/dev/null"])
    #expect(r.status == 0)
    #expect(r.out.hasPrefix("F1  新能源\n"))
    #expect(!r.out.contains("\u{1B}") && !r.err.contains("\u{1B}"))
    #expect(!r.out.contains("cplan>") && !r.err.contains("cplan>") && !r.err.contains("cplan 0."))
  }

  @Test func redirectedOutputHasNoEscapeWhileEditingHappensOnStandardError() throws {
    let t = try TerminalSession(redirect: "> out.txt")
    #expect(t.waitForPrompt(), "\(t.screen())")
    t.enter("add field F1 \"新能源\"")
    t.enter("list field")
    t.enter("help measure")
    t.type("quit")
    t.press("Enter")
    #expect(t.waitFor("unsaved changes"))
    #expect(t.waitForPrompt("cplan*>"))
    t.type("quit")
    t.press("Enter")
    #expect(t.ended()?.status == 0)
    let out = t.file("out.txt")
    #expect(out.hasPrefix("F1  新能源\n"))
    #expect(out.contains("add measure"))
    #expect(!out.contains("\u{1B}"), "\(out.debugDescription)")
    #expect(!out.contains("cplan"))
  }

  @Test func bothOutputsRedirectedReadWithoutEditing() throws {
    let t = try TerminalSession(redirect: "> out.txt 2> err.txt")
    usleep(300_000)
    t.type("list field")
    t.press("Enter")
    t.type("add field F1 \"x\"")
    t.press("Enter")
    t.type("list field")
    t.press("Enter")
    t.press("C-d")
    #expect(t.ended()?.status == 0)
    let out = t.file("out.txt")
    let err = t.file("err.txt")
    #expect(out.contains("F1  x"))
    #expect(!out.contains("\u{1B}") && !err.contains("\u{1B}"), "\(err.debugDescription)")
  }

  @Test func thePromptIsColouredOnlyOnATerminalAndNeverWithNoColor() throws {
    let coloured = try TerminalSession()
    #expect(coloured.waitForPrompt())
    #expect(coloured.screenWithEscapes().contains("\u{1B}["))
    for (arguments, environment) in [([String](), ["NO_COLOR": "1"]), (["--color", "never"], [:])] {
      let plain = try TerminalSession(arguments, environment: environment)
      #expect(plain.waitForPrompt())
      plain.enter("add field F1 \"x\"")
      #expect(plain.waitForPrompt("cplan*>"))
      #expect(!plain.screenWithEscapes().contains("\u{1B}["), "\(plain.screenWithEscapes().debugDescription)")
    }
  }

  @Test func aResizeRedrawsTheLine() throws {
    let t = try TerminalSession(width: 60, height: 20)
    #expect(t.waitForPrompt())
    let text = String(repeating: "一二三四五六七八九十", count: 4)
    t.type("add field F1 \"\(text)\"")
    #expect(t.waitFor("十\""))
    try t.tmux(["resize-window", "-t", "0", "-x", "40", "-y", "20"])
    // 40 columns: the prompt, the line, wrapped at whole characters; the cursor after the quote.
    #expect(
      t.waitUntil { screen in
        screen.hasSuffix(
          """
          cplan> add field F1 "一二三四五六七八九
          十一二三四五六七八九十一二三四五六七八九
          十一二三四五六七八九十"
          """)
      }, "\(t.screen())")
    #expect(t.waitUntil { _ in t.cursor().x == 23 })
    t.press("Enter")
    t.enter("show field F1")
    #expect(t.waitFor("defined at <shell>:1"))
  }
}
