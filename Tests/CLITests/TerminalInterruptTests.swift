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

/// Ctrl-C interrupts every long command, not only the sensitivity (issue 18 item 12): a `load`,
/// an `export` to a file, `validate`, `review`, `rank … robustness`, an `import` and a `run` of a
/// long script, each on an 8 MB plan. Each says it was interrupted, and the plan is as it was
/// (the prompt's name and its `*`), with no file made.
extension TerminalIntegration {
  @Test func ctrlCInterruptsEveryLongCommand() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-int-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // 2,000 consortia (8 MB): loading and validating take seconds of CPU in a debug build.
    let gen = Process()
    gen.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    gen.arguments = [
      "python3", CLI.root.appendingPathComponent("bench/gen.py").path, "--plan",
      folder.appendingPathComponent("big.plan").path, "-q", "2000",
    ]
    try gen.run()
    gen.waitUntilExit()
    try #require(gen.terminationStatus == 0)
    // 100,000 rows to import, and a script of 100,000 additions.
    let rows = (0..<100_000).map { "X\($0),\"n\($0)\"\n" }.joined()
    try ("id,name\n" + rows).write(to: folder.appendingPathComponent("field.csv"), atomically: true, encoding: .utf8)
    let script = (0..<100_000).map { "add field Y\($0) \"n\($0)\"\n" }.joined()
    try script.write(to: folder.appendingPathComponent("many.cplan"), atomically: true, encoding: .utf8)

    let t = try TerminalSession([], folder: folder)
    #expect(t.waitForPrompt("cplan>", timeout: 60), "\(t.screen())")

    /// Enters `command`, presses Ctrl-C while it runs, and waits for the message and `prompt`.
    func interrupt(_ command: String, prompt: String) {
      let prompts = t.promptCount()
      let said = t.transcript().components(separatedBy: "interrupted (Ctrl-C): nothing was changed").count
      t.enter(command, timeout: 0)
      usleep(400_000)
      #expect(t.promptCount() == prompts, "\(command) ended before Ctrl-C: \(t.screen())")
      t.press("C-c")
      #expect(
        t.waitUntil(timeout: 60) { _ in
          t.transcript().components(separatedBy: "interrupted (Ctrl-C): nothing was changed").count > said
        }, "\(command): \(t.screen())")
      #expect(t.waitForPrompt(prompt, timeout: 60), "\(command): \(t.screen())")
    }

    // An interrupted load loads nothing: the plan is still the empty one.
    interrupt("load big.plan", prompt: "cplan>")
    t.enter("load big.plan", timeout: 120)
    #expect(t.waitForPrompt("cplan:big>", timeout: 120), "\(t.screen())")

    interrupt("export json to out.json", prompt: "cplan:big>")
    interrupt("validate", prompt: "cplan:big>")
    interrupt("review", prompt: "cplan:big>")
    interrupt("rank robustness samples 100000000", prompt: "cplan:big>")
    // An interrupted import or run changes nothing: no `*`.
    interrupt("import field.csv", prompt: "cplan:big>")
    interrupt("run many.cplan", prompt: "cplan:big>")
    t.enter("show field X1")
    t.enter("show field Y1")
    #expect(t.waitFor("field 'X1' does not exist"), "\(t.screen())")
    #expect(t.waitFor("field 'Y1' does not exist"), "\(t.screen())")
    // No export, and no temporary file left beside where it would be.
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(!names.contains { $0.contains("out.json") }, "\(names)")
  }
}
