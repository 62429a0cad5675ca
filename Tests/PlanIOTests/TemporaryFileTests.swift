import Foundation
import Testing

@testable import PlanIO

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 18 item 5: the temporary file of an atomic save fits the 255-byte name limit whatever the
/// target's name, and the temporary files that killed saves left behind are removed at the next
/// save of that plan — only those of dead processes, of that plan, that are regular files.
@Suite struct TemporaryFileTests {
  static func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-tmpfile-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// A process id that ran and has ended (reaped), so `kill(pid, 0)` fails with ESRCH.
  static func deadPID() throws -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/true")
    try p.run()
    p.waitUntilExit()
    return p.processIdentifier
  }

  @Test func aShortNameIsItsOwnTag() {
    #expect(TemporaryFile.tag(for: "plan.plan") == "plan.plan")
    #expect(TemporaryFile.tag(for: "吉林省创新联合体规划.plan") == "吉林省创新联合体规划.plan")
  }

  @Test func aLongNameIsCutAtACharacterAndHashed() {
    // 78 Chinese characters × 3 bytes + ".plan" = 239 bytes: with ".", ".PID.N.RANDOM.tmp" it
    // would pass 255.
    let long = String(repeating: "创新联合体规划", count: 11) + "吉" + ".plan"
    #expect(long.count == 78 + 5 && long.utf8.count == 78 * 3 + 5)
    let tag = TemporaryFile.tag(for: long)
    #expect(tag.utf8.count + TemporaryFile.overhead <= 255)
    #expect(tag.contains("~"))
    #expect(String(validatingUTF8: Array(tag.utf8).map { CChar(bitPattern: $0) } + [0]) == tag)
    // Two long names with the same first 200 bytes get different tags.
    let other = String(repeating: "创新联合体规划", count: 11) + "辽" + ".plan"
    #expect(TemporaryFile.tag(for: other) != tag)
  }

  @Test func aFileWithALongChineseNameIsSaved() throws {
    let dir = try Self.folder()
    let name = String(repeating: "创新联合体规划", count: 11) + "吉" + ".plan"  // 78 characters + .plan
    let path = dir + "/" + name
    try FileIO.writeAtomically(Array("# cplan plan 1\n".utf8), to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "# cplan plan 1\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [name])
  }

  @Test func staleTemporaryFilesOfDeadProcessesAreRemovedAtTheNextSave() throws {
    let dir = try Self.folder()
    let dead = try Self.deadPID()
    let stale = ".plan.plan.\(dead).0.abc.tmp"
    let live = ".plan.plan.1.0.abc.tmp"  // pid 1 runs
    let otherPlan = ".other.plan.\(dead).0.abc.tmp"
    let notOurs = ".plan.plan.x.0.abc.tmp"
    for name in [stale, live, otherPlan, notOurs] {
      #expect(FileManager.default.createFile(atPath: dir + "/" + name, contents: Data("partial".utf8)))
    }
    let folderLike = ".plan.plan.\(dead).1.abc.tmp"
    try FileManager.default.createDirectory(atPath: dir + "/" + folderLike, withIntermediateDirectories: false)
    try FileIO.writeAtomically(Array("# cplan plan 1\n".utf8), to: dir + "/plan.plan")
    let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir))
    #expect(left == ["plan.plan", live, otherPlan, notOurs, folderLike])
  }
}
