import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

#if canImport(Glibc)
  import Glibc
#endif

/// `save` when the plan's file changed on disk since the session loaded or saved it (SPEC §14,
/// issue 16 item 3): a change of content is named with the time it was made; a new time stamp
/// or a reformatting is no change; `save merge` merges three ways; `save force` overwrites.
@Suite struct SaveConflictTests {
  static let original = "# cplan plan 1\nadd criterion C1 \"创新\"\nadd field F1 \"a\"\nadd field F2 \"b\"\n"

  /// A folder with `p.plan` holding ``original``, and a script session that loaded it.
  final class Setup {
    let dir: String
    let path: String
    let output = CapturedOutput()
    let session: Session

    init() throws {
      dir = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-save-\(UUID().uuidString)").path
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
      path = dir + "/p.plan"
      try SaveConflictTests.original.write(toFile: path, atomically: false, encoding: .utf8)
      session = Session(output: output)
      #expect(session.execute("load \(path)", file: "t"))
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    var disk: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<none>" }

    /// Another process's save: a new file renamed over the plan's (a new inode).
    func saveElsewhere(_ text: String) throws {
      usleep(20_000)  // a later time stamp than the session's save, on any clock
      try text.write(toFile: dir + "/other", atomically: false, encoding: .utf8)
      #expect(rename(dir + "/other", path) == 0)
    }

    /// The file's modification time as the message gives it, in local time (computed apart
    /// from cplan's own formatting, through Foundation).
    var modifiedText: String {
      let date = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
      let f = DateFormatter()
      f.locale = Locale(identifier: "en_US_POSIX")
      f.timeZone = TimeZone.current
      f.dateFormat = "yyyy-MM-dd HH:mm:ss"
      return f.string(from: date)
    }

    func run(_ text: String) -> Bool {
      output.clear()
      return session.execute(text, file: "s")
    }
  }

  enum DiskChange: String, CaseIterable, CustomTestStringConvertible {
    case touched, reformatted, savedElsewhere, editedInPlace, removed
    var testDescription: String { rawValue }
  }

  @Test(arguments: DiskChange.allCases)
  func saveTellsAChangedContentFromANewStamp(change: DiskChange) throws {
    let s = try Setup()
    #expect(s.run("set field F1 note \"session\""))
    let other = Self.original.replacingOccurrences(of: "\"b\"", with: "\"b2\"")
    switch change {
    case .touched:
      usleep(20_000)
      #expect(utimes(s.path, nil) == 0)
    case .reformatted:
      // The same plan in another order, with other spacing: no change of content.
      try s.saveElsewhere("# cplan plan 1\nadd field F2   \"b\"\nadd field F1 \"a\"\nadd criterion C1 \"创新\"\n")
    case .savedElsewhere:
      try s.saveElsewhere(other)
    case .editedInPlace:
      usleep(20_000)
      let h = try FileHandle(forWritingTo: URL(fileURLWithPath: s.path))
      h.seekToEndOfFile()
      h.write(Data("add field F3 \"c\"\n".utf8))
      try h.close()
    case .removed:
      #expect(unlink(s.path) == 0)
    }
    let before = s.disk
    let when = s.modifiedText
    let saved = s.run("save")
    switch change {
    case .touched, .reformatted, .removed:
      #expect(saved, "\(s.output.err)")
      #expect(s.disk.contains("add field F1 \"a\" note \"session\""))
    case .savedElsewhere, .editedInPlace:
      #expect(!saved)
      // It is this plan's own file, changed: not "not this plan's file" (issue 16).
      #expect(
        s.output.err.contains(
          "'\(s.path)' was changed on disk at \(when), after this session loaded or saved it; 'save merge' merges"),
        "\(s.output.err)")
      #expect(!s.output.err.contains("not this plan's file"))
      #expect(s.disk == before)
      #expect(s.session.isDirty)
    }
  }

  @Test func saveMergeTakesInAnEditThatDoesNotOverlap() throws {
    let s = try Setup()
    #expect(s.run("set field F1 note \"session\""))
    try s.saveElsewhere(Self.original + "add field F3 \"disk\"\n")
    #expect(!s.run("save"))
    #expect(s.run("save merge"), "\(s.output.err)")
    let merged = """
      # cplan plan 1
      add criterion C1 "创新"
      add field F1 "a" note "session"
      add field F2 "b"
      add field F3 "disk"

      """
    #expect(s.disk == merged)
    #expect(!s.session.isDirty)
    #expect(s.session.plan[.field].keys.map(\.a).sorted() == ["F1", "F2", "F3"])
    // The merge is one undo step: undo gives back the session's own plan.
    #expect(s.run("undo"))
    #expect(s.session.plan[.field].keys.map(\.a).sorted() == ["F1", "F2"])
  }

  @Test func saveMergeReportsAConflictKeepsOursAndSavesNothing() throws {
    let s = try Setup()
    #expect(s.run("set field F2 name \"ours\"\nset field F1 note \"session\""))
    let theirs = Self.original.replacingOccurrences(of: "\"b\"", with: "\"theirs\"") + "add field F3 \"disk\"\n"
    try s.saveElsewhere(theirs)
    #expect(!s.run("save merge"))
    // Both values, the count, and that nothing was saved.
    #expect(
      s.output.err.contains("conflict: field F2: name is \"ours\" in ours, \"theirs\" in theirs"), "\(s.output.err)")
    #expect(s.output.err.contains("1 conflict between this session and '\(s.path)' on disk"))
    #expect(s.disk == theirs)
    // The clean part applied (F3), the session's values kept (F2, F1's note).
    #expect(s.session.plan.entity(.field, "F3") != nil)
    #expect(s.session.plan.entity(.field, "F2")?.name == "ours")
    // The file on disk is the new base: the next save writes the resolution.
    #expect(s.run("save"), "\(s.output.err)")
    let resolved = """
      # cplan plan 1
      add criterion C1 "创新"
      add field F1 "a" note "session"
      add field F2 "ours"
      add field F3 "disk"

      """
    #expect(s.disk == resolved)
  }

  @Test func saveMergeOfAFileThatDoesNotLoadSaysWhyAndWritesNothing() throws {
    let s = try Setup()
    #expect(s.run("set field F1 note \"session\""))
    let broken = Self.original + "add field F9 \"x\" colour red\n"
    try s.saveElsewhere(broken)
    #expect(!s.run("save merge"))
    #expect(s.output.err.contains("colour"), "\(s.output.err)")
    #expect(s.output.err.contains("was changed on disk"))
    #expect(s.disk == broken)
  }

  @Test func saveForceOverwrites() throws {
    let s = try Setup()
    #expect(s.run("set field F1 note \"session\""))
    try s.saveElsewhere(Self.original + "add field F3 \"disk\"\n")
    #expect(s.run("save force"), "\(s.output.err)")
    #expect(!s.disk.contains("F3"))
    #expect(s.disk.contains("note \"session\""))
  }

  @Test func anotherFileIsStillRefusedWithItsOwnMessage() throws {
    let s = try Setup()
    try "# cplan plan 1\n".write(toFile: s.dir + "/q.plan", atomically: false, encoding: .utf8)
    #expect(!s.run("save \(s.dir)/q.plan merge"))
    #expect(s.output.err.contains("exists and is not this plan's file; add 'force'"), "\(s.output.err)")
  }

  @Test func aNewFileSavedTwiceIsItsOwn() throws {
    let s = try Setup()
    #expect(s.run("save \(s.dir)/new.plan"))
    #expect(FileManager.default.fileExists(atPath: s.dir + "/new.plan"))
    // Saving to its own (new) file again is no conflict.
    #expect(s.run("set field F1 note \"again\"\nsave"), "\(s.output.err)")
  }
}
