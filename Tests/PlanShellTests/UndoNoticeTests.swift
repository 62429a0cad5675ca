import Foundation
import PlanLanguage
import Testing

@testable import PlanShell

/// `undo` and `redo` say what they undid or redid, only to a person at the terminal (SPEC §5, §10).
@Suite struct UndoNoticeTests {
  @Test func undoAndRedoNameTheCommandOfTheStep() throws {
    let f = try ShellFixture(lines: [
      "add field F9 \"x\"", "add field F2 \\", "\"新能源\"", "undo", "undo", "redo", "quit", "quit",
    ])
    f.run()
    let notices = f.output.err.split(separator: "\n").filter { $0.hasPrefix("undone") || $0.hasPrefix("redone") }
    #expect(notices == ["undone: add field F2 \\ \"新能源\"", "undone: add field F9 \"x\"", "redone: add field F9 \"x\""])
  }

  @Test func aRunIsOneStepNamedByItsCommand() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("s.cplan")
    try "add field F1 \"a\"\nadd field F2 \"b\"\n".write(to: script, atomically: true, encoding: .utf8)
    let f = try ShellFixture(lines: ["run \(script.path)", "undo", "quit", "quit"])
    f.run()
    #expect(f.output.err.contains("undone: run \(script.path)\n"))
  }

  @Test func chineseNoticesInChinese() throws {
    let f = try ShellFixture([.line("add field F1 \"碳纤维\""), .line("undo"), .line("redo")], language: .zh)
    f.run()
    #expect(f.output.err.contains("已撤销：add field F1 \"碳纤维\"\n"))
    #expect(f.output.err.contains("已重做：add field F1 \"碳纤维\"\n"))
  }

  @Test func noNoticeWhenNotInteractiveOrQuiet() {
    for (interactive, quiet) in [(false, false), (true, true)] {
      var settings = Session.Settings()
      settings.interactive = interactive
      settings.quiet = quiet
      let output = CapturedOutput()
      let session = Session(settings: settings, output: output)
      session.execute("add field F1 \"x\"\nundo\nredo\n", file: "<test>")
      #expect(session.plan.entity(.field, "F1") != nil)
      #expect(!output.err.contains("undone") && !output.err.contains("redone"), "\(output.err)")
    }
  }
}
