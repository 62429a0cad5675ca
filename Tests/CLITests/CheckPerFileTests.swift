import Foundation
import Testing

/// Issue 17 item 20: `cplan check A B C` says how each file fared, one line each, above the
/// summary of all; one file gets the summary alone, as before.
@Suite struct CheckPerFileTests {
  @Test func oneLinePerFileThenTheTotal() throws {
    let dir = try CLI.temporaryFolder()
    let sample = try CLI.read(CLI.root.appendingPathComponent("plans/jilin-2025-2030.plan"))
    try CLI.write(sample, to: dir.appendingPathComponent("a.plan"))
    // b: the sample with its lead's R&D intensity at 2% (R19, one warning).
    let weak = sample.replacingOccurrences(of: "ownership soe rd-intensity 3.5%", with: "ownership soe rd-intensity 2%")
    #expect(weak != sample)
    try CLI.write(weak, to: dir.appendingPathComponent("b.plan"))
    // c: not a plan file (one error, status 2).
    try CLI.write("not a plan\n", to: dir.appendingPathComponent("c.plan"))
    let r = try CLI.run(["check", "a.plan", "b.plan", "c.plan"], directory: dir)
    #expect(r.status == 2)
    let lines = r.out.split(separator: "\n").map(String.init).suffix(4)
    #expect(
      Array(lines) == [
        "a.plan: 0 errors, 0 warnings", "b.plan: 0 errors, 1 warning", "c.plan: 1 error, 0 warnings",
        "1 error, 1 warning",
      ], "\(r.out)")
    let one = try CLI.run(["check", "a.plan"], directory: dir)
    #expect(one.out == "0 errors, 0 warnings\n")
  }
}
