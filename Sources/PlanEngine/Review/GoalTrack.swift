/// One goal as the review sees it (SPEC §11): where it starts, where it should be by when, its
/// intermediate targets and what it actually reached. Built by the wiring from a goal, its phase,
/// its checkpoints and its actuals; knows nothing of the plan.
///
/// The years are the *effective* ones: the goal's own `baseline-year` / `target-year`, or the
/// fallbacks of SPEC §11 (``effectiveBaselineYear(_:phaseStartYear:)``,
/// ``effectiveTargetYear(_:phaseEndYear:)``) applied by
/// ``init(baseline:baselineYear:target:targetYear:direction:phaseStartYear:phaseEndYear:checkpoints:actuals:)``.
package struct GoalTrack: Sendable, Hashable {
  /// The indicator's value at the baseline-year, in the goal's unit; nil when unset.
  package var baseline: Double?
  /// The effective baseline-year (a calendar year).
  package var baselineYear: Int
  /// The value to reach by the target-year, in the goal's unit; nil when unset.
  package var target: Double?
  /// The effective target-year (a calendar year).
  package var targetYear: Int
  /// Up or down (SPEC §4 `direction`).
  package var direction: GoalDirection
  /// The checkpoints that shape the expected value: those strictly between `baselineYear` and
  /// `targetYear` (R37 reports the others), one per year (the last given wins), in year order.
  package private(set) var checkpoints: [GoalCheckpoint]
  /// The goal's actuals, in any order.
  package var actuals: [GoalActual]
  /// The first year of the goal's phase, when known (a goal made from the plan): no actual is
  /// missing before it (``assess(asOf:thresholds:)``).
  package var phaseStartYear: Int?

  /// A goal with its effective years already decided.
  ///
  /// - Parameters:
  ///   - checkpoints: In any order; those outside the open interval baselineYear..targetYear are
  ///     dropped and, of two in one year, the later in the array is kept.
  ///   - actuals: In any order.
  package init(
    baseline: Double?,
    baselineYear: Int,
    target: Double?,
    targetYear: Int,
    direction: GoalDirection = .up,
    checkpoints: [GoalCheckpoint] = [],
    actuals: [GoalActual] = []
  ) {
    self.baseline = baseline
    self.baselineYear = baselineYear
    self.target = target
    self.targetYear = targetYear
    self.direction = direction
    self.actuals = actuals
    let inside = checkpoints.filter { baselineYear < $0.year && $0.year < targetYear }
    if zip(inside, inside.dropFirst()).allSatisfy({ $0.year < $1.year }) {
      // Already in year order, one per year: as the plan's canonical order gives them.
      self.checkpoints = inside
    } else {
      var byYear: [Int: Double] = [:]
      for c in inside { byYear[c.year] = c.value }
      self.checkpoints = byYear.map { GoalCheckpoint(year: $0.key, value: $0.value) }.sorted { $0.year < $1.year }
    }
  }

  /// A goal as written in the plan: its own `baseline-year` and `target-year` when set, else
  /// the fallbacks of SPEC §11 from its phase's period.
  ///
  /// - Parameters:
  ///   - baselineYear: The goal's `baseline-year`, nil when unset.
  ///   - targetYear: The goal's `target-year`, nil when unset.
  ///   - phaseStartYear: The year of the first month of the goal's phase (`2025` for
  ///     `2025..2027` and for `2025-03..2026-06`).
  ///   - phaseEndYear: The year of the last month of the goal's phase (`2027`, `2026`).
  package init(
    baseline: Double?,
    baselineYear: Int?,
    target: Double?,
    targetYear: Int?,
    direction: GoalDirection = .up,
    phaseStartYear: Int,
    phaseEndYear: Int,
    checkpoints: [GoalCheckpoint] = [],
    actuals: [GoalActual] = []
  ) {
    self.init(
      baseline: baseline,
      baselineYear: Self.effectiveBaselineYear(baselineYear, phaseStartYear: phaseStartYear),
      target: target,
      targetYear: Self.effectiveTargetYear(targetYear, phaseEndYear: phaseEndYear),
      direction: direction, checkpoints: checkpoints, actuals: actuals)
    self.phaseStartYear = phaseStartYear
  }

  /// Whether the goal is judged by its figures: it has a baseline and a target, and they differ
  /// (exactly, as R23 compares them). Otherwise it is qualitative and takes the status of its
  /// latest actual (SPEC §11).
  package var isQuantitative: Bool {
    guard let baseline, let target else { return false }
    return target != baseline
  }
}
