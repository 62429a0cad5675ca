import Foundation
import Testing

@testable import PlanShell

/// Answers that do not mislead (issue 18 item 13): `save -` is refused, not a file named `-`;
/// `help recover` says how to recover an earlier session's work.
@Suite struct TrustShellTests {
  @Test(arguments: ["save -", "save - force", "save \"-\""])
  func saveDashIsRefused(_ line: String) throws {
    let before = FileManager.default.fileExists(atPath: "-")
    let f = try ShellFixture(lines: ["add field F1 \"x\"", line])
    f.run()
    #expect(f.output.err.contains("cannot write '-': '-' is not a file here"), "\(f.output.err)")
    #expect(FileManager.default.fileExists(atPath: "-") == before)
    #expect(f.session.isDirty)
  }

  @Test func helpRecoverMentionsRecoverFileAndEarlierSessions() throws {
    let f = try ShellFixture(lines: ["help recover"])
    f.run()
    // Lines joined where help wrapped them (item 17: a hanging indent of two).
    let help = (f.output.out + f.output.err).replacingOccurrences(of: "\n  ", with: " ")
    #expect(help.contains("recover FILE replays an earlier one's"), "\(help)")
    #expect(help.contains("recover 1765101600-4242-1.journal"), "\(help)")
  }
}
