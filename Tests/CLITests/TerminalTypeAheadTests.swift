import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Type-ahead (issue 18 item 12a): editing keys typed while a command runs are edited at the
/// next prompt exactly as if typed there — the terminal is kept out of canonical mode and echo
/// between prompts, so the kernel neither echoes them raw nor eats their Backspaces.
extension TerminalIntegration {
  @Test func keysTypedDuringASlowCommandAreEditedAtTheNextPrompt() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-ahead-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // A plan of 300 consortia, and a script that exports it five times: seconds in a debug build.
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
    let slow = String(repeating: "export json to out.json force\n", count: 5)
    try slow.write(to: folder.appendingPathComponent("slow.cplan"), atomically: true, encoding: .utf8)

    let t = try TerminalSession(["p.plan"], folder: folder)
    #expect(t.waitForPrompt("cplan:p>", timeout: 60), "\(t.screen())")
    t.enter("add field ZZ \"abcdef\"")
    #expect(t.waitForPrompt("cplan:p*>"))
    let prompts = t.promptCount()
    t.type("run slow.cplan")
    t.press("Enter")
    // Typed while the script runs: recall the add, delete "ef", insert X before "d".
    t.press("Up", "Up", "Left", "BSpace", "BSpace", "Left", "X")
    // The keys came while the command ran (else this test would prove nothing).
    #expect(t.promptCount() == prompts, "the command ended before the keys: \(t.screen())")
    #expect(
      t.waitUntil(timeout: 120) { _ in t.lastLine() == "cplan:p*> add field ZZ \"abcXd\"" },
      "\(t.screen())")
    #expect(!t.screen().contains("^["), "\(t.screen())")
  }
}
