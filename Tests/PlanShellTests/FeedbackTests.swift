import Testing

@testable import PlanShell

/// What the shell tells a planner after commands that do much or nothing.
@Suite struct FeedbackTests {
  @Test func cascadeSaysWhatItRemoved() throws {
    let f = try ShellFixture(lines: [
      "add field F1 \"a\"", "add org o \"O\" type enterprise", "add consortium K1 \"k\" field F1",
      "add member K1 o role lead", "add phase P1 \"p\" period 2025..2026",
      "add goal G1 \"g\" phase P1 consortium K1", "add goal G2 \"h\" phase P1 consortium K1",
      "remove consortium K1 cascade",
    ])
    f.run()
    // Counted independently: the consortium, its one member and its two goals.
    #expect(f.output.err.contains("removed 1 consortium, 1 member, 2 goal"), "\(f.output.err)")
  }

  @Test func anEmptyListSaysSoInTheShellOnly() throws {
    let f = try ShellFixture(lines: ["list field"])
    f.run()
    #expect(f.output.out.isEmpty)
    #expect(f.output.err.contains("(none)"))
  }

  @Test func confirmationIsAQuestionNotAnError() throws {
    let f = try ShellFixture(lines: ["add field F1 \"a\"", "quit"])
    f.run()
    #expect(f.output.err.contains("unsaved changes; repeat 'quit'"))
    #expect(!f.output.err.contains("error:") && !f.output.err.contains("warning:"))
  }
}
