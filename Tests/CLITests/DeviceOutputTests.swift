import Foundation
import Testing

/// Output to something that is not a regular file: a full device is an error (E118, status 1),
/// never a crash or a silent success; a device, FIFO or socket is never replaced by a file.
/// Found by the tester: `export … to DEVICE` crashed the shell on a full device, `save DEVICE
/// force` renamed a file over the device node, and `> /dev/full` ended with status 0.
@Suite struct DeviceOutputTests {
  /// A fresh folder with the Jilin plan in it.
  static func folder() throws -> URL {
    let (dir, _, _) = try ReliabilityFileTests.folderWithPlan()
    return dir
  }

  /// Runs cplan through `sh -c`, with standard output redirected as `redirect` says.
  static func shell(_ line: String, in dir: URL) throws -> (status: Int32, err: String) {
    try ReliabilityFileTests.run("/bin/sh", ["-c", line], directory: dir, environment: ["CPLAN": CLI.binary])
  }

  @Test func saveRefusesToReplaceAFIFO() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("pipe").path
    #expect(mkfifo(fifo, 0o644) == 0)
    let r = try CLI.run(["shell", "plan.plan", "-c", "save pipe force"], directory: dir)
    #expect(r.status == 1)
    #expect(r.err.contains("cannot write 'pipe': not a regular file [E118]"), "\(r.err)")
    var st = stat()
    #expect(lstat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
    #expect(ReliabilityFileTests.listing(dir) == ["pipe", "plan.plan"])  // no temporary left
  }

  /// `save FOLDER` says at once that it is a folder, with or without `force` (it used to ask for
  /// `force` first, which then failed with "Is a directory"). Found by the tester.
  @Test func saveOntoAFolderSaysSoAtOnce() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("dirt"), withIntermediateDirectories: false)
    for command in ["save dirt", "save dirt force"] {
      let r = try CLI.run(["shell", "plan.plan", "-c", command], directory: dir)
      #expect(r.status == 1, "\(command)")
      #expect(r.err.contains("cannot write 'dirt': Is a directory [E118]"), "\(command): \(r.err)")
      #expect(!r.err.contains("add 'force'"), "\(command): \(r.err)")
    }
    #expect(ReliabilityFileTests.listing(dir) == ["dirt", "plan.plan"])
  }

  @Test func standardOutputOnAFullDeviceIsAnError() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    for command in [
      "check plan.plan", "export plan.plan --format json", "rank plan.plan", "shell plan.plan -c 'list org'",
    ] {
      let r = try Self.shell("\"$CPLAN\" \(command) > /dev/full", in: dir)
      #expect(r.status == 1, "\(command): \(r.status)")
      #expect(r.err.contains("cannot write standard output: No space left on device [E118]"), "\(command): \(r.err)")
    }
  }

  @Test func exportToAFullDeviceIsAnError() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(["export", "plan.plan", "--format", "json", "-o", "/dev/full"], directory: dir)
    #expect(r.status == 1)
    #expect(r.err.contains("cannot write '/dev/full': No space left on device [E118]"), "\(r.err)")
    // In the shell: an error at the command (a script stops there, status 1), no crash.
    let s = try CLI.run(["shell", "plan.plan", "-c", "export text to /dev/full"], directory: dir)
    #expect(s.status == 1)
    #expect(s.err.contains("cannot write '/dev/full': No space left on device [E118]"), "\(s.err)")
    #expect(!s.err.contains("Fatal error"))
  }

  @Test func showFundingReadsASourceAsAddDoes() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let ok = try CLI.run(
      ["shell", "plan.plan", "-c", "show funding K1 P1 省级", "-c", "show funding K1 P1 PROVINCIAL"], directory: dir)
    #expect(ok.status == 0, "\(ok.err)")
    #expect(ok.out.components(separatedBy: "funding K1 P1 provincial").count == 3, "\(ok.out)")
    let bad = try CLI.run(["shell", "plan.plan", "-c", "show funding K1 P1 provincal"], directory: dir)
    #expect(bad.err.contains("[E102]") && bad.err.contains("did you mean 'provincial'?"), "\(bad.err)")
  }
}
