import Foundation
import PlanModel
import Testing

@testable import PlanIO

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 18 items 1 and 2: the lock a save holds from its check to its rename, the check just
/// before the rename, a new file never renamed over one that appeared, and the stamp of the
/// descriptor a load read.
@Suite struct PlanFileLockTests {
  static func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-lock-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  static func read(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<none>"
  }

  @Test func aSecondLockWaitsAndGivesUp() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/p.plan"
    try Self.write("# cplan plan 1\n", to: path)
    var first: PlanFileLock? = try PlanFileLock.acquire(path)
    #expect(first != nil)
    // flock locks of two open file descriptions conflict, in one process too.
    #expect(throws: FileError.self) { _ = try PlanFileLock.acquire(path, timeout: 0.05) }
    first = nil
    #expect(try PlanFileLock.acquire(path, timeout: 0.05) != nil)
  }

  @Test func noFileNoLock() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(try PlanFileLock.acquire(dir + "/none.plan") == nil)
    #expect(try PlanFileLock.acquire(dir) == nil)  // a folder is no plan file
  }

  @Test func theLockFollowsAFileRenamedOverTheLockedOne() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/p.plan"
    try Self.write("old\n", to: path)
    var first: PlanFileLock? = try PlanFileLock.acquire(path)
    let old = try #require(first?.stamp)
    #expect(first?.isCurrent() == true)
    // Another saver renames its file over the locked one, then lets go.
    try Self.write("new\n", to: dir + "/other")
    #expect(rename(dir + "/other", path) == 0)
    #expect(first?.isCurrent() == false)
    first = nil
    let second = try #require(try PlanFileLock.acquire(path))
    #expect(second.stamp.identity != old.identity)
    #expect(second.stamp.identity == FileIO.identity(path))
    #expect(try second.read() == Array("new\n".utf8))
  }

  @Test func anEditInPlaceMakesTheLockStale() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/p.plan"
    try Self.write("abc\n", to: path)
    let lock = try #require(try PlanFileLock.acquire(path))
    // Same size, same inode: only the times tell (an editor that writes in place).
    usleep(10_000)
    let fd = open(path, O_WRONLY)
    #expect(Glibc.write(fd, "xyz", 3) == 3)
    close(fd)
    #expect(!lock.isCurrent())
  }

  @Test func aWriteWhoseCheckFailsWritesNothing() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/p.plan"
    try Self.write("theirs\n", to: path)
    do {
      try FileIO.writeAtomically(Array("ours\n".utf8), to: path, unchanged: { false })
      Issue.record("the write went through")
    } catch {
      #expect(error.isConflict)
    }
    #expect(Self.read(path) == "theirs\n")
    // No temporary file is left behind.
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["p.plan"])
  }

  @Test func aNewFileIsNeverRenamedOverOneThatAppeared() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/p.plan"
    let stamp = try FileIO.writeAtomically(Array("first\n".utf8), to: path, noReplace: true)
    #expect(Self.read(path) == "first\n")
    #expect(stamp == FileIO.stamp(path))
    do {
      try FileIO.writeAtomically(Array("second\n".utf8), to: path, noReplace: true)
      Issue.record("the write went through")
    } catch {
      #expect(error.isConflict)
    }
    #expect(Self.read(path) == "first\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["p.plan"])
  }

  /// Replaces the file at `path` by another (a rename) as soon as the loader has filled its
  /// first table: a replacement in the middle of the load.
  final class Replacer: PlanLoadObserver {
    let path: String
    let replacement: String
    var done = false
    init(path: String, replacement: String) {
      self.path = path
      self.replacement = replacement
    }
    func filled(_ kind: Kind, in plan: Plan) {
      guard !done else { return }
      done = true
      #expect(rename(replacement, path) == 0)
    }
    func abandoned() {}
  }

  @Test func aLoadStampsTheFileItRead() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/p.plan"
    try Self.write("# cplan plan 1\nadd criterion C1 \"a\"\nadd field F1 \"x\"\n", to: path)
    let read = try #require(FileIO.stamp(path))
    try Self.write("# cplan plan 1\nadd criterion C1 \"a\"\nadd field F2 \"y\"\n", to: dir + "/new")
    let replacer = Replacer(path: path, replacement: dir + "/new")
    var stamp: FileStamp?
    let plan = try PlanLoader.load(path: path, observer: replacer, stamp: &stamp)
    #expect(replacer.done)
    // The plan is the old file's, and so is the stamp — not the file now at the path.
    #expect(plan[.field].keys.map(\.a) == ["F1"])
    #expect(stamp == read)
    #expect(FileIO.stamp(path)?.identity != read.identity)
  }
}
