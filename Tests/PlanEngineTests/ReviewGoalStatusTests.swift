import Testing

@testable import PlanEngine

/// Goals, thresholds and a comparison shared by the status tests.
enum ReviewFixtures {
  /// SPEC §11's default thresholds, 90% and 70%, as the plan passes them.
  static let thresholds = StatusThresholds(onTrackMin: 0.9, atRiskMin: 0.7)

  /// Baseline 100 in 2024, target 200 in 2029, up, no checkpoints: expected(y) = 100 + 20·(y − 2024),
  /// so 2025 → 120, 2026 → 140, 2027 → 160, 2028 → 180, 2029 → 200.
  static func linear(_ actuals: [GoalActual]) -> GoalTrack {
    GoalTrack(baseline: 100, baselineYear: 2024, target: 200, targetYear: 2029, actuals: actuals)
  }

  /// Baseline 50 in 2024, target 30 in 2028, direction down: expected(y) = 50 − 5·(y − 2024),
  /// so 2026 → 40.
  static func down(_ actuals: [GoalActual]) -> GoalTrack {
    GoalTrack(baseline: 50, baselineYear: 2024, target: 30, targetYear: 2028, direction: .down, actuals: actuals)
  }

  /// Baseline 0 in 2024, checkpoints 100 in 2026 and 110 in 2027, target 200 in 2029. The
  /// expectation bends at each point: slope 50/year to 2026, 10/year to 2027, 45/year to 2029:
  /// 2025 → 50, 2026 → 100, 2027 → 110, 2028 → 155, 2029 → 200.
  static func checkpoints(_ actuals: [GoalActual]) -> GoalTrack {
    GoalTrack(
      baseline: 0, baselineYear: 2024, target: 200, targetYear: 2029,
      checkpoints: [GoalCheckpoint(year: 2027, value: 110), GoalCheckpoint(year: 2026, value: 100)],
      actuals: actuals)
  }

  /// Phase 2025..2029 with its baseline-year unset (→ 2024) and target-year 2027 set in the middle
  /// of the phase: baseline 100, target 160, expected(y) = 100 + 20·(y − 2024) up to 2027, then 160.
  static func midPhase(_ actuals: [GoalActual]) -> GoalTrack {
    GoalTrack(
      baseline: 100, baselineYear: nil, target: 160, targetYear: 2027, phaseStartYear: 2025, phaseEndYear: 2029,
      actuals: actuals)
  }

  /// A share from 0.1 in 2024 to 0.6 in 2029. expected(2026) = 0.1 + 0.5·2/5 = 0.3 exactly, but
  /// in binary 0.1 + 0.2 = 0.30000000000000004; an actual 0.28 has r = 0.18/0.2 = 0.9 exactly, and
  /// 0.24 has r = 0.14/0.2 = 0.7 exactly — computed, r is 0.8999999999999999 and
  /// 0.6999999999999998 (Python: (0.28-0.1)/(0.1+(0.6-0.1)*2/5-0.1)), so only the tolerance of 1e-9
  /// puts them on the threshold.
  static func share(_ actuals: [GoalActual]) -> GoalTrack {
    GoalTrack(baseline: 0.1, baselineYear: 2024, target: 0.6, targetYear: 2029, actuals: actuals)
  }

  /// A goal without baseline and target (qualitative): its actuals carry a status.
  static func qualitative(_ actuals: [GoalActual]) -> GoalTrack {
    GoalTrack(baseline: nil, baselineYear: 2024, target: nil, targetYear: 2027, actuals: actuals)
  }

  /// Whether two optional numbers are both nil or agree within 1e-9.
  static func close(_ a: Double?, _ b: Double?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case (let a?, let b?): abs(a - b) <= 1e-9
    default: false
    }
  }
}

/// One row of the status table: a goal, the year under review and the assessment worked out by hand.
struct StatusCase: Sendable, CustomTestStringConvertible {
  var name: String
  var goal: GoalTrack
  var asOf: Int
  var status: GoalStatus
  var actual: Double? = nil
  var actualYear: Int? = nil
  var expected: Double?
  var ratio: Double? = nil
  var testDescription: String { name }
}

@Suite("Review: goal status as of a year (SPEC §11)")
struct ReviewGoalStatusTests {
  typealias F = ReviewFixtures

  static let cases: [StatusCase] = [
    // Linear goal (F.linear): expected(y) = 100 + 20·(y − 2024).
    // Y = 2024 ≤ baseline-year 2024: not-due; an actual of the baseline-year does not count.
    StatusCase(
      name: "not-due", goal: F.linear([GoalActual(year: 2024, value: 150)]), asOf: 2024, status: .notDue,
      expected: 100),
    // No actual at all: no-data, expected(Y) = expected(2026) = 140.
    StatusCase(name: "no-data", goal: F.linear([]), asOf: 2026, status: .noData, expected: 140),
    // A baseline-year set before the phase (2028..2030): in 2026 the phase has not begun, so no
    // actual is missing yet — not-due, not no-data (the newcomer's finding of 2026-12-07);
    // expected(2026) = 100 + (200 − 100)·(2026 − 2024)/(2030 − 2024) = 133.33…
    StatusCase(
      name: "not-due before its phase starts",
      goal: GoalTrack(
        baseline: 100, baselineYear: 2024, target: 200, targetYear: nil, phaseStartYear: 2028, phaseEndYear: 2030),
      asOf: 2026, status: .notDue, expected: 100 + 100 * 2 / 6.0),
    // The same goal in 2028, its phase's first year: no actual is no-data; expected 100 + 100·4/6.
    StatusCase(
      name: "no-data once its phase has begun",
      goal: GoalTrack(
        baseline: 100, baselineYear: 2024, target: 200, targetYear: nil, phaseStartYear: 2028, phaseEndYear: 2030),
      asOf: 2028, status: .noData, expected: 100 + 100 * 4 / 6.0),
    // Actuals only at the baseline-year (not after it) and after Y: still no-data.
    StatusCase(
      name: "no-data: actuals only at baseline-year and after as-of",
      goal: F.linear([GoalActual(year: 2024, value: 110), GoalActual(year: 2027, value: 190)]), asOf: 2026,
      status: .noData, expected: 140),
    // 205 ≥ 200: achieved before the target year; r = (205 − 100)/(140 − 100) = 2.625.
    StatusCase(
      name: "achieved", goal: F.linear([GoalActual(year: 2026, value: 205)]), asOf: 2026, status: .achieved,
      actual: 205, actualYear: 2026, expected: 140, ratio: 2.625),
    // 200 in 2027, exactly on the target: achieved (≥ meets it); r = 100/60.
    StatusCase(
      name: "exactly on the target is achieved", goal: F.linear([GoalActual(year: 2027, value: 200)]), asOf: 2027,
      status: .achieved, actual: 200, actualYear: 2027, expected: 160, ratio: 100.0 / 60.0),
    // The target year's figure 190 < 200: missed although r = 90/100 = 0.9 would be on-track.
    StatusCase(
      name: "missed", goal: F.linear([GoalActual(year: 2029, value: 190)]), asOf: 2029, status: .missed, actual: 190,
      actualYear: 2029, expected: 200, ratio: 0.9),
    // r = (140 − 100)/(140 − 100) = 1 ≥ 0.9.
    StatusCase(
      name: "on-track", goal: F.linear([GoalActual(year: 2026, value: 140)]), asOf: 2026, status: .onTrack,
      actual: 140, actualYear: 2026, expected: 140, ratio: 1),
    // r = 32/40 = 0.8: 0.7 ≤ r < 0.9.
    StatusCase(
      name: "at-risk", goal: F.linear([GoalActual(year: 2026, value: 132)]), asOf: 2026, status: .atRisk, actual: 132,
      actualYear: 2026, expected: 140, ratio: 0.8),
    // r = 20/40 = 0.5 < 0.7.
    StatusCase(
      name: "behind", goal: F.linear([GoalActual(year: 2026, value: 120)]), asOf: 2026, status: .behind, actual: 120,
      actualYear: 2026, expected: 140, ratio: 0.5),
    // r = 36/40 = 0.9 exactly on on-track-min; r = 28/40 = 0.7 exactly on at-risk-min.
    StatusCase(
      name: "exactly on on-track-min", goal: F.linear([GoalActual(year: 2026, value: 136)]), asOf: 2026,
      status: .onTrack, actual: 136, actualYear: 2026, expected: 140, ratio: 0.9),
    StatusCase(
      name: "exactly on at-risk-min", goal: F.linear([GoalActual(year: 2026, value: 128)]), asOf: 2026,
      status: .atRisk, actual: 128, actualYear: 2026, expected: 140, ratio: 0.7),
    // The same in binary fractions (F.share): r computes a hair below 0.9 and 0.7, meets them within 1e-9.
    StatusCase(
      name: "on on-track-min within the tolerance", goal: F.share([GoalActual(year: 2026, value: 0.28)]),
      asOf: 2026, status: .onTrack, actual: 0.28, actualYear: 2026, expected: 0.3, ratio: 0.9),
    StatusCase(
      name: "on at-risk-min within the tolerance", goal: F.share([GoalActual(year: 2026, value: 0.24)]),
      asOf: 2026, status: .atRisk, actual: 0.24, actualYear: 2026, expected: 0.3, ratio: 0.7),
    // Several actuals (expected 2025 → 120, 2026 → 140, 2027 → 160): 2025: 110 (r = 10/20 = 0.5),
    // 2026: 138 (r = 38/40 = 0.95), 2027: 150 (r = 50/60 = 0.8333…). Only the latest ≤ Y counts.
    StatusCase(
      name: "several actuals: the latest ≤ as-of 2026", goal: F.linear(severalActuals), asOf: 2026,
      status: .onTrack, actual: 138, actualYear: 2026, expected: 140, ratio: 0.95),
    StatusCase(
      name: "several actuals: the latest ≤ as-of 2027", goal: F.linear(severalActuals), asOf: 2027, status: .atRisk,
      actual: 150, actualYear: 2027, expected: 160, ratio: 50.0 / 60.0),
    // A review as of the earlier year 2025 ignores the actuals of 2026 and 2027.
    StatusCase(
      name: "an actual after as-of is ignored (review as of 2025)", goal: F.linear(severalActuals), asOf: 2025,
      status: .behind, actual: 110, actualYear: 2025, expected: 120, ratio: 0.5),
    // A status on a goal with baseline and target (an R37 error) is passed over: the 2026 value counts.
    StatusCase(
      name: "a status-only actual on a quantitative goal is passed over",
      goal: F.linear([GoalActual(year: 2026, value: 120), GoalActual(year: 2027, status: .achieved)]), asOf: 2027,
      status: .behind, actual: 120, actualYear: 2026, expected: 140, ratio: 0.5),

    // Direction down (F.down): expected(2026) = 40; r = (a − 50)/(40 − 50).
    // 41: r = −9/−10 = 0.9.
    StatusCase(
      name: "down: on-track", goal: F.down([GoalActual(year: 2026, value: 41)]), asOf: 2026, status: .onTrack,
      actual: 41, actualYear: 2026, expected: 40, ratio: 0.9),
    // 42: r = −8/−10 = 0.8.
    StatusCase(
      name: "down: at-risk", goal: F.down([GoalActual(year: 2026, value: 42)]), asOf: 2026, status: .atRisk,
      actual: 42, actualYear: 2026, expected: 40, ratio: 0.8),
    // 55 went up: r = 5/−10 = −0.5.
    StatusCase(
      name: "down: behind (moved the wrong way)", goal: F.down([GoalActual(year: 2026, value: 55)]), asOf: 2026,
      status: .behind, actual: 55, actualYear: 2026, expected: 40, ratio: -0.5),
    // 25 ≤ 30 overshoots the target downwards: achieved, not an error; r = −25/−10 = 2.5.
    StatusCase(
      name: "down: an overshooting actual is achieved", goal: F.down([GoalActual(year: 2026, value: 25)]),
      asOf: 2026, status: .achieved, actual: 25, actualYear: 2026, expected: 40, ratio: 2.5),
    // 30 in 2027, exactly on the target before the target year: achieved (≤ meets it);
    // expected(2027) = 50 − 15 = 35, r = −20/−15 = 1.333…
    StatusCase(
      name: "down: exactly on the target is achieved", goal: F.down([GoalActual(year: 2027, value: 30)]),
      asOf: 2027, status: .achieved, actual: 30, actualYear: 2027, expected: 35, ratio: 20.0 / 15.0),
    // Target year 2028: 31 > 30 is short: missed; expected 30, r = −19/−20 = 0.95.
    StatusCase(
      name: "down: missed", goal: F.down([GoalActual(year: 2028, value: 31)]), asOf: 2028, status: .missed,
      actual: 31, actualYear: 2028, expected: 30, ratio: 0.95),

    // Checkpoints (F.checkpoints): 2027 expects 110 (not 120 as the straight line 0 → 200 would):
    // 100/110 = 0.909… is on-track where 100/120 = 0.833… would be at-risk.
    StatusCase(
      name: "checkpoints: the expectation bends (2027)", goal: F.checkpoints([GoalActual(year: 2027, value: 100)]),
      asOf: 2027, status: .onTrack, actual: 100, actualYear: 2027, expected: 110, ratio: 100.0 / 110.0),
    // 2028 expects 110 + 45 = 155: 120/155 = 0.774… at-risk (the straight line, 160, gives 0.75).
    StatusCase(
      name: "checkpoints: after the last checkpoint (2028)", goal: F.checkpoints([GoalActual(year: 2028, value: 120)]),
      asOf: 2028, status: .atRisk, actual: 120, actualYear: 2028, expected: 155, ratio: 120.0 / 155.0),
    // 2025 expects 50 (half way to the first checkpoint): 30/50 = 0.6 behind.
    StatusCase(
      name: "checkpoints: before the first checkpoint (2025)", goal: F.checkpoints([GoalActual(year: 2025, value: 30)]),
      asOf: 2025, status: .behind, actual: 30, actualYear: 2025, expected: 50, ratio: 0.6),

    // Target-year 2027 in the middle of the phase 2025..2029 (baseline-year falls back to 2024):
    // expected(2026) = 100 + 60·2/3 = 140; 140 → r = 1.
    StatusCase(
      name: "target-year in the middle of the phase", goal: F.midPhase([GoalActual(year: 2026, value: 140)]),
      asOf: 2026, status: .onTrack, actual: 140, actualYear: 2026, expected: 140, ratio: 1),
    // An actual of 2028, after the target-year 2027: the expectation is clamped at the target 160,
    // 150 is short: missed with r = 50/60.
    StatusCase(
      name: "an actual after target-year: clamped, missed", goal: F.midPhase([GoalActual(year: 2028, value: 150)]),
      asOf: 2028, status: .missed, actual: 150, actualYear: 2028, expected: 160, ratio: 50.0 / 60.0),
    // 165 in 2028 ≥ 160: achieved; r = 65/60.
    StatusCase(
      name: "an actual after target-year: clamped, achieved", goal: F.midPhase([GoalActual(year: 2028, value: 165)]),
      asOf: 2028, status: .achieved, actual: 165, actualYear: 2028, expected: 160, ratio: 65.0 / 60.0),

    // Qualitative goals (F.qualitative: no baseline, no target) take the status of their latest
    // actual with a year ≤ Y; expected and ratio are undefined.
    StatusCase(name: "qualitative: untracked", goal: F.qualitative([]), asOf: 2026, status: .untracked, expected: nil),
    StatusCase(
      name: "qualitative: its own status, the latest ≤ as-of",
      goal: F.qualitative([
        GoalActual(year: 2025, status: .atRisk), GoalActual(year: 2026, status: .onTrack),
        GoalActual(year: 2027, status: .achieved),
      ]), asOf: 2026, status: .onTrack, actualYear: 2026, expected: nil),
    // Its actuals may lie at or before the baseline-year (no lower bound for qualitative goals).
    StatusCase(
      name: "qualitative: an actual of the baseline-year counts",
      goal: F.qualitative([GoalActual(year: 2024, status: .behind)]), asOf: 2024, status: .behind, actualYear: 2024,
      expected: nil),
    StatusCase(
      name: "qualitative: only actuals after as-of → untracked",
      goal: F.qualitative([GoalActual(year: 2027, status: .achieved)]), asOf: 2026, status: .untracked,
      expected: nil),
    // Target equal to baseline is qualitative too; expected(y) is that value, 80.
    StatusCase(
      name: "target = baseline: its own status",
      goal: GoalTrack(
        baseline: 80, baselineYear: 2024, target: 80, targetYear: 2027,
        actuals: [GoalActual(year: 2025, status: .achieved)]), asOf: 2026, status: .achieved, actualYear: 2025,
      expected: 80),
    // A goal with a target but no baseline: qualitative, untracked without a status actual.
    StatusCase(
      name: "no baseline: untracked",
      goal: GoalTrack(
        baseline: nil, baselineYear: 2024, target: 10, targetYear: 2027, actuals: [GoalActual(year: 2025, value: 4)]),
      asOf: 2026, status: .untracked, expected: nil),
  ]

  static let severalActuals = [
    GoalActual(year: 2027, value: 150), GoalActual(year: 2025, value: 110), GoalActual(year: 2026, value: 138),
  ]

  @Test("status, actual used, expected and ratio", arguments: cases)
  func status(_ c: StatusCase) {
    let a = c.goal.assess(asOf: c.asOf, thresholds: F.thresholds)
    #expect(a.asOf == c.asOf)
    #expect(a.status == c.status)
    #expect(a.actual == c.actual)
    #expect(a.actualYear == c.actualYear)
    #expect(F.close(a.expected, c.expected), "expected \(String(describing: a.expected))")
    #expect(F.close(a.ratio, c.ratio), "ratio \(String(describing: a.ratio))")
  }

  @Test("the table shows every status")
  func everyStatusCovered() {
    let shown = Set(Self.cases.map(\.status))
    #expect(shown == Set(GoalStatus.allCases))
  }

  /// A checkpoint at the baseline value: expected(2025) = 0 = baseline, r = 0/0 is undefined.
  /// Nothing is expected yet: an actual at or ahead of the baseline is on-track, one that fell back behind.
  @Test("r undefined (expected = baseline): on-track unless fallen back, ratio nil")
  func undefinedRatio() {
    func track(_ value: Double) -> GoalTrack {
      GoalTrack(
        baseline: 0, baselineYear: 2024, target: 100, targetYear: 2028,
        checkpoints: [GoalCheckpoint(year: 2026, value: 0)], actuals: [GoalActual(year: 2025, value: value)])
    }
    let held = track(0).assess(asOf: 2025, thresholds: F.thresholds)
    #expect(held.status == .onTrack && held.ratio == nil && held.expected == 0)
    let ahead = track(3).assess(asOf: 2025, thresholds: F.thresholds)
    #expect(ahead.status == .onTrack && ahead.ratio == nil)
    let fell = track(-3).assess(asOf: 2025, thresholds: F.thresholds)
    #expect(fell.status == .behind && fell.ratio == nil)
  }

  /// Two actuals in one year (the plan's keys forbid it): the later in the array counts.
  @Test("two actuals in one year: the later given counts")
  func sameYear() {
    let goal = F.linear([GoalActual(year: 2026, value: 120), GoalActual(year: 2026, value: 140)])
    // 140 → r = 40/40 = 1.
    #expect(goal.assess(asOf: 2026, thresholds: F.thresholds).status == .onTrack)
  }

  /// Other thresholds: with on-track-min 80% and at-risk-min 50%, r = 0.8 is on-track and r = 0.5 at-risk.
  @Test("the plan's thresholds decide")
  func thresholds() {
    let loose = StatusThresholds(onTrackMin: 0.8, atRiskMin: 0.5)
    #expect(F.linear([GoalActual(year: 2026, value: 132)]).assess(asOf: 2026, thresholds: loose).status == .onTrack)
    #expect(F.linear([GoalActual(year: 2026, value: 120)]).assess(asOf: 2026, thresholds: loose).status == .atRisk)
  }
}
