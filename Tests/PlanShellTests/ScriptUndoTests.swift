import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// `undo` and `redo` inside a script (`run FILE`) act on the script's own changes, and undoing
/// the `run` afterwards takes the shell back to where it was before it.
@Suite struct ScriptUndoTests {
  /// A session on the Jilin plan and a folder for scripts.
  static func session() throws -> (Session, URL) {
    let folder = try ShellFixture.temporaryFolder()
    let session = Session(output: CapturedOutput())
    #expect(session.execute("load \"\(IncrementalValidationTests.jilin)\"", file: "<test>"))
    return (session, folder)
  }

  static func script(_ text: String, in folder: URL, named name: String = "s.cplan") throws -> String {
    let url = folder.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func anUndoInAScriptUndoesTheScriptsOwnChange() throws {
    let (session, folder) = try Self.session()
    defer { try? FileManager.default.removeItem(at: folder) }
    let s = try Self.script("add criterion C9 \"x\"\nundo\nadd criterion C7 \"y\"\n", in: folder)
    #expect(session.execute("add criterion C8 \"z\"", file: "<test>"))
    #expect(session.execute("run \"\(s)\"", file: "<test>"))
    #expect(session.plan.entity(.criterion, "C8") != nil)  // from before the script: kept
    #expect(session.plan.entity(.criterion, "C9") == nil)  // added and undone by the script
    #expect(session.plan.entity(.criterion, "C7") != nil)
    // Undoing the run removes what it left (C7) and nothing from before it.
    #expect(session.execute("undo", file: "<test>"))
    #expect(session.plan.entity(.criterion, "C7") == nil)
    #expect(session.plan.entity(.criterion, "C8") != nil)
    #expect(session.execute("undo", file: "<test>"))
    #expect(session.plan.entity(.criterion, "C8") == nil)
  }

  /// The crash the tester found: the script's `undo` used to undo the rename before the `run`
  /// (restoring whole tables, so its own `add org x` vanished) and undoing the run then looked
  /// for `x`, which was not there.
  @Test func undoingARunAfterARenameAndAnUndoInsideItDoesNotCrash() throws {
    let (session, folder) = try Self.session()
    defer { try? FileManager.default.removeItem(at: folder) }
    let s = try Self.script("add org x \"x\"\nundo\n", in: folder)
    #expect(session.execute("rename org thu THU", file: "<test>"))
    #expect(session.execute("run \"\(s)\"", file: "<test>"))
    #expect(session.plan.entity(.org, "THU") != nil)
    #expect(session.plan.entity(.org, "x") == nil)
    // The script changed nothing in the end: `undo` undoes the rename.
    #expect(session.execute("undo", file: "<test>"))
    #expect(session.plan.entity(.org, "thu") != nil)
    #expect(session.plan.entity(.org, "THU") == nil)
  }

  @Test func redoInAScriptAndNothingToUndoThere() throws {
    let (session, folder) = try Self.session()
    defer { try? FileManager.default.removeItem(at: folder) }
    let s = try Self.script("add criterion C9 \"x\"\nundo\nredo\n", in: folder)
    #expect(session.execute("run \"\(s)\"", file: "<test>"))
    #expect(session.plan.entity(.criterion, "C9") != nil)
    #expect(session.execute("undo", file: "<test>"))
    #expect(session.plan.entity(.criterion, "C9") == nil)
    // A script with nothing of its own to undo: E116, and the plan before it is untouched.
    let before = session.plan
    let empty = try Self.script("undo\n", in: folder, named: "empty.cplan")
    #expect(!session.execute("run \"\(empty)\"", file: "<test>"))
    #expect(session.plan == before)
  }

  /// Undoing a `load` goes back to the plan as it was loaded from its own file: not unsaved.
  @Test func undoingALoadBackToAnotherFilesPlanIsClean() throws {
    let (session, folder) = try Self.session()
    defer { try? FileManager.default.removeItem(at: folder) }
    let other = folder.appendingPathComponent("other.plan").path
    try FileManager.default.copyItem(atPath: IncrementalValidationTests.jilin, toPath: other)
    #expect(session.execute("load \"\(other)\"", file: "<test>"))
    #expect(!session.isDirty)
    #expect(session.execute("undo", file: "<test>"))
    #expect(session.file == IncrementalValidationTests.jilin)
    #expect(!session.isDirty)
    #expect(session.execute("redo", file: "<test>"))
    #expect(session.file == other)
    #expect(!session.isDirty)
    // An edit, then undo across the load: the first plan is clean, the edit is not.
    #expect(session.execute("set plan title \"改\"", file: "<test>"))
    #expect(session.isDirty)
  }
}
