import Foundation
import Testing

/// Issue 17 item 13: the README's tour is a script that can be run twice (its second run replaces
/// the plan file the first one wrote), and what it saves is a plan that loads.
@Suite struct ReadmeTourTests {
  /// The script between `cat > tour.cplan <<'EOS'` and `EOS` in the README.
  static func tourScript() throws -> String {
    let readme = try CLI.read(CLI.root.appendingPathComponent("README.md"))
    let start = try #require(readme.range(of: "cat > tour.cplan <<'EOS'\n"))
    let end = try #require(readme.range(of: "\nEOS\n", range: start.upperBound..<readme.endIndex))
    return String(readme[start.upperBound..<end.lowerBound]) + "\n"
  }

  @Test func theTourRunsTwice() throws {
    let dir = try CLI.temporaryFolder()
    try CLI.write(try Self.tourScript(), to: dir.appendingPathComponent("tour.cplan"))
    for run in 1...2 {
      let r = try CLI.run(["run", "tour.cplan"], directory: dir)
      #expect(r.status == 0, "run \(run): \(r.err)")
    }
    let check = try CLI.run(["check", "tour.plan"], directory: dir)
    #expect(check.status == 0, "\(check.out)")
    // Without force the second save is refused: the guard the README describes.
    let unforced = try Self.tourScript().replacingOccurrences(of: "save tour.plan force", with: "save tour.plan")
    try CLI.write(unforced, to: dir.appendingPathComponent("unforced.cplan"))
    let refused = try CLI.run(["run", "unforced.cplan"], directory: dir)
    #expect(refused.status == 1 && refused.err.contains("E114"), "\(refused.err)")
  }
}
