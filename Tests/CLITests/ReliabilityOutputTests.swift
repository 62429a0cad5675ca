import Foundation
import Testing

/// The same input gives the same bytes (SPEC §2): every command that prints a result, run under
/// `LANG=C`, `LC_ALL=POSIX`, `C.UTF-8` and `en_US.UTF-8`, in separate processes (Swift seeds its
/// hashing per process, so an order taken from a dictionary or set shows up here), prints the
/// same bytes on standard output and standard error, with the same status.
@Suite struct ReliabilityOutputTests {
  static let locales: [[String: String]] = [
    ["LANG": "C"], ["LC_ALL": "POSIX"], ["LANG": "C.UTF-8"], ["LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"],
  ]

  static let commands: [[String]] = [
    ["check", "plan.plan"],
    ["check", "plan.plan", "--format", "json"],
    ["check", "bad.plan", "--format", "json"],
    ["rank", "plan.plan", "--sensitivity"],
    ["rank", "plan.plan", "--method", "topsis", "--format", "json", "--sensitivity"],
    ["export", "plan.plan", "--format", "text"],
    ["export", "plan.plan", "--format", "markdown"],
    ["export", "plan.plan", "--format", "json"],
    ["export", "plan.plan", "--format", "csv"],
    ["export", "plan.plan", "--format", "html"],
    ["diff", "plan.plan", "bad.plan", "--format", "json"],
    ["diff", "plan.plan", "other.plan"],
    ["merge", "plan.plan", "other.plan", "plan.plan"],
    ["merge", "/dev/null", "plan.plan", "other.plan"],
    ["fmt", "--stdout", "other.plan"],
  ]

  @Test(arguments: commands)
  func outputIsTheSameBytesInEveryLocaleAndRun(_ arguments: [String]) throws {
    let dir = try CLI.temporaryFolder()
    let jilin = try CLI.read(CLI.root.appendingPathComponent("plans/jilin-2025-2030.plan"))
    try CLI.write(jilin, to: dir.appendingPathComponent("plan.plan"))
    try CLI.write(
      jilin.replacingOccurrences(of: "target 500", with: "target 800") + "add field F9 \"新\"\n",
      to: dir.appendingPathComponent("other.plan"))
    try CLI.write(
      basePlan + "add field F1 \"重复\"\nadd org x \"X\" tpye enterprise\nsave x.plan\n",
      to: dir.appendingPathComponent("bad.plan"))
    var first: CLI.Result?
    for environment in Self.locales {
      let r = try CLI.run(arguments, directory: dir, environment: environment)
      #expect(!r.outBytes.isEmpty || !r.err.isEmpty)
      if let first {
        #expect(r.status == first.status, "\(arguments) \(environment)")
        #expect(r.outBytes == first.outBytes, "\(arguments) \(environment): standard output differs")
        #expect(r.err == first.err, "\(arguments) \(environment): standard error differs")
      } else {
        first = r
      }
    }
  }
}
