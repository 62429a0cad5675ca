import Foundation
import Testing

/// A reader that goes away early (`cplan … | head -1`) ends every command quietly: its usual
/// status, no crash, no backtrace (SIGPIPE is ignored; a failed write stops the output).
@Suite struct ClosedPipeTests {
  /// 1,500 consortia without members: every one breaks several rules, so the report runs to
  /// hundreds of kilobytes, far beyond what a pipe holds.
  static func planWithManyFindings() -> String {
    var text = "# cplan plan 1\nadd phase P1 \"攻关期\" period 2025..2026\n"
    for i in 1...1500 { text += "add consortium K\(i) \"联合体\(i)\"\n" }
    return text
  }

  @Test(arguments: [
    ["check", "many.plan"], ["check", "many.plan", "--format", "json"], ["fmt", "--check", "many.plan"],
    ["shell", "many.plan", "-c", "validate"], ["rank", "many.plan"], ["export", "many.plan", "--format", "text"],
  ])
  func aClosedPipeEndsTheCommandQuietly(_ arguments: [String]) throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try CLI.write(Self.planWithManyFindings(), to: dir.appendingPathComponent("many.plan"))
    let (status, err) = try CLI.runIntoClosedPipe(arguments, directory: dir)
    // 0 or 1 (findings); a crash would be 132 (SIGILL) or 134 (SIGABRT) with a backtrace.
    #expect(["0\n", "1\n", "2\n"].contains(status), "status \(status), stderr: \(err.prefix(300))")
    #expect(!err.contains("Fatal error") && !err.contains("Broken pipe"), "\(err.prefix(300))")
  }
}
