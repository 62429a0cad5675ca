import Foundation
import PlanIO
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// A journal is data, like a plan file (issue 18 item 8): `recover` replays only the edit verbs
/// and `undo`/`redo`; a journal with anything else in it is refused whole, nothing of it runs,
/// and it stays where it is.
@Suite struct JournalDataTests {
  /// A state folder holding one orphaned journal with `steps`, and a folder for the files the
  /// planted actions would write.
  struct Planted {
    let state: URL
    let target: URL
    let journal: String

    init(_ steps: (URL) -> [[String]]) throws {
      state = try ShellFixture.temporaryFolder()
      target = try ShellFixture.temporaryFolder()
      let folder = state.appendingPathComponent("cplan/journal")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      journal = folder.appendingPathComponent("1700000000-1-1.journal").path
      let contents = Journal.Contents(base: .empty, records: steps(target).map { .step($0) }, started: 1_700_000_000)
      try Journal.render(contents).write(toFile: journal, atomically: true, encoding: .utf8)
    }

    func remove() {
      try? FileManager.default.removeItem(at: state)
      try? FileManager.default.removeItem(at: target)
    }

    /// The files in the target folder.
    var written: [String] { (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? [] }
  }

  /// The tester's case: a journal with `save`, `export`, `run`, `load` and `recover` lines, each
  /// after a change of its own. Nothing is written, no change is made, every action is named.
  @Test func aPlantedJournalWithActionsWritesNothing() throws {
    // The script the planted `run` names would save a file of its own.
    let planted = try Planted { t in
      [
        ["add field F1 \"a\"", "save \(t.path)/saved.plan"],
        ["add field F2 \"b\"", "export csv to \(t.path)/out.csv"],
        ["run \(t.path)/../evil.cplan"],
        ["load /etc/hostname"],
        ["recover"],
        ["add field F3 \"c\"", "export json to \(t.path)/out.json force"],
      ]
    }
    defer { planted.remove() }
    let evil = planted.target.deletingLastPathComponent().appendingPathComponent("evil.cplan")
    try "save \(planted.target.path)/from-run.plan\n".write(to: evil, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: evil) }

    let f = try ShellFixture(lines: ["recover"], state: planted.state)
    f.run()
    #expect(planted.written.isEmpty, "\(planted.written)")
    #expect(f.ids(.field).isEmpty)  // not even the changes before the actions
    #expect(!f.session.isDirty)
    let refused = f.output.err.split(separator: "\n").filter { $0.contains("[E126]") }
    #expect(refused.count == 6, "\(f.output.err)")  // one per action line above
    for verb in ["save", "export", "run", "load", "recover"] {
      #expect(refused.contains { $0.contains("'\(verb)' is an action") }, "\(verb): \(f.output.err)")
    }
    #expect(f.output.err.contains("the journal stays in \(planted.journal)"))
    #expect(FileManager.default.fileExists(atPath: planted.journal))
  }

  /// Siblings: an action hidden on a continuation line of a change, and the actions that write
  /// nothing (`quit`, `new`, `help`, `validate`) are refused the same way.
  @Test(arguments: [
    ["add field F1 \"a\"\nsave /tmp/x"],
    ["add field F1 \"a\" \\\n", "quit"],
    ["new"],
    ["help"],
    ["validate"],
    ["undo"],  // undo is a record of its own, never a line of a step
  ])
  func anyOtherCommandInAStepIsRefused(_ step: [String]) throws {
    let planted = try Planted { _ in [step] }
    defer { planted.remove() }
    let f = try ShellFixture(lines: ["recover"], state: planted.state)
    f.run()
    #expect(f.output.err.contains("[E126]"), "\(f.output.err)")
    #expect(f.ids(.field).isEmpty)
    #expect(FileManager.default.fileExists(atPath: planted.journal))
  }

  /// The edits, undo and redo still replay.
  @Test func editsUndoAndRedoReplay() throws {
    let state = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: state) }
    let folder = state.appendingPathComponent("cplan/journal")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let contents = Journal.Contents(
      base: .empty,
      records: [
        .step(["add field F1 \"a\"", "add field F2 \"b\""]), .step(["rename field F2 F3"]), .undo, .redo,
        .step(["set field F1 note \"n\"", "remove field F3"]),
      ])
    try Journal.render(contents).write(
      toFile: folder.appendingPathComponent("1-1-1.journal").path, atomically: true, encoding: .utf8)
    let f = try ShellFixture(lines: ["recover"], state: state)
    f.run()
    #expect(!f.output.err.contains("error"), "\(f.output.err)")
    #expect(f.ids(.field) == ["F1"])
  }

  /// What the shell journals is only ever edits: a `new`, and a second `load` in one entry, are
  /// kept as a snapshot, so that the journal of an ordinary session is never refused.
  @Test func newAndASecondLoadInOneEntryAreJournaledAsSnapshots() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plan = folder.appendingPathComponent("a.plan").path
    try "# cplan plan 1\nadd field FA \"a\"\n".write(toFile: plan, atomically: true, encoding: .utf8)
    let script = folder.appendingPathComponent("s.cplan").path
    // The shell asks before a `load` or `new` over unsaved changes: each comes on a clean plan.
    try "load \(plan)\nload \(plan)\nnew\nadd field F3 \"3\"\n".write(toFile: script, atomically: true, encoding: .utf8)
    let first = try ShellFixture(lines: ["run \(script)", "add field F4 \"4\""])
    defer { withExtendedLifetime(first) {} }
    first.runAndKill()
    let orphan = try #require(Journal.orphans(in: first.journalFolder).first)
    for case .step(let changes) in orphan.contents.records {
      for change in changes {
        let verbs = Parser.parse(change, file: "j").commands.map(\.verb)
        #expect(verbs.allSatisfy { $0.isEdit }, "\(change)")
      }
    }
    let second = try ShellFixture(lines: ["recover"], state: first.state)
    second.run()
    #expect(!second.output.err.contains("error"), "\(second.output.err)")
    #expect(second.ids(.field) == ["F3", "F4"])
    #expect(PlanWriter.write(second.session.plan) == PlanWriter.write(first.session.plan))
  }
}
