import Foundation
import Testing

/// Command-line options out of range are refused before any work, with status 2.
@Suite struct OptionTests {
  @Test(arguments: [0, 1, 39, 1001])
  func anExportWidthOutsideFortyToAThousandIsRefused(width: Int) throws {
    let r = try CLI.run(["export", PlanFileTests.jilin.path, "--format", "text", "--width", String(width)])
    #expect(r.status == 2)
    #expect(r.err.contains("--width must be 40 to 1000 columns (got \(width))"), "\(r.err)")
    #expect(r.out.isEmpty)
  }

  @Test func widthFortyIsAccepted() throws {
    let r = try CLI.run(["export", PlanFileTests.jilin.path, "--format", "text", "--width", "40"])
    #expect(r.status == 0)
    #expect(r.out.hasPrefix("吉林省"))
  }

  /// A value outside an option's enum is refused by the argument parser (status 2, nothing on
  /// standard output), naming the value, the option and every allowed value.
  @Test(arguments: [
    (["--lang", "fr", "check"], "fr", "--lang", ["en", "zh"]),
    (["check", "--lang", "xx"], "xx", "--lang", ["en", "zh"]),
    (["--color", "sometimes", "check"], "sometimes", "--color", ["auto", "always", "never"]),
    (["rank", "--method", "best"], "best", "--method", ["weighted", "topsis"]),
    (["rank", "--method", "TOPSIS"], "TOPSIS", "--method", ["weighted", "topsis"]),
    (["check", "--format", "xml"], "xml", "--format", ["text", "json"]),
    (["export", "--format", "pdf"], "pdf", "--format", ["text", "markdown", "json", "csv", "html", "xlsx", "docx"]),
  ])
  func aValueOutsideAnOptionsEnumIsRefused(arguments: [String], value: String, option: String, allowed: [String])
    throws
  {
    let r = try CLI.run(arguments + [PlanFileTests.jilin.path])
    #expect(r.status == 2)
    #expect(r.out.isEmpty)
    #expect(r.err.contains("'\(value)'") && r.err.contains(option), "\(r.err)")
    // Up to five values in a line ('text', 'json'), more as a list ("  - xlsx").
    for word in allowed {
      #expect(r.err.contains("'\(word)'") || r.err.contains("  - \(word)\n"), "\(word): \(r.err)")
    }
  }

  /// `--lang` takes its value in any case, as `CPLAN_LANG` does (SPEC §10).
  @Test func theLanguageIsTakenInAnyCase() throws {
    let r = try CLI.run(["--lang", "ZH", "check", PlanFileTests.jilin.path])
    #expect(r.status == 0)
    #expect(r.out == "0 个错误，0 个警告\n")
  }
}
