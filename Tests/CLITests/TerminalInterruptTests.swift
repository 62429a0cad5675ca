import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Ctrl-C interrupts a long command in the shell (issue 18 item 12): TOPSIS sensitivity on a
/// large plan stops, nothing half-computed is printed, the plan is as it was and the shell goes on.
extension TerminalIntegration {
  @Test func ctrlCInterruptsALongSensitivity() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-int-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // 150 fields: TOPSIS sensitivity takes several seconds of CPU in a debug build.
    let gen = Process()
    gen.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    gen.arguments = [
      "python3", CLI.root.appendingPathComponent("bench/gen.py").path, "--plan",
      folder.appendingPathComponent("p.plan").path,
      "-q", "300",
    ]
    try gen.run()
    gen.waitUntilExit()
    try #require(gen.terminationStatus == 0)

    let t = try TerminalSession(["p.plan"], folder: folder)
    #expect(t.waitForPrompt("cplan:p>", timeout: 60), "\(t.screen())")
    let prompts = t.promptCount()
    t.enter("rank method topsis sensitivity", timeout: 0)
    usleep(1_000_000)
    #expect(t.promptCount() == prompts, "it ended before Ctrl-C: \(t.screen())")
    let pressed = Date()
    t.press("C-c")
    #expect(t.waitFor("interrupted (Ctrl-C): nothing was changed", timeout: 30), "\(t.screen())")
    #expect(t.waitForPrompt("cplan:p>"), "\(t.screen())")  // no `*`: the plan is as it was
    #expect(Date().timeIntervalSince(pressed) < 15)
    #expect(!t.screen().contains("Sensitivity:"), "\(t.screen())")
    // The shell goes on; the same command without Ctrl-C is not interrupted.
    t.enter("rank")
    #expect(t.waitFor("F"), "\(t.screen())")
  }
}
