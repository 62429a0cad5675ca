import Testing

@testable import PlanEngine

@Suite("Review: the year under review and the roll-ups (SPEC §11)")
struct ReviewRollUpTests {
  @Test("the year under review: command, as-of, latest record, year before the horizon")
  func reviewYear() {
    let records = [2026, 2025, 2027, 2025]
    #expect(
      ReviewYear.resolve(command: 2025, asOf: 2026, recordYears: records, horizonStartYear: 2025)
        == ReviewYear(year: 2025, basis: .command))
    #expect(
      ReviewYear.resolve(command: nil, asOf: 2026, recordYears: records, horizonStartYear: 2025)
        == ReviewYear(year: 2026, basis: .asOf))
    #expect(
      ReviewYear.resolve(command: nil, asOf: nil, recordYears: records, horizonStartYear: 2025)
        == ReviewYear(year: 2027, basis: .latestRecord))
    #expect(
      ReviewYear.resolve(command: nil, asOf: nil, recordYears: [], horizonStartYear: 2025)
        == ReviewYear(year: 2024, basis: .beforeHorizon))
    #expect(ReviewYear.resolve(command: nil, asOf: nil, recordYears: [], horizonStartYear: nil) == nil)
  }

  /// Before the horizon every goal is not-due: Y = 2024 ≤ the baseline-year 2024 of a goal of the first phase.
  @Test("a plan with nothing recorded: everything not-due")
  func nothingRecorded() throws {
    let y = try #require(ReviewYear.resolve(command: nil, asOf: nil, recordYears: [], horizonStartYear: 2025))
    let goal = GoalTrack(
      baseline: 1, baselineYear: nil, target: 2, targetYear: nil, phaseStartYear: 2025, phaseEndYear: 2027)
    #expect(goal.assess(asOf: y.year, thresholds: ReviewFixtures.thresholds).status == .notDue)
  }

  /// K1: on-track, behind, on-track; K2: achieved; no consortium: untracked, on-track.
  /// Plan: on-track 3, behind 1, achieved 1, untracked 1 — 6 goals.
  @Test("counts per consortium, without consortium, and for the plan")
  func rollUp() {
    let goals: [(consortium: String?, status: GoalStatus)] = [
      ("K1", .onTrack), ("K1", .behind), (nil, .untracked), ("K2", .achieved), ("K1", .onTrack), (nil, .onTrack),
    ]
    let rollUp = StatusRollUp(goals)
    #expect(rollUp.plan[.onTrack] == 3 && rollUp.plan[.behind] == 1 && rollUp.plan[.achieved] == 1)
    #expect(rollUp.plan[.untracked] == 1 && rollUp.plan[.missed] == 0)
    #expect(rollUp.plan.total == goals.count)
    #expect(rollUp.byConsortium["K1"]?.nonZero.map(\.status) == [.onTrack, .behind])
    #expect(rollUp.byConsortium["K1"]?.nonZero.map(\.count) == [2, 1])
    #expect(rollUp.byConsortium["K2"] == StatusCounts([.achieved]))
    #expect(rollUp.withoutConsortium == StatusCounts([.untracked, .onTrack]))
    #expect(Set(rollUp.byConsortium.keys) == ["K1", "K2"])
  }

  /// The statuses' spellings are the plan language's and the JSON's (SPEC §11).
  @Test("status spellings")
  func spellings() {
    #expect(
      GoalStatus.allCases.map(\.rawValue) == [
        "achieved", "on-track", "at-risk", "behind", "missed", "no-data", "not-due", "untracked",
      ])
    #expect(GoalStatus.allCases.map(\.order) == Array(GoalStatus.allCases.indices))
    #expect(GoalStatus.reportable.map(\.rawValue) == ["achieved", "on-track", "at-risk", "behind"])
  }
}
