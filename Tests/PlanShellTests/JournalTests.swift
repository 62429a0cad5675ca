import Foundation
import PlanIO
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// The crash journal and `recover` (SPEC §10), without a terminal: a session is "killed" by
/// letting go of its journal without removing it (``Journal/abandon()``).
@Suite struct JournalTests {
  @Test func contentsRoundTrip() throws {
    let contents = Journal.Contents(
      base: .snapshot(plan: "# cplan plan 1\nadd field F1 \"x\"\n", file: "/p/吉林.plan"),
      records: [
        .step(["add field F2 \"新\n材料\"", "add field F3 \\\n\"y\""]), .undo, .redo, .step(["remove field F1"]),
      ],
      started: 1_700_000_000)
    #expect(try Journal.parse(Journal.render(contents)) == contents)
    for base in [Journal.Base.empty, .file("/a b/c.plan")] {
      let c = Journal.Contents(base: base, records: [.step(["new"])])
      #expect(try Journal.parse(Journal.render(c)) == c)
    }
  }

  @Test func aLineCutShortByACrashIsIgnoredAndANewerVersionRefused() throws {
    let text = Journal.render(Journal.Contents(base: .empty, records: [.step(["add field F1 \"x\""])]))
    #expect(try Journal.parse(text + "step\n+ add field F2 \"y").records == [.step(["add field F1 \"x\""])])
    #expect(throws: Journal.FormatError.self) { try Journal.parse("# cplan journal 2\nbase empty\n") }
    #expect(throws: Journal.FormatError.self) { try Journal.parse("hello\n") }
  }

  /// Runs `lines` in a shell, kills it, and recovers in a new shell on the same state folder.
  func killAndRecover(_ lines: [String], then more: [String] = [], initialPlan: String? = nil) throws
    -> (before: ShellFixture, after: ShellFixture)
  {
    let first = try ShellFixture(lines: lines)
    if let initialPlan { #expect(first.session.loadInitial(path: initialPlan) == nil) }
    // Re-attach after the initial load, as the driver does (it loads before the shell starts).
    first.shell.journal?.attach(to: first.session)
    first.runAndKill()
    let second = try ShellFixture(lines: ["recover"] + more, state: first.state)
    second.run()
    return (first, second)
  }

  @Test func twoChangesAreRecoveredAfterAKill() throws {
    let (before, after) = try killAndRecover(["add field F1 \"新能源汽车\"", "add field F2 \"碳纤维\""])
    #expect(before.ids(.field) == ["F1", "F2"])
    #expect(PlanWriter.write(after.session.plan) == PlanWriter.write(before.session.plan))
    #expect(after.output.err.contains("recovered 2 changes"))
    #expect(after.session.isDirty)
  }

  /// After `recover`, `undo` names each recovered step by its own command (a tester saw the
  /// last change's text on every step, and `recover` on the first).
  @Test func recoveredStepsAreUndoneUnderTheirOwnNames() throws {
    let (_, after) = try killAndRecover(
      ["add field F1 \"新能源汽车\"", "add field F2 \"碳纤维\"", "set field F1 note \"牵头\""], then: ["undo", "undo", "undo"])
    let notices = after.output.err.split(separator: "\n").filter { $0.hasPrefix("undone: ") }
    #expect(
      notices == [
        "undone: set field F1 note \"牵头\"", "undone: add field F2 \"碳纤维\"", "undone: add field F1 \"新能源汽车\"",
      ],
      "\(after.output.err)")
    #expect(after.session.plan[.field].isEmpty)
  }

  @Test func theNextSessionSaysWorkCanBeRecovered() throws {
    let first = try ShellFixture(lines: ["add field F1 \"x\""])
    defer { withExtendedLifetime(first) {} }  // its state folder is the next session's too
    first.runAndKill()
    let second = try ShellFixture(lines: [], state: first.state)
    #expect(second.shell.journal?.startupNotice(language: .en)?.contains("can be recovered: type recover") == true)
    #expect(second.shell.journal?.startupNotice(language: .zh)?.contains("输入 recover") == true)
  }

  @Test func aLiveSessionsJournalIsNotOffered() throws {
    let first = try ShellFixture(lines: ["add field F1 \"x\""])
    defer { withExtendedLifetime(first) {} }
    first.run()  // quit refused once, then confirmed: journal removed
    let live = try ShellFixture(lines: ["add field F2 \"y\""], state: first.state)
    live.reader.onRead = { _ in
      if live.session.isDirty {
        #expect(Journal.orphans(in: live.journalFolder).isEmpty)
      }
    }
    live.run()
  }

  @Test func undoRedoAndContinuedCommandsReplayToTheSameState() throws {
    let (before, after) = try killAndRecover(
      [
        "add field F1 \"a\"", "add field F2 \\", "\"b\"", "set field F1 note \"多\n行\"", "undo", "undo", "redo",
        "add org o1 \"o\" type enterprise", "rename org o1 o2",
      ], then: ["undo", "undo"])
    #expect(before.ids(.org) == ["o2"])
    #expect(!after.output.err.contains("error"), "\(after.output.err)")
    // After recovering, two undos step back over the rename and the add, as in the first session.
    #expect(after.ids(.org).isEmpty)
    #expect(after.ids(.field) == ["F1", "F2"])
    #expect(after.session.plan.entity(.field, "F1")?.values[0] == nil)
  }

  @Test func aRunIsOneStepOfTheJournal() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("s.cplan").path
    try "add field F1 \"a\"\nadd field F2 \"b\"\n".write(toFile: script, atomically: true, encoding: .utf8)
    let (_, after) = try killAndRecover(["add field F0 \"0\"", "run \(script)"], then: ["undo"])
    #expect(after.ids(.field) == ["F0"])
  }

  @Test func changesToALoadedFileRecoverOnTopOfTheFile() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plan = folder.appendingPathComponent("jilin.plan").path
    try "# cplan plan 1\nadd field FA \"from file\"\n".write(toFile: plan, atomically: true, encoding: .utf8)
    let (_, after) = try killAndRecover(["add field F1 \"x\""], initialPlan: plan)
    #expect(after.ids(.field) == ["FA", "F1"])
    #expect(after.session.fileBaseName == "jilin")
    #expect(after.reader.prompts.last == "cplan:jilin*> ")
  }

  @Test func aLoadInTheSessionBecomesTheBase() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plan = folder.appendingPathComponent("a.plan").path
    try "# cplan plan 1\nadd field FA \"a\"\n".write(toFile: plan, atomically: true, encoding: .utf8)
    let (_, after) = try killAndRecover(["add field F0 \"0\"", "load \(plan)", "load \(plan)", "add field F1 \"1\""])
    #expect(after.ids(.field) == ["FA", "F1"])
  }

  @Test func undoPastTheSaveIsKeptAsASnapshot() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plan = folder.appendingPathComponent("p.plan").path
    let (before, after) = try killAndRecover(["add field F1 \"a\"", "add field F2 \"b\"", "save \(plan)", "undo"])
    #expect(before.ids(.field) == ["F1"])
    #expect(after.ids(.field) == ["F1"])
    #expect(after.session.file == before.session.file)  // undo also takes back the file of the save
    #expect(after.session.isDirty)
  }

  @Test func saveAndConfirmedQuitClearTheJournal() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plan = folder.appendingPathComponent("p.plan").path
    let saved = try ShellFixture(lines: ["add field F1 \"a\"", "save \(plan)"])
    saved.reader.onRead = { _ in
      if !saved.session.isDirty && saved.session.file != nil {
        #expect(try! FileManager.default.contentsOfDirectory(atPath: saved.journalFolder).isEmpty)
      }
    }
    saved.run()
    let quit = try ShellFixture(lines: ["add field F1 \"a\"", "quit", "quit"])
    quit.run()
    #expect(try FileManager.default.contentsOfDirectory(atPath: quit.journalFolder).isEmpty)
    #expect(Journal.orphans(in: quit.journalFolder).isEmpty)
  }

  @Test func undoBackToTheSavedStateLeavesNothingToRecover() throws {
    let first = try ShellFixture(lines: ["add field F1 \"a\"", "undo"])
    first.runAndKill()
    #expect(Journal.orphans(in: first.journalFolder).isEmpty)
  }

  @Test func theJournalIsWrittenBeforeThePromptReturns() throws {
    let f = try ShellFixture(lines: ["add field F1 \"新能源\"", "add field F2 \"x\""])
    var sizes: [Int] = []
    f.reader.onRead = { _ in
      let files = (try? FileManager.default.contentsOfDirectory(atPath: f.journalFolder)) ?? []
      let text = files.first.flatMap { try? String(contentsOfFile: f.journalFolder + "/" + $0, encoding: .utf8) }
      sizes.append(text.map { (try? Journal.parse($0).changeCount) ?? -1 } ?? 0)
    }
    f.run()
    #expect(sizes.prefix(3) == [0, 1, 2])
  }

  @Test func journalFilesArePrivate() throws {
    let f = try ShellFixture(lines: ["add field F1 \"x\""])
    f.reader.onRead = { _ in
      guard let path = f.shell.journal?.path else { return }
      let file = try! FileManager.default.attributesOfItem(atPath: path)
      let folder = try! FileManager.default.attributesOfItem(atPath: f.journalFolder)
      let parent = try! FileManager.default.attributesOfItem(
        atPath: (f.journalFolder as NSString).deletingLastPathComponent)
      #expect((file[.posixPermissions] as! Int) & 0o777 == 0o600)
      #expect((folder[.posixPermissions] as! Int) & 0o777 == 0o700)
      #expect((parent[.posixPermissions] as! Int) & 0o777 == 0o700)
    }
    f.run()
  }

  @Test func recoverWithNothingToRecoverFails() throws {
    let f = try ShellFixture(lines: ["recover"])
    f.run()
    #expect(f.output.err.contains("[E125]"))
  }

  @Test func recoverIsRefusedOnceOverUnsavedChanges() throws {
    let first = try ShellFixture(lines: ["add field F1 \"x\""])
    defer { withExtendedLifetime(first) {} }  // its state folder is the next session's too
    first.runAndKill()
    let second = try ShellFixture(lines: ["add field F9 \"mine\"", "recover", "recover"], state: first.state)
    second.run()
    #expect(second.output.err.contains("unsaved changes"))
    #expect(second.ids(.field) == ["F1"])
  }
}

extension JournalTests {
  @Test func aJournalThatCannotBeWrittenIsSaidOnce() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // The state folder is a file: nothing can be created below it.
    let blocked = folder.appendingPathComponent("state")
    try Data().write(to: blocked)
    let f = try ShellFixture(lines: ["add field F1 \"x\"", "add field F2 \"y\""], state: blocked)
    f.run()
    #expect(f.ids(.field) == ["F1", "F2"])
    #expect(f.output.err.components(separatedBy: "cannot write the journal").count == 2)
  }

  @Test func aMissingBaseFileIsReportedAndTheJournalKept() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plan = folder.appendingPathComponent("gone.plan").path
    try "# cplan plan 1\n".write(toFile: plan, atomically: true, encoding: .utf8)
    let first = try ShellFixture(lines: ["add field F1 \"x\""])
    defer { withExtendedLifetime(first) {} }
    #expect(first.session.loadInitial(path: plan) == nil)
    first.runAndKill()
    try FileManager.default.removeItem(atPath: plan)
    let second = try ShellFixture(lines: ["recover"], state: first.state)
    second.run()
    #expect(second.output.err.contains("the journal stays in"))
    #expect(Journal.orphans(in: second.journalFolder).count == 1)
  }
}
