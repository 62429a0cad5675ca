import Foundation
import Testing

/// `cplan review` and the shell's `review` (SPEC §11): exit statuses, output files, bad input.
@Suite struct ReviewCommandTests {
  static let current = "plans/jilin-2025-review.plan"
  static let approved = "plans/jilin-approved.plan"

  @Test func theJilinReviewAgainstTheApprovedPlanExitsZero() throws {
    let r = try CLI.run(["review", Self.current, "--against", Self.approved, "--width", "100"], directory: CLI.root)
    #expect(r.status == 0, "\(r.err)")
    #expect(r.err.isEmpty)
    #expect(r.out.hasPrefix("Annual review — "))
    #expect(r.out.contains("as of 2025 (the plan's as-of)"))
    // The two changes since approval and nothing else: the table's rows start with a kind.
    let changeRows = r.out.split(separator: "\n").drop { !$0.hasPrefix("Changes since approval") }
      .filter {
        $0.hasPrefix("goal ") || $0.hasPrefix("funding ") || $0.hasPrefix("measure ") || $0.hasPrefix("checkpoint ")
      }
    #expect(changeRows.count == 2)
    #expect(changeRows.first?.contains("G103") == true && changeRows.last?.contains("K2 P2 provincial") == true)
  }

  /// Every format to a file; `docx` (a Word document, read back in ReviewReportTests and by
  /// python-docx in OfficeIntegration) is a zip archive.
  @Test(arguments: ["text", "markdown", "json", "csv", "html", "docx"])
  func everyFormatIsWrittenToAFile(_ format: String) throws {
    let dir = try CLI.temporaryFolder()
    let out = dir.appendingPathComponent("review.\(format)").path
    let r = try CLI.run(["review", Self.current, "--format", format, "-o", out], directory: CLI.root)
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.isEmpty)
    let written = try Data(contentsOf: URL(fileURLWithPath: out))
    if format == "docx" {
      #expect(written.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))  // "PK\3\4": a zip's local file header
    } else {
      #expect(String(decoding: written, as: UTF8.self).contains("G105"))
    }
    // An existing file is refused without --force, and kept.
    let again = try CLI.run(["review", Self.current, "--format", format, "-o", out], directory: CLI.root)
    #expect(again.status == 1)
    #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == written)
    #expect(
      try CLI.run(["review", Self.current, "--format", format, "-o", out, "--force"], directory: CLI.root).status == 0)
  }

  @Test func anEarlierYearIsTakenFromTheCommandLine() throws {
    let r = try CLI.run(["review", Self.current, "--as-of", "2024", "--format", "json"], directory: CLI.root)
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("\"asOf\": 2024"))
    #expect(!r.out.contains("\"status\": \"behind\""))
  }

  /// (arguments, exit status, a fragment of standard error).
  static let badInput: [([String], Int32, String)] = [
    // --against a file that is not a plan, or of a newer version: usage (exit 2).
    (["review", current, "--against", "README.md"], 2, "README.md"),
    (["review", current, "--against", "no-such.plan"], 2, "no-such.plan"),
    (["review", "no-such.plan"], 2, "no-such.plan"),
    (["review", current, "--as-of", "25"], 2, "--as-of must be a year of four digits"),
    // A Word document goes to a file only (E130, as `export docx`).
    (["review", current, "--format", "docx"], 2, "'docx' is written to a file only; add '-o FILE' [E130]"),
    (["review", current, "--format", "docx", "-o", "-"], 2, "[E130]"),
    (["review", current, "--format", "pdf"], 2, "pdf"),
  ]

  @Test(arguments: badInput)
  func badInputIsRefused(_ row: ([String], Int32, String)) throws {
    let r = try CLI.run(row.0, directory: CLI.root)
    #expect(r.status == row.1, "\(r.out)\(r.err)")
    #expect(r.err.contains(row.2), "\(r.err)")
    #expect(r.out.isEmpty)
  }

  @Test func aNewerVersionAgainstIsRefused() throws {
    let dir = try CLI.temporaryFolder()
    try CLI.write("# cplan plan 99\nset plan title \"x\"\n", to: dir.appendingPathComponent("new.plan"))
    let r = try CLI.run(
      ["review", CLI.root.appendingPathComponent(Self.current).path, "--against", "new.plan"], directory: dir)
    #expect(r.status == 2, "\(r.err)")
    #expect(r.out.isEmpty)
  }

  /// A plan with errors is still reviewed; the errors follow on standard error and the status is 1.
  @Test func aPlanWithErrorsIsReviewedAndExitsOne() throws {
    let dir = try CLI.temporaryFolder()
    let plan = basePlan + "add goal G1 \"产能\" phase P1 consortium K1 baseline 0 target 10\nadd actual G1 2031 5\n"
    try CLI.write(
      plan.replacingOccurrences(of: "# cplan plan 1", with: "# cplan plan 2"), to: dir.appendingPathComponent("e.plan"))
    let r = try CLI.run(["review", "e.plan"], directory: dir)
    #expect(r.status == 1, "\(r.err)")
    #expect(r.out.contains("G1"))
    #expect(r.err.contains("[R37]"))
  }

  @Test func theShellReviewsAndRefusesBadArguments() throws {
    let script = """
      load \(Self.current)
      review as-of 2025 against \(Self.approved)

      """
    let r = try CLI.run([], stdin: Data(script.utf8), directory: CLI.root)
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("Changes since approval"))
    #expect(r.out.contains("G103"))
    for (line, fragment) in [
      ("review as-of", "a year after 'as-of'"), ("review as-of 20255", "a four-digit year"),
      ("review against no-such.plan", "no-such.plan"), ("review 2025", "2025"),
    ] {
      let bad = try CLI.run([], stdin: Data("load \(Self.current)\n\(line)\n".utf8), directory: CLI.root)
      #expect(bad.status != 0, "\(line)")
      #expect(bad.err.contains(fragment), "\(line): \(bad.err)")
      #expect(!bad.out.contains("Annual review"), "\(line)")
    }
  }
}
