import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// Locations a person can act on (issue 17 item 15): once a plan is saved, its findings and
/// `show`'s "defined at" name the saved file's lines, also for work recovered from a journal;
/// an export does not print `<shell>:27:1`.
@Suite struct SavedLocationTests {
  /// The 1-based line of `file` that starts with `prefix`, found by reading the file.
  static func line(of prefix: String, in file: String) throws -> Int {
    let lines = try String(contentsOfFile: file, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    return try #require(lines.firstIndex { $0.hasPrefix(prefix) }) + 1
  }

  /// Two orgs of one name (R47 warns at the later statement) and a field, typed in a session.
  static let script = """
    set plan title "t"
    add org b2 "吉林大学" type university
    add org a1 "吉林大学" type university
    add field F1 "f"
    """

  @Test func afterSaveFindingsAndShowNameTheSavedFilesLines() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("p.plan").path
    let output = CapturedOutput()
    let session = Session(output: output)
    #expect(session.execute(Self.script, file: "<shell>"))
    _ = session.execute("validate", file: "<shell>")
    // Before saving: where it was typed (R47 at a1, the later of the two, line 3 of the input).
    #expect(output.out.contains("<shell>:3:1: warning:"), "\(output.out)")
    output.clear()
    #expect(session.execute("save \"\(path)\"", file: "<shell>"))
    _ = session.execute("validate", file: "<shell>")
    // The same finding, at a1's line in the file (natural key order puts a1 before b2).
    let a1 = try Self.line(of: "add org a1", in: path)
    #expect(output.out.contains("\(path):\(a1):1: warning: org a1 has the same name"), "\(output.out)")
    #expect(!output.out.contains("<shell>"), "\(output.out)")
    // The source line is shown under the finding, read from the saved file.
    #expect(output.out.contains("\(a1) | add org a1 \"吉林大学\" type university\n"), "\(output.out)")
    output.clear()
    #expect(session.execute("show field F1", file: "<shell>"))
    #expect(
      output.out.hasSuffix("  defined at \(path):\(try Self.line(of: "add field F1", in: path))\n"), "\(output.out)")
    // `cplan check` of the saved file finds its findings at the same lines (it names R47 at
    // b2, the later in the file's order: a tie broken by plan order, see the README).
    let check = Session(output: CapturedOutput())
    #expect(check.execute("load \"\(path)\"", file: "<test>"))
    let lines = Set([a1, try Self.line(of: "add org b2", in: path)])
    for d in check.validateCurrentPlan() + session.validateCurrentPlan() {
      let location = try #require(d.location)
      #expect(location.file == path)
      #expect(d.code != "R47" || lines.contains(location.line))
    }
  }

  @Test func recoveredWorkIsLocatedInTheFileItIsSavedTo() throws {
    let folder = try ShellFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("r.plan").path
    let first = try RecoveryTests.killed(Self.script.split(separator: "\n").map(String.init))
    defer { withExtendedLifetime(first) {} }
    let second = try ShellFixture(
      lines: ["recover", "save \"\(path)\"", "show org a1", "validate"], state: first.state)
    second.run()
    let a1 = try Self.line(of: "add org a1", in: path)
    #expect(second.output.out.contains("  defined at \(path):\(a1)\n"), "\(second.output.out)")
    #expect(!second.output.out.contains("<journal"), "\(second.output.out)")
    #expect(!second.output.out.contains("<recovered>"), "\(second.output.out)")
  }

  @Test func anExportOfAnUnsavedPlanPrintsNoShellLocation() throws {
    let output = CapturedOutput()
    let session = Session(output: output)
    #expect(session.execute(Self.script, file: "<shell>"))
    output.clear()
    #expect(session.execute("export markdown", file: "<shell>"))
    // The R47 row: severity, code, an empty location, the message.
    #expect(output.out.contains("| warning | R47 |  | org "), "\(output.out)")
    #expect(!output.out.contains("<shell>"), "\(output.out)")
  }
}
