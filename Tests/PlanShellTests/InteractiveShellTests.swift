import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// The interactive loop without a terminal: prompts, continued commands, Ctrl-C and Ctrl-D,
/// history entries, undo/redo and the `*` of the prompt (SPEC §10, §5).
@Suite struct InteractiveShellTests {
  @Test func promptsShowTheFileAndUnsavedChanges() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plan = folder.appendingPathComponent("吉林.plan").path
    let f = try ShellFixture(lines: ["add field F1 \"x\"", "save \(plan)", "set field F1 note \"n\"", "undo", "quit"])
    f.run()
    #expect(f.reader.prompts == ["cplan> ", "cplan*> ", "cplan:吉林> ", "cplan:吉林*> ", "cplan:吉林> "])
  }

  @Test func aContinuedCommandShowsTheContinuationPromptAndIsOneHistoryEntry() throws {
    let f = try ShellFixture(lines: ["add field F1 \"新能源", "汽车\"", "add field F2 \\", "\"x\"", "list field"])
    f.run()
    #expect(f.reader.prompts.prefix(5) == ["cplan> ", "   ...> ", "cplan*> ", "   ...> ", "cplan*> "])
    #expect(f.reader.history == ["add field F1 \"新能源\n汽车\"", "add field F2 \\\n\"x\"", "list field"])
    #expect(f.session.plan.entity(.field, "F1")?.name == "新能源\n汽车")
    #expect(f.ids(.field) == ["F1", "F2"])
  }

  @Test func aRecalledContinuedCommandRunsWholeWithItsLinesNumbered() throws {
    let f = try ShellFixture(lines: ["add field F1 \"a\nb\"", "add field F1 \"again\""])
    f.run()
    #expect(f.ids(.field) == ["F1"])
    // The error names the third line of the session.
    #expect(f.output.err.contains("<shell>:3:"))
  }

  @Test func ctrlCAbandonsTheContinuedCommandAndRemindsOnAnEmptyLine() throws {
    let f = try ShellFixture([.line("add field F1 \"x"), .interrupt, .interrupt, .line("list field")])
    f.run()
    #expect(f.reader.prompts.prefix(4) == ["cplan> ", "   ...> ", "cplan> ", "cplan> "])
    #expect(f.ids(.field).isEmpty)
    // The first Ctrl-C abandoned a continued command; the second, on an empty line, reminds.
    #expect(f.output.err.components(separatedBy: "to leave, type quit or press Ctrl-D").count == 2)
  }

  @Test func ctrlCWithTypedTextDoesNotRemind() throws {
    let f = try ShellFixture([.interrupt, .line("list field")])
    f.reader.interruptsDiscardText = true
    f.run()
    #expect(!f.output.err.contains("to leave"))
  }

  @Test func ctrlDIsQuitAndIsRefusedOnceWithUnsavedChanges() throws {
    let f = try ShellFixture([.line("add field F1 \"x\""), .endOfInput, .line("list field"), .endOfInput, .endOfInput])
    let status = f.run()
    #expect(status == 0)
    #expect(f.session.quitRequested)
    // Refused at the first Ctrl-D; `list field` ran; the second Ctrl-D after it is refused
    // again (the confirmation is for two in a row), the third leaves.
    #expect(f.output.out == "F1  x\n")
    #expect(f.output.err.contains("unsaved changes"))
    #expect(f.output.err.contains("press Ctrl-D again"))
    #expect(f.reader.prompts.count == 5)
  }

  @Test func ctrlDOnACleanPlanLeavesAtOnce() throws {
    let f = try ShellFixture([.endOfInput, .line("list field")])
    f.run()
    #expect(f.reader.prompts == ["cplan> "])
  }

  @Test func undoAndRedoFollowTheStarOverAddSetRemoveAndLoad() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let a = folder.appendingPathComponent("a.plan").path
    try "# cplan plan 1\nadd field FA \"from a\"\n".write(toFile: a, atomically: true, encoding: .utf8)
    let f = try ShellFixture(lines: [
      "load \(a)",  // cplan:a>
      "add field F1 \"x\"",  // cplan:a*>
      "set field F1 note \"n\"",
      "remove field FA",
      "undo",  // FA back
      "undo",  // note gone
      "undo",  // F1 gone: as loaded
      "redo",  // F1 again
      "undo",
      "undo",  // before the load: the empty plan
      "redo",  // the load again
    ])
    var seen: [(String, [String])] = []
    f.reader.onRead = { prompt in seen.append((prompt, f.ids(.field))) }
    f.run()
    let expected: [(String, [String])] = [
      ("cplan> ", []),
      ("cplan:a> ", ["FA"]),
      ("cplan:a*> ", ["FA", "F1"]),
      ("cplan:a*> ", ["FA", "F1"]),
      ("cplan:a*> ", ["F1"]),
      ("cplan:a*> ", ["FA", "F1"]),
      ("cplan:a*> ", ["FA", "F1"]),
      ("cplan:a> ", ["FA"]),
      ("cplan:a*> ", ["FA", "F1"]),
      ("cplan:a> ", ["FA"]),
      ("cplan*> ", []),  // the plan before the load has no file, and was never saved
      ("cplan:a> ", ["FA"]),
    ]
    #expect(seen.map(\.0) == expected.map(\.0))
    #expect(seen.map(\.1) == expected.map(\.1))
    #expect(f.session.plan.entity(.field, "F1") == nil)
  }

  @Test func aWholeRunIsOneUndoStep() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("s.cplan").path
    try "add field F1 \"a\"\nadd field F2 \"b\"\n".write(toFile: script, atomically: true, encoding: .utf8)
    let f = try ShellFixture(lines: ["add field F0 \"0\"", "run \(script)", "undo"])
    f.run()
    #expect(f.ids(.field) == ["F0"])
    #expect(f.reader.prompts.last == "cplan*> ")
  }

  @Test func helpIsInTheChosenLanguage() throws {
    let f = try ShellFixture([.line("help measure"), .line("help R27"), .line("help add")], language: .zh)
    f.run()
    #expect(f.output.out.contains("支持措施"))
    #expect(f.output.out.contains("示例"))
    #expect(f.output.out.contains("add measure"))
  }
}
