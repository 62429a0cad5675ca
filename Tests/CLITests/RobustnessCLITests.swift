import Foundation
import Testing

/// `cplan rank --robustness` and `cplan export --robustness` (SPEC §12) on the panel sample: the
/// same seed prints the same bytes, another seed others; out-of-range options are usage errors.
@Suite struct RobustnessCLITests {
  static let sample = CLI.root.appendingPathComponent("plans/jilin-panel.plan").path

  @Test func rankWithTheSameSeedPrintsTheSameBytes() throws {
    let a = try CLI.run(["rank", Self.sample, "--robustness", "--samples", "2000", "--seed", "3"])
    let b = try CLI.run(["rank", Self.sample, "--robustness", "--samples", "2000", "--seed", "3"])
    let c = try CLI.run(["rank", Self.sample, "--robustness", "--samples", "2000", "--seed", "4"])
    #expect(a.status == 0, "\(a.err)")
    #expect(a.out.contains("Robustness: 2000 weight samples") && a.out.contains("seed 3"))
    #expect(Array(a.out.utf8) == Array(b.out.utf8))
    #expect(a.out != c.out)
  }

  @Test(arguments: ["markdown", "html", "json", "text"])
  func exportCarriesTheRobustnessWhenAskedFor(format: String) throws {
    let asked = try CLI.run(["export", Self.sample, "--format", format, "--robustness", "--samples", "500"])
    let plain = try CLI.run(["export", Self.sample, "--format", format])
    #expect(asked.status == 0 && plain.status == 0, "\(asked.err)\(plain.err)")
    let mark = format == "json" ? "\"robustness\"" : "500 weight samples"
    #expect(asked.out.contains(mark))
    #expect(!plain.out.contains(mark))
  }

  @Test(arguments: ["csv", "xlsx", "docx", "sql", "sqlite"])
  func exportRobustnessGoesWithTheFormatsThatShowIt(format: String) throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(
      ["export", Self.sample, "--format", format, "-o", "out", "--robustness"], directory: dir)
    #expect(r.status == 2)
    #expect(r.err.contains("go with --format text, markdown, json or html"), "\(r.err)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
  }

  @Test(arguments: [
    (["--samples", "0"], "samples 0: robustness needs at least 1 sample"),
    (["--spread", "150%"], "spread 150%: the spread is at least 0% and below 100%"),
    (["--spread", "lots"], "spread"),
  ])
  func outOfRangeOptionsAreUsageErrors(_ options: [String], says: String) throws {
    for command in [["rank", Self.sample], ["export", Self.sample, "--format", "markdown"]] {
      let r = try CLI.run(command + options)
      #expect(r.status == 2, "\(command) \(options): \(r.status) \(r.err)")
      #expect(r.err.contains(says), "\(r.err)")
      #expect(r.out.isEmpty)
    }
  }
}
