import Foundation
import PlanIO
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// Recovery that loses nothing (issue 18 items 3 and 4, issue 17 items 14 and 15): the journal
/// records its base file's identity and `recover` warns when it changed; a journal is kept when a
/// step fails, and after a recovery until its work is saved or discarding it is confirmed;
/// `recover` says which plan, from when, how many changes, and asks before replacing a plan of
/// another file; journaling starts with the first change, also from `-c … -i`.
@Suite struct RecoveryTests {
  /// A folder for plan files, removed at the end.
  final class Files {
    let folder: URL
    init() throws { folder = try ShellFixture.temporaryFolder() }
    deinit { try? FileManager.default.removeItem(at: folder) }
    func plan(_ name: String, _ text: String) throws -> String {
      let path = folder.appendingPathComponent(name).path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }
  }

  /// A shell that loads `plan`, types `lines` and is killed: its journal is left behind.
  static func killed(_ lines: [String], plan: String? = nil) throws -> ShellFixture {
    let first = try ShellFixture(lines: lines)
    if let plan { #expect(first.session.loadInitial(path: plan) == nil) }
    first.shell.journal?.attach(to: first.session)
    first.runAndKill()
    return first
  }

  static func journals(_ f: ShellFixture) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: f.journalFolder)) ?? []).sorted()
  }

  // MARK: 18.3 the base's identity

  /// FNV-1a 64 test vectors (Fowler, Noll, Vo; the published table for "", "a", "foobar").
  @Test(arguments: [
    ("", 0xcbf2_9ce4_8422_2325 as UInt64), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8),
  ])
  func contentHashIsFNV1a(text: String, hash: UInt64) {
    #expect(ContentHash.of(Array(text.utf8)) == hash)
  }

  @Test func theBaseIdentityRoundTrips() throws {
    let identity = Journal.BaseIdentity(size: 1234, modified: 1_765_000_000, modifiedNanoseconds: 5_000, hash: 0xabc)
    let contents = Journal.Contents(
      base: .file("/p/吉林.plan"), records: [.step(["add field F1 \"x\""])], started: 1_700_000_000,
      baseIdentity: identity)
    let text = Journal.render(contents)
    #expect(text.contains("\nidentity 1234 1765000000.000005000 abc\n"))
    #expect(try Journal.parse(text) == contents)
    #expect(throws: Journal.FormatError.self) { try Journal.parse("# cplan journal 1\nbase file /a\nidentity x\n") }
  }

  @Test func aJournalOnAFileRecordsWhatTheFileHeld() throws {
    let files = try Files()
    let text = "# cplan plan 1\nadd field FA \"吉林\"\n"
    let plan = try files.plan("p.plan", text)
    let first = try Self.killed(["add field F1 \"x\""], plan: plan)
    let orphan = try #require(Journal.orphans(in: first.journalFolder).first)
    let identity = try #require(orphan.contents.baseIdentity)
    let attributes = try FileManager.default.attributesOfItem(atPath: plan)
    #expect(identity.size == Int64(text.utf8.count))
    let mtime = try #require(attributes[.modificationDate] as? Date)
    #expect(
      abs(Double(identity.modified) + Double(identity.modifiedNanoseconds) / 1e9 - mtime.timeIntervalSince1970) < 1e-5)
    #expect(identity.hash == ContentHash.of(Array(text.utf8)))
  }

  @Test func recoverWarnsWhenTheBaseChangedAndReplaysOntoIt() throws {
    let files = try Files()
    let plan = try files.plan("p.plan", "# cplan plan 1\nadd field FA \"a\"\n")
    let first = try Self.killed(["add field F1 \"x\""], plan: plan)
    defer { withExtendedLifetime(first) {} }
    usleep(20_000)
    _ = try files.plan("p.plan", "# cplan plan 1\nadd field FA \"a\"\nadd field FB \"changed\"\n")
    let second = try ShellFixture(lines: ["recover"], state: first.state)
    second.run()
    #expect(second.output.err.contains("warning: \(plan) was changed at 20"), "\(second.output.err)")
    #expect(second.output.err.contains("after the journal began"))
    #expect(second.ids(.field) == ["FA", "FB", "F1"])
  }

  @Test func anUnchangedBaseDrawsNoWarning() throws {
    let files = try Files()
    let plan = try files.plan("p.plan", "# cplan plan 1\nadd field FA \"a\"\n")
    let first = try Self.killed(["add field F1 \"x\""], plan: plan)
    defer { withExtendedLifetime(first) {} }
    // A new time stamp alone: the content is what it was.
    usleep(20_000)
    #expect(utimes(plan, nil) == 0)
    let second = try ShellFixture(lines: ["recover"], state: first.state)
    second.run()
    #expect(!second.output.err.contains("warning"), "\(second.output.err)")
    #expect(second.ids(.field) == ["FA", "F1"])
  }

  @Test func aFailedStepKeepsTheJournalAndSaysWhere() throws {
    let files = try Files()
    let plan = try files.plan("p.plan", "# cplan plan 1\nadd field FA \"a\"\n")
    let first = try Self.killed(["set field FA note \"x\"", "add field F1 \"y\""], plan: plan)
    defer { withExtendedLifetime(first) {} }
    let orphan = try #require(Journal.orphans(in: first.journalFolder).first)
    // The base loses FA: the first step cannot be replayed.
    _ = try files.plan("p.plan", "# cplan plan 1\nadd field FZ \"z\"\n")
    let second = try ShellFixture(lines: ["recover"], state: first.state)
    second.run()
    #expect(second.output.err.contains("the journal stays in \(orphan.path)"), "\(second.output.err)")
    // Located as the command it was: the first recovered command, with its text.
    #expect(second.output.err.contains("<recovered>:1:11: error:"), "\(second.output.err)")
    #expect(second.output.err.contains("set field FA note \"x\""))
    #expect(FileManager.default.fileExists(atPath: orphan.path))
    #expect(Journal.orphans(in: second.journalFolder).map(\.path) == [orphan.path])
  }

  // MARK: 17.14 which plan, asked, kept until saved or discarded

  @Test func recoverSaysWhichPlanFromWhenAndHowMany() throws {
    let first = try Self.killed(["add field F1 \"x\"", "add field F2 \"y\""])
    defer { withExtendedLifetime(first) {} }
    let started = try #require(Journal.orphans(in: first.journalFolder).first).contents.started
    let second = try ShellFixture(lines: ["recover"], state: first.state)
    second.run()
    // The time as `date` would print it in local time (computed apart, through Foundation).
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.dateFormat = "yyyy-MM-dd HH:mm"
    let when = f.string(from: Date(timeIntervalSince1970: TimeInterval(started)))
    #expect(second.output.err.contains("recovered 2 changes (from \(when))"), "\(second.output.err)")
  }

  @Test func recoverAsksBeforeReplacingAPlanOfAnotherFile() throws {
    let files = try Files()
    let b = try files.plan("b.plan", "# cplan plan 1\nadd field FB \"b\"\n")
    let a = try files.plan("a.plan", "# cplan plan 1\nadd field FA \"a\"\n")
    let first = try Self.killed(["add field F1 \"x\""], plan: b)
    defer { withExtendedLifetime(first) {} }
    let once = try ShellFixture(lines: ["recover", "show plan"], state: first.state)
    #expect(once.session.loadInitial(path: a) == nil)
    once.run()
    #expect(
      once.output.err.contains("recover replaces plan a with the unsaved work on plan b from 20"), "\(once.output.err)")
    #expect(once.output.err.contains("(1 change); repeat 'recover' to confirm"))
    #expect(once.ids(.field) == ["FA"])
    #expect(Journal.orphans(in: first.journalFolder).count == 1)
    let twice = try ShellFixture(lines: ["recover", "recover"], state: first.state)
    #expect(twice.session.loadInitial(path: a) == nil)
    twice.run()
    #expect(twice.ids(.field) == ["FB", "F1"])
    #expect(twice.session.file == b)
  }

  @Test func aRecoveredJournalStaysUntilItsWorkIsSaved() throws {
    let files = try Files()
    let first = try Self.killed(["add field F1 \"x\""])
    defer { withExtendedLifetime(first) {} }
    let orphan = try #require(Journal.orphans(in: first.journalFolder).first).path
    let target = files.folder.appendingPathComponent("r.plan").path
    var existsAfter: [String: Bool] = [:]
    let second = try ShellFixture(
      lines: ["recover", "undo", "save \(target)", "redo", "save \(target)"], state: first.state)
    second.reader.onRead = { _ in
      let last = second.reader.prompts.count
      existsAfter["\(last)"] = FileManager.default.fileExists(atPath: orphan)
    }
    second.run()
    // Prompts: 1 before recover, 2 after recover, 3 after undo, 4 after the save without the
    // recovered change, 5 after redo, 6 after the save with it.
    #expect(existsAfter["2"] == true && existsAfter["3"] == true)
    #expect(existsAfter["4"] == true, "a save of the plan without the recovered work kept its journal")
    #expect(existsAfter["6"] == false, "\(existsAfter) \(second.output.err)")
    #expect(!FileManager.default.fileExists(atPath: orphan))
  }

  @Test func quitAfterUndoingARecoveryAsksBeforeDiscardingIt() throws {
    let files = try Files()
    let a = try files.plan("a.plan", "# cplan plan 1\nadd field FA \"a\"\n")
    let first = try Self.killed(["add field F1 \"x\""])
    defer { withExtendedLifetime(first) {} }
    let orphan = try #require(Journal.orphans(in: first.journalFolder).first).path
    var afterFirstQuit: Bool?
    // Recover over a.plan (asked, confirmed), undo both recovered steps: a.plan, clean. quit.
    let second = try ShellFixture(lines: ["recover", "recover", "undo", "undo", "quit"], state: first.state)
    #expect(second.session.loadInitial(path: a) == nil)
    second.reader.onRead = { _ in
      if second.reader.prompts.count == 6 { afterFirstQuit = FileManager.default.fileExists(atPath: orphan) }
    }
    second.run()
    #expect(second.ids(.field) == ["FA"])
    #expect(!second.session.isDirty)
    #expect(
      second.output.err.contains("the work recovered from \(orphan) is not saved; repeat 'quit' to discard it"),
      "\(second.output.err)")
    #expect(afterFirstQuit == true)
    // The end of input repeats quit: discarding confirmed, the journal goes.
    #expect(!FileManager.default.fileExists(atPath: orphan))
  }

  // MARK: 18.4 journaling from the first change

  @Test func commandLineChangesAreJournaledBeforeAnythingIsTyped() throws {
    let f = try ShellFixture(lines: [])
    #expect(f.shell.executeCommandLine(["add field F1 \"-c 的修改\"", "set field F1 note \"n\""]))
    let files = Self.journals(f)
    #expect(files.count == 1)
    let text = try String(contentsOfFile: f.journalFolder + "/" + files[0], encoding: .utf8)
    #expect(try Journal.parse(text).changeCount == 2)
  }

  @Test func withoutAnyStateFolderTheShellWarns() throws {
    let output = CapturedOutput()
    var settings = Session.Settings()
    settings.interactive = true
    let session = Session(settings: settings, output: output)
    var common = CommonSettings()
    common.quiet = true
    let shell = InteractiveShell(
      session: session, common: common, reader: ScriptedLineReader([.line("add field F1 \"x\"")]),
      paths: StatePaths(environment: [:], passwordHome: nil))
    #expect(shell.journal == nil)
    shell.run()
    #expect(output.err.contains("warning: no folder for history and the crash journal (set HOME or XDG_STATE_HOME)"))
  }
}
