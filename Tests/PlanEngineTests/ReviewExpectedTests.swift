import Testing

@testable import PlanEngine

@Suite("Review: effective years and the expected value (SPEC §11)")
struct ReviewExpectedTests {
  typealias F = ReviewFixtures

  /// F.checkpoints: (2024, 0), (2026, 100), (2027, 110), (2029, 200). By hand: 2025 = 0 + 100·1/2;
  /// 2028 = 110 + 90·1/2. Before the baseline-year the baseline, after the target-year the target.
  @Test(
    "piecewise linear through the checkpoints, clamped at both ends",
    arguments: [
      (2020, 0.0), (2024, 0), (2025, 50), (2026, 100), (2027, 110), (2028, 155), (2029, 200), (2030, 200),
      (2035, 200),
    ])
  func checkpoints(year: Int, expected: Double) {
    #expect(F.checkpoints([]).expected(year) == expected)
  }

  /// The slope changes at each checkpoint: 50/year, then 10/year, then 45/year.
  @Test("the expectation bends at each checkpoint")
  func bends() throws {
    let goal = F.checkpoints([])
    var slopes: [Double] = []
    for year in 2025...2029 {
      slopes.append(try #require(goal.expected(year)) - (try #require(goal.expected(year - 1))))
    }
    #expect(slopes == [50, 50, 10, 45, 45])
  }

  /// Down: (2024, 50) → (2028, 30), checkpoint 2025: 49 (a slow start). 2026 = 49 − 19·1/3 = 42.666…;
  /// 2027 = 49 − 19·2/3 = 36.333…
  @Test("direction down with a checkpoint")
  func down() {
    let goal = GoalTrack(
      baseline: 50, baselineYear: 2024, target: 30, targetYear: 2028, direction: .down,
      checkpoints: [GoalCheckpoint(year: 2025, value: 49)])
    #expect(goal.expected(2025) == 49)
    #expect(F.close(goal.expected(2026), 49 - 19.0 / 3))
    #expect(F.close(goal.expected(2027), 49 - 38.0 / 3))
    #expect(goal.expected(2028) == 30)
  }

  /// A checkpoint outside baseline-year..target-year (an R37 error) does not shape the line, and
  /// of two checkpoints in one year the later given counts.
  @Test("checkpoints outside the open interval are ignored; one per year")
  func checkpointsFiltered() {
    let goal = GoalTrack(
      baseline: 0, baselineYear: 2024, target: 100, targetYear: 2028,
      checkpoints: [
        GoalCheckpoint(year: 2024, value: 70), GoalCheckpoint(year: 2028, value: 70),
        GoalCheckpoint(year: 2031, value: 70), GoalCheckpoint(year: 2026, value: 10),
        GoalCheckpoint(year: 2026, value: 40),
      ])
    #expect(goal.checkpoints == [GoalCheckpoint(year: 2026, value: 40)])
    // (2024, 0) → (2026, 40) → (2028, 100): 2025 = 20, 2027 = 70.
    #expect(goal.expected(2025) == 20)
    #expect(goal.expected(2027) == 70)
  }

  /// A checkpoint value exactly, not v₀ + (v₁ − v₀)·(y − y₀)/(y₁ − y₀): from (2024, 0.2) to the
  /// checkpoint (2026, 0.9) that formula gives 0.2 + 0.7·2/2 = 0.8999999999999999 in binary
  /// (Python: 0.2+(0.9-0.2)*2/2).
  @Test("at a checkpoint its value exactly")
  func checkpointExact() {
    let goal = GoalTrack(
      baseline: 0.2, baselineYear: 2024, target: 1, targetYear: 2028,
      checkpoints: [GoalCheckpoint(year: 2026, value: 0.9)])
    #expect(goal.expected(2026) == 0.9)
  }

  @Test("no baseline or no target: no expected value")
  func undefined() {
    #expect(F.qualitative([]).expected(2025) == nil)
    #expect(GoalTrack(baseline: 1, baselineYear: 2024, target: nil, targetYear: 2027).expected(2025) == nil)
  }

  /// A target-year not after the baseline-year (R38): the baseline up to baseline-year, the target after.
  @Test("target-year before baseline-year: no division by zero")
  func reversed() {
    let goal = GoalTrack(baseline: 10, baselineYear: 2026, target: 20, targetYear: 2025)
    #expect(goal.expected(2026) == 10)
    #expect(goal.expected(2027) == 20)
    let same = GoalTrack(baseline: 10, baselineYear: 2026, target: 20, targetYear: 2026)
    #expect(same.expected(2026) == 10 && same.expected(2027) == 20)
  }

  /// Phase periods in years or months: `2025..2027` starts in 2025, ends in 2027; `2025-03..2026-06`
  /// starts in 2025, ends in 2026. Unset: baseline-year = start − 1, target-year = end.
  @Test(
    "fallbacks of baseline-year and target-year",
    arguments: [
      // (own baseline-year, own target-year, phase start year, phase end year, effective pair)
      (nil, nil, 2025, 2027, 2024, 2027),  // 2025..2027
      (nil, nil, 2025, 2026, 2024, 2026),  // 2025-03..2026-06
      (2022, nil, 2025, 2027, 2022, 2027),  // own baseline-year kept
      (nil, 2026, 2025, 2027, 2024, 2026),  // own target-year in the middle of the phase
      (2023, 2029, 2025, 2027, 2023, 2029),  // both own (R38 judges 2029 outside the phase)
    ] as [(Int?, Int?, Int, Int, Int, Int)])
  func fallbacks(baselineYear: Int?, targetYear: Int?, start: Int, end: Int, effBaseline: Int, effTarget: Int) {
    #expect(GoalTrack.effectiveBaselineYear(baselineYear, phaseStartYear: start) == effBaseline)
    #expect(GoalTrack.effectiveTargetYear(targetYear, phaseEndYear: end) == effTarget)
    let goal = GoalTrack(
      baseline: 0, baselineYear: baselineYear, target: 1, targetYear: targetYear, phaseStartYear: start,
      phaseEndYear: end)
    #expect(goal.baselineYear == effBaseline && goal.targetYear == effTarget)
  }
}
