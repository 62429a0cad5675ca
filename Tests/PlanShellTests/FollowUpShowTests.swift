import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// `show goal` with its actuals and status, and `list actual|checkpoint GOAL`, `list outlay
/// CONSORTIUM` (SPEC §11).
@Suite struct FollowUpShowTests {
  static let script = """
    set plan horizon 2025..2030 as-of 2026
    add field F1 "x"
    add consortium K1 "k" field F1
    add phase P1 "p" period 2025..2027
    add goal G1 "g" phase P1 baseline 0 target 300
    add goal G2 "q" phase P1
    add actual G1 2026 150
    add actual G1 2025 90 source "年报"
    add actual G2 2026 status at-risk
    add checkpoint G1 2026 250
    add outlay K1 2025 provincial 800
    """

  static func session() -> (Session, CapturedOutput) {
    let output = CapturedOutput()
    let session = Session(output: output)
    #expect(session.execute(script, file: "<test>"))
    output.clear()
    return (session, output)
  }

  @Test func showGoalListsItsActualsInYearOrderAndItsStatus() {
    let (session, output) = Self.session()
    #expect(session.execute("show goal G1", file: "<test>"))
    // Baseline 0 in 2024 (the year before P1), checkpoint 250 in 2026, target 300 in 2027:
    // expected(2026) = 250; r = 150/250 = 60% < at-risk-min 70%: behind.
    #expect(output.out.contains("  actuals:\n    2025  90   年报\n    2026  150\n"), "\(output.out)")
    #expect(output.out.contains("  status as of 2026: behind (actual 150 in 2026, expected 250, r = 60%)\n"))
    output.clear()
    #expect(session.execute("show goal G2", file: "<test>"))
    // A goal without baseline and target takes its latest actual's status.
    #expect(output.out.contains("  status as of 2026: at-risk\n"))
  }

  @Test func listActualOfAGoal() {
    let (session, output) = Self.session()
    #expect(session.execute("list actual G1", file: "<test>"))
    // In the order they were added, as `list` lists every kind.
    #expect(output.out == "G1  2026  150  —  —\nG1  2025  90   —  年报\n")
    output.clear()
    #expect(session.execute("list outlay K1", file: "<test>"))
    #expect(output.out == "K1  2025  provincial  800\n")
    output.clear()
    #expect(!session.execute("list actual G9", file: "<test>"))
    #expect(output.err.contains("did you mean 'G1'"))
  }

  /// `show funding K`: planned per year from the phase's months, paid from the outlays.
  @Test func showFundingOfAConsortiumGivesPlannedAgainstPaidByYear() {
    let (session, output) = Self.session()
    #expect(session.execute("add funding K1 P1 provincial 3000\nadd funding K1 P1 enterprise 6000", file: "<test>"))
    output.clear()
    #expect(session.execute("show funding K1", file: "<test>"))
    // P1 is 2025..2027, 36 months: each year gets 12/36 of a line: provincial 1000, enterprise
    // 2000. Paid: 800 (provincial, 2025). As of 2026: planned 2 × 3000 = 6000, paid 800,
    // execution 800/6000 = 13.3%, government share of the outlays 800/800 = 100%.
    #expect(
      output.out == """
        funding K1 "k"
          year  source      planned  paid
          -------------------------------
          2025  provincial     1000   800
          2025  enterprise     2000     —
          2026  provincial     1000     —
          2026  enterprise     2000     —
          2027  provincial     1000     —
          2027  enterprise     2000     —
          to 2026: planned 6000, paid 800 万元; execution 13.3%, government share of the outlays 100%

        """, "\(output.out)")
    output.clear()
    #expect(!session.execute("show funding K9", file: "<test>"))
    #expect(output.err.contains("did you mean 'K1'"))
  }

  /// `show funding K` on a plan with no `as-of` and nothing recorded: the year under review would
  /// be the one before the horizon (2024 for 2025..2030), where nothing is due, so no totals line
  /// (it printed "截至 2024 年：计划 0，已拨付 0 万元"); the sources by their Chinese terms in a
  /// Chinese session. With an outlay, the totals are up to its year.
  @Test(arguments: [MessageLanguage.en, .zh])
  func showFundingWithoutActualsPrintsNoTotalsBeforeTheHorizon(language: MessageLanguage) {
    let output = CapturedOutput()
    var settings = Session.Settings()
    settings.language = language
    let session = Session(settings: settings, output: output)
    let script = """
      set plan horizon 2025..2030
      add field F1 "x"
      add consortium K1 "k" field F1
      add phase P1 "p" period 2025..2026
      add funding K1 P1 provincial 2400
      """
    #expect(session.execute(script, file: "<test>"))
    output.clear()
    #expect(session.execute("show funding K1", file: "<test>"))
    // P1 is 24 months: 2400 × 12/24 = 1200 a year.
    let provincial = language == .zh ? "省级" : "provincial"
    let lines = output.out.split(separator: "\n").map { String($0) }
    #expect(
      lines.filter { $0.contains(provincial) }.map { $0.split(separator: " ").map(String.init) } == [
        ["2025", provincial, "1200", "—"], ["2026", provincial, "1200", "—"],
      ], "\(output.out)")
    #expect(!output.out.contains("2024"), "\(output.out)")
    #expect(!output.out.contains("to ") && !output.out.contains("截至"), "\(output.out)")
    output.clear()
    // Paid 300 in 2025: up to 2025, planned 1200, paid 300, execution 300/1200 = 25%.
    #expect(session.execute("add outlay K1 2025 provincial 300\nshow funding K1", file: "<test>"))
    let totals =
      language == .zh ? "截至 2025 年：计划 1200，已拨付 300 万元；执行率 25%" : "to 2025: planned 1200, paid 300 万元; execution 25%"
    #expect(output.out.contains("  " + totals), "\(output.out)")
  }
}
