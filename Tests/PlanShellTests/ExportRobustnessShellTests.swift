import Foundation
import PlanIO
import Testing

@testable import PlanShell

/// The shell's `export FORMAT robustness [samples N] [spread P%] [seed S]` (SPEC §12) on the panel
/// sample, as `cplan export --robustness` does it.
@Suite struct ExportRobustnessShellTests {
  static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("plans/jilin-panel.plan").path

  static func session() throws -> (Session, CapturedOutput) {
    let output = CapturedOutput()
    let session = Session(output: output)
    session.resetPlan(try PlanLoader.load(path: sample))
    return (session, output)
  }

  @Test func theTextFormatsCarryTheSamplingWhenAskedFor() throws {
    let (session, output) = try Self.session()
    #expect(session.execute("export markdown robustness samples 500 seed 3", file: "<t>"))
    let first = output.out
    #expect(first.contains("### Robustness of the ranking") && first.contains("500 weight samples"))
    #expect(first.contains("seed 3") && first.contains("| P(rank 1) | P(top 2) |"))
    output.clear()
    #expect(session.execute("export markdown robustness samples 500 seed 3", file: "<t>"))
    #expect(output.out == first)
    output.clear()
    #expect(session.execute("export markdown", file: "<t>"))
    #expect(output.out.contains("### Expert panel") && !output.out.contains("weight samples"))
  }

  @Test func rankReadsSamplesSpreadAndSeed() throws {
    // They were read under the arguments' names (N, P%, S) rather than the options' keywords, so
    // `rank robustness samples 500 seed 3` sampled 10000 times with seed 1.
    let (session, output) = try Self.session()
    #expect(session.execute("rank robustness samples 500 spread 60% seed 3", file: "<t>"))
    #expect(
      output.out.contains("Robustness: 500 weight samples, each weight × U(1 − 60%, 1 + 60%), renormalised; seed 3"))
    output.clear()
    #expect(!session.execute("rank samples 0", file: "<t>"))
    #expect(output.err.contains("samples 0: robustness needs at least 1 sample"), "\(output.err)")
  }

  @Test(arguments: [
    ("export csv robustness", "robustness goes with export text, markdown, json or html"),
    ("export markdown robustness samples 0", "samples 0: robustness needs at least 1 sample"),
    ("export html spread 150%", "spread 150%: the spread is at least 0% and below 100%"),
    ("export json seed 1.5", "a seed (a whole number ≥ 0)"),
  ])
  func badRequestsAreRefused(_ line: String, says: String) throws {
    let (session, output) = try Self.session()
    #expect(!session.execute(line, file: "<t>"))
    #expect(output.err.contains(says), "\(output.err)")
    #expect(output.out.isEmpty)
  }
}
