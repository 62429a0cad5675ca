/// The engine core of following a plan through its years (SPEC §11): the expected value of a
/// goal, its status as of a year, the roll-up counts, money planned against money paid, and the
/// changes since approval that move a goalpost. Pure and model-independent: every function here
/// takes plain value structs (no `Plan`, no `Entity`), so the wiring builds those from the model
/// and the engine never reads the model's storage.
///
/// ## How the wiring calls it
///
/// - **Kinds** `checkpoint` (GOAL YEAR, `value`), `actual` (GOAL YEAR, `value`? / `status`?) and
///   `outlay` (CONSORTIUM YEAR SOURCE, `amount`) stay entities of the model; an adapter turns one
///   goal with its checkpoints and actuals into a ``GoalTrack`` with
///   ``GoalTrack/init(baseline:baselineYear:target:targetYear:direction:phaseStartYear:phaseEndYear:checkpoints:actuals:)``,
///   passing the goal's own `baseline-year` / `target-year` (nil when unset) and the start and end
///   year of its phase's `period`: the fallbacks of SPEC §11 are applied there
///   (``GoalTrack/effectiveBaselineYear(_:phaseStartYear:)``,
///   ``GoalTrack/effectiveTargetYear(_:phaseEndYear:)``) and never written back to the plan. A
///   goal whose phase has no period has no effective years: the adapter skips it (R20/R22 report
///   the phase).
/// - **The year under review** comes from ``ReviewYear/resolve(command:asOf:recordYears:horizonStartYear:)``
///   (the `review` command's year, the plan's `as-of`, the years of actuals and outlays, the horizon).
/// - **Status**: ``GoalTrack/assess(asOf:thresholds:)`` with the plan's `on-track-min` and
///   `at-risk-min` as fractions (``StatusThresholds``; their defaults live in the schema, not here)
///   returns a ``GoalAssessment`` — status, the actual used and its year, expected, ratio — which is
///   exactly one row of the review's goal table (and of its JSON `goals` array and CSV).
///   ``StatusRollUp`` counts the statuses per consortium, without consortium, and for the plan.
/// - **Money**: ``ConsortiumMoney/init(funding:outlays:asOf:governmentSources:)`` per consortium,
///   from its funding lines (each with its phase's period, ``PlannedFunding``) and outlays
///   (``PaidOutlay``): planned and paid by year and by source, execution, government share —
///   `show funding K`, the review's money table and JSON `consortia`.
/// - **Rules R34–R39** read the same results, only while `as-of` is set: R34 `behind`, R35
///   `missed`, R36 `no-data` with baseline-year < `as-of` from ``GoalAssessment`` (its `actual`,
///   `expected`, `ratio` and `actualYear` are the numbers the messages give); R38 compares
///   ``GoalTrack/targetYear`` and ``GoalTrack/baselineYear`` with the phase; R37 checks the
///   records themselves (years, value/status) — the engine tolerates what R37 reports (it ignores
///   checkpoints outside baseline-year..target-year and actuals without the field it needs) so
///   the review still runs on a plan with errors; R39 compares
///   ``ConsortiumMoney/governmentShare`` with `gov-share-warn` / `gov-share-max` as R27 does
///   (strictly above, within ``Review/tolerance``). In the shell, a goal's status after an edit is
///   one ``GoalTrack`` built and assessed (O(its actuals + checkpoints)), so `show goal` stays fast;
///   a rule that reads actuals declares the kinds goal, phase, checkpoint, actual (and outlay,
///   funding for R39) so the incremental validation re-runs it.
/// - **`review … against PATH`**: load the approved plan, build a ``PlanSnapshot`` of each plan
///   (goals with their effective target-year and checkpoints, measures, funding lines, in report
///   order) and call ``changesSinceApproval(approved:current:)``; each ``ChangeSinceApproval`` is
///   one entry of JSON `changes` (`kind`, `id`, `change`, `from`, `to`).
/// - **Exports** (roadmap and review, every format) print these results; none recomputes them.
package enum Review {
  /// Comparisons of ratios, amounts and values meet a threshold within this (SPEC §11: "with a
  /// tolerance of 1e-9, so an r exactly on a threshold meets it"); the same tolerance as R27.
  package static let tolerance = 1e-9
}
