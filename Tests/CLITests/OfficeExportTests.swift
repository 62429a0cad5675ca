import Foundation
import Testing

/// `export xlsx` and `export docx` write files only (SPEC §13, issue 15): asked for without a
/// file they are refused with E130 and nothing is written; with one, the file is a zip archive.
@Suite struct OfficeExportTests {
  /// "PK\3\4": a zip archive's first local file header.
  static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

  @Test(arguments: [["--format", "xlsx"], ["--format", "docx"], ["--format", "xlsx", "-o", "-"]])
  func withoutAFileTheCommandLineRefuses(_ options: [String]) throws {
    let r = try CLI.run(["export", PlanFileTests.jilin.path] + options)
    #expect(r.status == 2)
    #expect(r.err.contains("is written to a file only; add '-o FILE' [E130]"), "\(r.err)")
    #expect(r.outBytes.isEmpty)
  }

  /// In the shell the error points at the format word: `export docx` → column 8.
  @Test(arguments: ["xlsx", "docx"])
  func withoutAFileTheShellRefusesAtTheFormat(_ format: String) throws {
    let r = try CLI.run([PlanFileTests.jilin.path], stdin: "export \(format)\n")
    #expect(r.status == 1)
    #expect(
      r.err.contains("<stdin>:1:8: error: '\(format)' is written to a file only; add 'to PATH' [E130]"), "\(r.err)")
    #expect(r.outBytes.isEmpty)
  }

  @Test func theShellAndTheCommandLineWriteZipFiles() throws {
    let dir = try CLI.temporaryFolder()
    let shell = try CLI.run(
      [PlanFileTests.jilin.path], stdin: "export xlsx to plan.xlsx\nexport docx to plan.docx no-ids\n", directory: dir)
    #expect(shell.status == 0, "\(shell.err)")
    let cli = try CLI.run(
      ["export", PlanFileTests.jilin.path, "--format", "docx", "-o", "cli.docx", "--no-ids"], directory: dir)
    #expect(cli.status == 0, "\(cli.err)")
    for name in ["plan.xlsx", "plan.docx", "cli.docx"] {
      let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
      #expect(bytes.starts(with: Self.zipMagic), "\(name)")
    }
    // The same plan and options give the same bytes (entries dated 2025-01-01).
    #expect(
      try Data(contentsOf: dir.appendingPathComponent("plan.docx"))
        == Data(contentsOf: dir.appendingPathComponent("cli.docx")))
  }

  /// `--no-ids` belongs to the document; with another format it is refused before any work.
  @Test func noIDsGoesWithDocxOnly() throws {
    let r = try CLI.run(["export", PlanFileTests.jilin.path, "--format", "csv", "--no-ids"])
    #expect(r.status == 2)
    #expect(r.err.contains("--no-ids goes with --format docx"), "\(r.err)")
    #expect(r.outBytes.isEmpty)
  }
}
