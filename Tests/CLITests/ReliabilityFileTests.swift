import Foundation
import PlanIO
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Safe files (issue 7; SPEC §6, §10): an atomic save creates its temporary file exclusively and
/// never follows a symlink planted at its name; a save that fails — a read-only folder, an
/// immutable file, a full disk, a missing folder — says why and leaves the old file as it was,
/// with no temporary file behind.
///
/// The tests run as root, where permission bits stop nothing. So a read-only folder is made with
/// `chattr +i` (an immutable folder refuses root too; those tests are skipped where `chattr` is
/// unavailable), and a full disk with a file-size limit (`ulimit -f`, with SIGXFSZ ignored, the
/// write fails with EFBIG just as it would with ENOSPC): both fail for root as for anyone.
@Suite struct ReliabilityFileTests {
  // MARK: Helpers

  /// Runs `executable` with `arguments`; returns its status and standard error.
  @discardableResult
  static func run(
    _ executable: String, _ arguments: [String], stdin: String = "", directory: URL? = nil,
    environment: [String: String] = [:]
  ) throws -> (status: Int32, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path]
      .merging(environment) { $1 }
    if let directory { process.currentDirectoryURL = directory }
    let input = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: err, as: UTF8.self))
  }

  /// `chattr`, if installed.
  static let chattr: String? = ["/usr/bin/chattr", "/bin/chattr", "/sbin/chattr", "/usr/sbin/chattr"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  /// Sets or clears the immutable flag of `path`; whether it worked.
  @discardableResult
  static func immutable(_ path: String, _ on: Bool) -> Bool {
    guard let chattr else { return false }
    return (try? run(chattr, [on ? "+i" : "-i", path]).status) == 0
  }

  /// Whether `chattr +i` works here (root with CAP_LINUX_IMMUTABLE, a file system with the flag).
  static let immutableWorks: Bool = {
    guard let folder = try? CLI.temporaryFolder() else { return false }
    defer {
      immutable(folder.path, false)
      try? FileManager.default.removeItem(at: folder)
    }
    guard immutable(folder.path, true) else { return false }
    return !FileManager.default.createFile(atPath: folder.appendingPathComponent("probe").path, contents: Data())
  }()

  /// A folder holding `plan.plan` (the Jilin sample plan), and its bytes.
  static func folderWithPlan(_ subfolder: String = "") throws -> (dir: URL, plan: URL, bytes: Data) {
    let dir = try CLI.temporaryFolder()
    let folder = subfolder.isEmpty ? dir : dir.appendingPathComponent(subfolder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let plan = folder.appendingPathComponent("plan.plan")
    let bytes = try Data(contentsOf: CLI.root.appendingPathComponent("plans/jilin-2025-2030.plan"))
    try bytes.write(to: plan)
    return (dir, plan, bytes)
  }

  static func listing(_ folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
  }

  /// What a symlink at `path` points to, or `nil` when there is none.
  static func linkTarget(_ path: String) -> String? {
    try? FileManager.default.destinationOfSymbolicLink(atPath: path)
  }

  // MARK: Planted symlinks

  /// A symlink to a file outside the folder, a dangling symlink and a folder stand at the names
  /// the first three attempts will use: each is stepped over (O_CREAT|O_EXCL|O_NOFOLLOW fails
  /// with EEXIST), the fourth name is created, and neither link target is written or created.
  @Test func aSymlinkPlantedAtTheTemporaryNameIsNeverFollowed() throws {
    let (dir, plan, old) = try Self.folderWithPlan("plans")
    let folder = plan.deletingLastPathComponent()
    let victim = dir.appendingPathComponent("victim.txt")
    try Data("victim".utf8).write(to: victim)
    let missing = dir.appendingPathComponent("created-through-link")
    func temporary(_ attempt: Int) -> String {
      folder.appendingPathComponent(".plan.plan.\(getpid()).\(attempt).planted.tmp").path
    }
    try FileManager.default.createSymbolicLink(atPath: temporary(0), withDestinationPath: victim.path)
    try FileManager.default.createSymbolicLink(atPath: temporary(1), withDestinationPath: missing.path)
    try FileManager.default.createDirectory(atPath: temporary(2), withIntermediateDirectories: false)
    let before = Self.listing(folder)

    let new = Data("# cplan plan 1\nset plan title \"新\"\n".utf8)
    try FileIO.writeAtomically(Array(new), to: plan.path, suffix: { _ in "planted" })

    #expect(try Data(contentsOf: plan) == new)
    #expect(try Data(contentsOf: victim) == Data("victim".utf8))
    #expect(!FileManager.default.fileExists(atPath: missing.path))
    #expect(Self.linkTarget(temporary(0)) == victim.path)
    #expect(Self.linkTarget(temporary(1)) == missing.path)
    #expect(Self.listing(folder) == before, "a temporary file was left behind")
    #expect(old != new)
  }

  /// When every name is taken by a planted symlink, the save fails with a reason, writes
  /// nothing anywhere, and the old plan is intact.
  @Test func aSaveWhoseEveryTemporaryNameIsTakenFailsAndKeepsThePlan() throws {
    let (dir, plan, old) = try Self.folderWithPlan("plans")
    let folder = plan.deletingLastPathComponent()
    let victim = dir.appendingPathComponent("victim.txt")
    try Data("victim".utf8).write(to: victim)
    for attempt in 0..<100 {
      try FileManager.default.createSymbolicLink(
        atPath: folder.appendingPathComponent(".plan.plan.\(getpid()).\(attempt).planted.tmp").path,
        withDestinationPath: victim.path)
    }
    let before = Self.listing(folder)
    #expect(throws: FileError.self) {
      try FileIO.writeAtomically(Array("# cplan plan 1\n".utf8), to: plan.path, suffix: { _ in "planted" })
    }
    do {
      try FileIO.writeAtomically(Array("# cplan plan 1\n".utf8), to: plan.path, suffix: { _ in "planted" })
    } catch {
      #expect(error.code == EEXIST && error.reason == String(cString: strerror(EEXIST)))
    }
    #expect(try Data(contentsOf: plan) == old)
    #expect(try Data(contentsOf: victim) == Data("victim".utf8))
    #expect(Self.listing(folder) == before)
  }

  /// Saving through a symlink writes the file it points to (PlanFileTests), but not a link that
  /// another user planted in a shared sticky folder such as /tmp (the kernel's protected_symlinks
  /// rule): `save` and `export -o` replace such a link instead of writing through it, whether it
  /// points to an existing file or nowhere. Our own link in the same folder is still followed.
  @Test func aLinkPlantedByAnotherUserInASharedFolderIsNotWrittenThrough() throws {
    let dir = try CLI.temporaryFolder()
    let shared = dir.appendingPathComponent("shared")
    try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: false)
    #expect(chmod(shared.path, 0o1777) == 0)
    let victim = dir.appendingPathComponent("victim.txt")
    try Data("victim".utf8).write(to: victim)
    let nowhere = dir.appendingPathComponent("created-through-link.json")
    let mine = dir.appendingPathComponent("mine.plan")
    try Data("# cplan plan 1\n".utf8).write(to: mine)
    func plant(_ name: String, to target: URL, owner: uid_t) throws {
      let link = shared.appendingPathComponent(name).path
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target.path)
      #expect(lchown(link, owner, owner) == 0)
    }
    let stranger: uid_t = geteuid() == 65534 ? 65533 : 65534
    try plant("plan.plan", to: victim, owner: stranger)
    try plant("out.json", to: nowhere, owner: stranger)
    try plant("mine.plan", to: mine, owner: geteuid())

    let r = try CLI.run(
      [
        "-c", "add field F1 \"x\"", "-c", "save shared/plan.plan force",
        "-c", "export json to shared/out.json force", "-c", "save shared/mine.plan force",
      ],
      directory: dir)
    #expect(r.status == 0, "\(r.err)")
    #expect(try Data(contentsOf: victim) == Data("victim".utf8))
    #expect(!FileManager.default.fileExists(atPath: nowhere.path))
    #expect(Self.linkTarget(shared.appendingPathComponent("plan.plan").path) == nil)
    #expect(try CLI.read(shared.appendingPathComponent("plan.plan")).contains("add field F1"))
    #expect(Self.linkTarget(shared.appendingPathComponent("out.json").path) == nil)
    #expect(Self.linkTarget(shared.appendingPathComponent("mine.plan").path) == mine.path)
    #expect(try CLI.read(mine).contains("add field F1"))
  }

  // MARK: Reading

  /// A sparse file of 100 GB used to be reserved in memory whole (a crash: "failed to allocate"),
  /// and the loader's chunked reader doubled its buffer for a line that never ends; a device
  /// that never ends (`/dev/zero`) would fill memory. All are refused with EFBIG (1 GiB limit).
  @Test func aFileTooLargeToReadIsRefusedNotReserved() throws {
    let dir = try CLI.temporaryFolder()
    let huge = dir.appendingPathComponent("huge.plan").path
    let fd = open(huge, O_WRONLY | O_CREAT, 0o644)
    #expect(fd >= 0)
    #expect(ftruncate(fd, 100 << 30) == 0)
    close(fd)
    defer { unlink(huge) }
    #expect(throws: FileError.self) { try FileIO.read(huge) }
    // Through the program (the loader's chunked fast path too): refused at once, exit status 2.
    for (arguments, stdin) in [(["check", "huge.plan"], ""), ([], "load huge.plan\n")] {
      let r = try CLI.run(arguments, stdin: stdin, directory: dir)
      #expect(r.status == 2)
      #expect(
        r.out.contains("cannot read 'huge.plan': File too large [E112]")
          || r.err.contains("cannot read 'huge.plan': File too large [E112]"), "\(r.out)\(r.err)")
    }
    do {
      _ = try FileIO.read("/dev/zero", limit: 1 << 20)
      Issue.record("/dev/zero was read to the end")
    } catch {
      #expect(error.code == EFBIG)
    }
    #expect(try FileIO.read(CLI.root.appendingPathComponent("plans/jilin-2025-2030.plan").path).count > 1000)
  }

  // MARK: Failed saves

  /// A save that fails for root too (`chattr +i`): into a read-only folder (the temporary file
  /// cannot be created), or over an immutable file in a writable folder (the temporary file is
  /// written, the rename fails, and the temporary file is removed again). Either way: a clear
  /// error (E118 with the system's reason) at the `save` line, exit status 1, the old file byte
  /// for byte, and nothing else in the folder.
  @Test(
    .enabled(
      if: ReliabilityFileTests.immutableWorks || ProcessInfo.processInfo.environment["CI"] != nil,
      "chattr +i does not work on this file system (never skipped in CI)"),
    arguments: ["read-only folder", "immutable file"])
  func aFailedSaveKeepsTheOldFile(_ what: String) throws {
    let (dir, plan, old) = try Self.folderWithPlan("ro")
    let folder = plan.deletingLastPathComponent()
    let frozen = what == "immutable file" ? plan.path : folder.path
    #expect(Self.immutable(frozen, true))
    defer { Self.immutable(frozen, false) }
    let r = try CLI.run(["ro/plan.plan"], stdin: "set plan title \"改\"\nsave\n", directory: dir)
    #expect(r.status == 1)
    #expect(
      r.err.contains("<stdin>:2:1: error: cannot write 'ro/plan.plan': Operation not permitted [E118]"), "\(r.err)")
    #expect(try Data(contentsOf: plan) == old)
    #expect(Self.listing(folder) == ["plan.plan"])
  }

  /// A full disk, for root as for anyone: a 2 KiB file-size limit (`ulimit -f 4`, 512-byte blocks
  /// in sh) makes the write of the 10 KB plan fail with EFBIG half way, as ENOSPC would. The old
  /// file is kept and the half-written temporary file removed. Also `export -o` and `fmt`.
  @Test func aFullDiskKeepsTheOldFile() throws {
    let (dir, plan, old) = try Self.folderWithPlan()
    let limited = "trap '' XFSZ; ulimit -f 4; exec \"$CPLAN\" \"$@\""
    let env = ["CPLAN": CLI.binary]
    var r = try Self.run(
      "/bin/sh", ["-c", limited, "sh", "plan.plan"], stdin: "set plan title \"满\"\nsave\n",
      directory: dir, environment: env)
    #expect(r.status == 1)
    #expect(r.err.contains("cannot write 'plan.plan': File too large [E118]"), "\(r.err)")
    // fmt rewrites a plan in canonical form: out of order, so it has something to write.
    let shuffled = String(decoding: old, as: UTF8.self).split(separator: "\n").reversed().joined(separator: "\n")
    let messy = dir.appendingPathComponent("messy.plan")
    try Data(("# cplan plan 1\n" + shuffled.replacingOccurrences(of: "# cplan plan 1", with: "") + "\n").utf8).write(
      to: messy)
    let messyBytes = try Data(contentsOf: messy)
    r = try Self.run("/bin/sh", ["-c", limited, "sh", "fmt", "messy.plan"], directory: dir, environment: env)
    #expect(r.status != 0)
    #expect(r.err.contains("File too large"), "\(r.err)")
    #expect(try Data(contentsOf: messy) == messyBytes)
    r = try Self.run(
      "/bin/sh", ["-c", limited, "sh", "export", "plan.plan", "--format", "html", "-o", "plan.html"],
      directory: dir, environment: env)
    #expect(r.status != 0)
    #expect(r.err.contains("File too large"), "\(r.err)")
    #expect(try Data(contentsOf: plan) == old)
    #expect(Self.listing(dir) == ["messy.plan", "plan.plan"])
  }

  /// Folders that do not exist or are files: a clear error naming the path and the reason, and
  /// nothing created.
  @Test(arguments: [
    ("nowhere/x.plan", "No such file or directory"),
    ("plan.plan/x.plan", "Not a directory"),
    ("sub", "Is a directory"),
  ])
  func aSaveToAnImpossiblePathSaysWhy(_ path: String, _ reason: String) throws {
    let (dir, plan, old) = try Self.folderWithPlan()
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: false)
    let r = try CLI.run(["plan.plan"], stdin: "save \(path) force\n", directory: dir)
    #expect(r.status == 1)
    #expect(r.err.contains("cannot write '\(path)': \(reason) [E118]"), "\(r.err)")
    #expect(try Data(contentsOf: plan) == old)
    #expect(Self.listing(dir) == ["plan.plan", "sub"])
    #expect(Self.listing(dir.appendingPathComponent("sub")) == [])
  }
}

// MARK: - History and journal

extension TerminalIntegration {
  /// SPEC §10 and issue 7: with `XDG_STATE_HOME` set (and `CPLAN_HISTORY` unset), the history
  /// file and the journal are 0600 in 0700 folders — also when `cplan` existed with a looser mode.
  @Test func historyAndJournalArePrivate() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-state-\(UUID().uuidString)")
    let state = folder.appendingPathComponent("state")
    try FileManager.default.createDirectory(
      at: state.appendingPathComponent("cplan"), withIntermediateDirectories: true)
    chmod(state.appendingPathComponent("cplan").path, 0o755)
    let t = try TerminalSession(environment: ["XDG_STATE_HOME": state.path], folder: folder)
    #expect(t.waitForPrompt())
    t.enter("add field F1 \"新能源汽车\"")
    #expect(t.waitForPrompt("cplan*>"))
    t.enter("list field")
    #expect(t.waitFor("F1  新能源汽车"))

    func mode(_ path: String) -> mode_t? {
      var st = stat()
      guard lstat(path, &st) == 0 else { return nil }
      return st.st_mode & 0o777
    }
    let cplan = state.appendingPathComponent("cplan").path
    #expect(mode(cplan) == 0o700)
    #expect(mode(cplan + "/history") == 0o600)
    #expect(mode(cplan + "/journal") == 0o700)
    let journals = (try? FileManager.default.contentsOfDirectory(atPath: cplan + "/journal")) ?? []
    #expect(journals.count == 1, "\(journals)")
    for name in journals { #expect(mode(cplan + "/journal/" + name) == 0o600, "\(name)") }
    #expect(
      !FileManager.default.fileExists(atPath: t.home.appendingPathComponent(".local").path),
      "XDG_STATE_HOME was not used")
    t.press("C-d")
    #expect(t.waitFor("unsaved changes"))
    t.press("C-d")
    #expect(t.ended()?.status == 0)
    // A confirmed quit clears the journal; the history stays, still private.
    #expect(((try? FileManager.default.contentsOfDirectory(atPath: cplan + "/journal")) ?? ["?"]).isEmpty)
    #expect(mode(cplan + "/history") == 0o600)
    try? FileManager.default.removeItem(at: folder)
  }
}
