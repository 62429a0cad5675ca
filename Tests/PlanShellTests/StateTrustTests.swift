import Foundation
import PlanIO
import Testing

@testable import PlanShell

#if canImport(Glibc)
  import Glibc
#endif

/// State folders owned by someone else (issue 18 item 9): as git's `safe.directory`, cplan
/// neither reads nor writes a state folder, journal or history that another user owns or that
/// others may write to, and says so; a history symlink stays a symlink; a file without the
/// history's version line is not read as history; a history path that is a folder says so.
///
/// The tests run as root (as CI does): another user's folder is made with `chown nobody`.
@Suite struct StateTrustTests {
  static let nobody: uid_t = 65534

  /// A fresh state folder with `cplan/journal/` made, and the test's user's uid.
  func stateFolder() throws -> (state: URL, cplan: String, journal: String) {
    let state = try ShellFixture.temporaryFolder()
    let cplan = state.appendingPathComponent("cplan").path
    try FileManager.default.createDirectory(atPath: cplan + "/journal", withIntermediateDirectories: true)
    chmod(cplan, 0o700)
    chmod(cplan + "/journal", 0o700)
    return (state, cplan, cplan + "/journal")
  }

  /// A journal with one change, as a killed session leaves it.
  func plantJournal(in folder: String) throws -> String {
    let path = folder + "/1700000000-1-1.journal"
    let text = Journal.render(Journal.Contents(base: .empty, records: [.step(["add field F9 \"planted\""])]))
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o600)
    return path
  }

  func requireRoot() throws {
    // chown to another user needs root; the suite says so rather than passing without looking.
    try #require(geteuid() == 0, "StateTrustTests must run as root (they chown to nobody)")
  }

  enum Spoil: String, CaseIterable {
    case cplanForeign, journalForeign, cplanWorldWritable, journalWorldWritable
  }

  /// Makes the `cplan` or `journal` folder another user's, or writable by all.
  func spoil(_ how: Spoil, cplan: String, journal: String) -> String {
    switch how {
    case .cplanForeign:
      chown(cplan, Self.nobody, Self.nobody)
      return cplan
    case .journalForeign:
      chown(journal, Self.nobody, Self.nobody)
      return journal
    case .cplanWorldWritable:
      chmod(cplan, 0o777)
      return cplan
    case .journalWorldWritable:
      chmod(journal, 0o777)
      return journal
    }
  }

  /// The tester's case and its siblings: a journal left in such a folder is neither offered nor
  /// replayed, no new journal is written there, and the shell says why at start.
  @Test(arguments: Spoil.allCases)
  func aStateFolderOfAnotherUserOrWritableByAllIsRefused(_ how: Spoil) throws {
    try requireRoot()
    let (state, cplan, journal) = try stateFolder()
    defer { try? FileManager.default.removeItem(at: state) }
    let planted = try plantJournal(in: journal)
    let refused = spoil(how, cplan: cplan, journal: journal)

    let f = try ShellFixture(lines: ["recover", "add field F1 \"x\""], state: state)
    var journalsWhileDirty: [String]?
    f.reader.onRead = { _ in
      if f.session.isDirty { journalsWhileDirty = try? FileManager.default.contentsOfDirectory(atPath: journal) }
    }
    f.run()
    #expect(f.ids(.field) == ["F1"])  // not F9: the planted journal was not replayed
    #expect(f.output.err.contains("[E125]"), "\(f.output.err)")
    #expect(journalsWhileDirty == [PathName.lastComponent(planted)])  // no journal of this session
    let message =
      how == .cplanForeign || how == .journalForeign
      ? "warning: not using '\(refused)': it is owned by uid \(Self.nobody), not by you (uid 0)"
      : "warning: not using '\(refused)': other users may write to it"
    #expect(f.output.err.contains(message), "\(f.output.err)")
    #expect(f.output.err.components(separatedBy: message).count == 2, "said once: \(f.output.err)")
    #expect(f.shell.journal?.startupNotice(language: .en) == nil)
  }

  /// A journal file of another user, or one others may write to, in the user's own folder is not
  /// offered either.
  @Test(arguments: [true, false])
  func aJournalFileOfAnotherUserIsNotReplayed(_ foreign: Bool) throws {
    try requireRoot()
    let (state, _, journal) = try stateFolder()
    defer { try? FileManager.default.removeItem(at: state) }
    let planted = try plantJournal(in: journal)
    if foreign { chown(planted, Self.nobody, Self.nobody) } else { chmod(planted, 0o666) }
    #expect(Journal.orphans(in: journal).isEmpty)
    let f = try ShellFixture(lines: ["recover"], state: state)
    f.run()
    #expect(f.ids(.field).isEmpty)
    // The control: the same journal, the user's own and private, is offered.
    chown(planted, 0, 0)
    chmod(planted, 0o600)
    #expect(Journal.orphans(in: journal).count == 1)
  }

  /// The user's own folders, as cplan makes them, are used as before: no warning.
  @Test func ownPrivateFoldersAreUsed() throws {
    let (state, _, journal) = try stateFolder()
    defer { try? FileManager.default.removeItem(at: state) }
    _ = try plantJournal(in: journal)
    let f = try ShellFixture(lines: ["recover"], state: state)
    f.run()
    #expect(f.ids(.field) == ["F9"])
    #expect(!f.output.err.contains("warning"), "\(f.output.err)")
  }

  // MARK: History

  func historyFile(_ lines: [String], in folder: URL) throws -> String {
    let path = folder.appendingPathComponent("history").path
    try (([HistoryFile.header] + lines).joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o600)
    return path
  }

  @Test(arguments: ["file foreign", "file world-writable", "folder foreign", "folder world-writable"])
  func aHistoryOfAnotherUserIsNeitherReadNorWritten(_ how: String) throws {
    try requireRoot()
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    chmod(folder.path, 0o700)
    let path = try historyFile(["save /tmp/planted.plan"], in: folder)
    let target = how.hasPrefix("file") ? path : folder.path
    if how.hasSuffix("foreign") { chown(target, Self.nobody, Self.nobody) } else { chmod(target, 0o777) }
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let history = HistoryFile(path: path)
    #expect(history.load().isEmpty)
    history.append("list field")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    let expected: StateDistrust =
      how.hasSuffix("foreign")
      ? .foreignOwner(path: target, owner: Self.nobody, user: 0) : .writableByOthers(path: target)
    #expect(history.problem == expected)
  }

  /// A sticky world-writable folder (`/tmp`) lets others add files but not replace the user's:
  /// a history there is used.
  @Test func aHistoryInAStickyFolderIsUsed() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    chmod(folder.path, 0o1777)
    let path = try historyFile(["list field"], in: folder)
    #expect(HistoryFile(path: path).load() == ["list field"])
  }

  @Test func aHistorySymlinkStaysASymlinkWhenCutBack() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let dotfiles = folder.appendingPathComponent("dotfiles")
    try FileManager.default.createDirectory(at: dotfiles, withIntermediateDirectories: true)
    let lines = (1...(2 * HistoryFile.limit + 5)).map { "list field # \($0)" }
    let real = try historyFile(lines, in: dotfiles)
    let link = folder.appendingPathComponent("history").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
    #expect(HistoryFile(path: link).load().count == HistoryFile.limit)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
    let kept = try String(contentsOfFile: real, encoding: .utf8).split(separator: "\n")
    #expect(kept.count == HistoryFile.limit + 1)  // the version line and the newest entries
    #expect(kept.last.map(String.init) == lines.last)
    #expect((try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() == ["dotfiles", "history"])
  }

  /// A file without the version line (CPLAN_HISTORY pointing at a script, say) is not read as
  /// history, and nothing is appended to it.
  @Test(arguments: ["save /tmp/x.plan\nexport csv\n", "# cplan history 2\nlist\n", "# cplan history 1"])
  func aFileWithoutTheVersionLineIsNotHistory(_ text: String) throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("script.cplan").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let history = HistoryFile(path: path)
    #expect(history.load().isEmpty)
    history.append("list field")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    #expect(history.problem == .notHistory(path: path))
    #expect(history.problem?.text.en.contains("is not a cplan history file") == true)
  }

  @Test func anEmptyFileBecomesHistory() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("history").path
    FileManager.default.createFile(atPath: path, contents: Data())
    let history = HistoryFile(path: path)
    #expect(history.load().isEmpty)
    history.append("list field")
    #expect(history.problem == nil)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == HistoryFile.header + "\nlist field\n")
  }

  @Test func aHistoryPathThatIsAFolderSaysSo() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let history = HistoryFile(path: folder.path)
    #expect(history.load().isEmpty)
    history.append("list field")
    #expect(history.problem == .folder(path: folder.path))
    #expect(history.problem?.text.en.contains("'\(folder.path)' is a folder") == true)
    #expect((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) == [])
  }

  /// `CPLAN_HISTORY=/dev/null` turns history off, quietly, as before.
  @Test func devNullTurnsHistoryOffQuietly() {
    let history = HistoryFile(path: "/dev/null")
    #expect(history.load().isEmpty)
    history.append("list field")
    #expect(history.problem == nil)
  }
}

/// A history file of any size does not stall the start (issue 18 item 12): only its end is read,
/// and it is cut back to the newest entries.
@Suite struct HugeHistoryTests {
  @Test func aHugeHistoryIsReadFromItsEndAndCutBack() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("history").path
    // 64 MiB of entries (the tester's was 3 GB), written in blocks.
    FileManager.default.createFile(atPath: path, contents: Data((HistoryFile.header + "\n").utf8))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.seekToEnd()
    let block = Data(
      (0..<4096).map { "list field # old \($0) " + String(repeating: "x", count: 200) + "\n" }.joined().utf8)
    for _ in 0..<(64 << 20) / block.count { handle.write(block) }
    let newest = (1...10).map { "add field F\($0) \"新\($0)\"" }
    handle.write(Data((newest.joined(separator: "\n") + "\n").utf8))
    try handle.close()

    let clock = ContinuousClock()
    var loaded: [String] = []
    let elapsed = clock.measure { loaded = HistoryFile(path: path).load() }
    #expect(elapsed < .seconds(2), "\(elapsed)")
    #expect(loaded.count == HistoryFile.limit)
    #expect(Array(loaded.suffix(10)) == newest)
    // Cut back: the version line and the entries kept.
    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    #expect(size <= HistoryFile.tailSize)
    #expect(HistoryFile(path: path).load() == loaded)
  }
}
