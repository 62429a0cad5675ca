extension GoalTrack {
  /// The status of the goal as of year `asOf` (Y), decided exactly as SPEC §11 lists it
  /// ("Status of a goal as of year Y").
  ///
  /// A qualitative goal (not ``isQuantitative``: no baseline or target, or target = baseline)
  /// takes the `status` of its latest actual with a year ≤ Y — an actual without a status is
  /// passed over — and is `untracked` when there is none. Otherwise, from the latest actual a of
  /// year y among those with a `value` and baselineYear < y ≤ Y, in this order:
  /// 1. `not-due` when Y ≤ baselineYear;
  /// 2. `no-data` when there is no such actual — unless the goal's phase has not begun
  ///    (Y < ``phaseStartYear``): then `not-due`, as nothing can be missing yet (where SPEC §11
  ///    is silent: a goal with a `baseline-year` set before its phase was judged `no-data`
  ///    before its phase started; the newcomer's finding of 2026-12-07);
  /// 3. `achieved` when a has reached the target in the goal's direction (≥ for up, ≤ for down;
  ///    an overshoot counts);
  /// 4. `missed` when y ≥ targetYear;
  /// 5. else, with r = (a − baseline)/(expected(y) − baseline): `on-track` when r ≥ on-track-min,
  ///    `at-risk` when r ≥ at-risk-min, else `behind`.
  ///
  /// Every comparison of a value or of r with a threshold meets it within ``Review/tolerance``.
  /// Two actuals in one year (the plan's keys forbid it) count as the later in ``actuals``.
  ///
  /// Where SPEC §11 leaves r undefined — expected(y) = baseline, when a checkpoint holds the
  /// baseline and nothing is expected of year y yet — step 5 reads r as its limit: `on-track`
  /// when a has not fallen back behind the baseline (against the direction, beyond the
  /// tolerance), else `behind`; the reported ratio is nil.
  ///
  /// - Parameters:
  ///   - asOf: The year under review, Y (``ReviewYear``).
  ///   - thresholds: The plan's `on-track-min` and `at-risk-min`.
  /// - Returns: The status with the actual used, its year, expected and r (``GoalAssessment``).
  /// - Complexity: O(actuals + checkpoints).
  package func assess(asOf: Int, thresholds: StatusThresholds) -> GoalAssessment {
    guard isQuantitative, let baseline, let target else { return assessQualitative(asOf: asOf) }
    guard asOf > baselineYear else {
      return GoalAssessment(asOf: asOf, status: .notDue, expected: expected(asOf))
    }
    guard let latest = latestActual(after: baselineYear, upTo: asOf, where: { $0.value != nil }),
      let a = latest.value
    else {
      let begun = phaseStartYear.map { asOf >= $0 } ?? true
      return GoalAssessment(asOf: asOf, status: begun ? .noData : .notDue, expected: expected(asOf))
    }
    let y = latest.year
    let e = expected(y) ?? target
    let ratio: Double? = e != baseline ? (a - baseline) / (e - baseline) : nil
    let status: GoalStatus
    if direction.reached(a, target: target) {
      status = .achieved
    } else if y >= targetYear {
      status = .missed
    } else if let r = ratio {
      status =
        r >= thresholds.onTrackMin - Review.tolerance
        ? .onTrack : r >= thresholds.atRiskMin - Review.tolerance ? .atRisk : .behind
    } else {
      status = direction.isSetBack(from: baseline, to: a) ? .behind : .onTrack
    }
    return GoalAssessment(asOf: asOf, status: status, actual: a, actualYear: y, expected: e, ratio: ratio)
  }

  /// A qualitative goal: the status of its latest actual with a status and a year ≤ Y.
  private func assessQualitative(asOf: Int) -> GoalAssessment {
    guard let latest = latestActual(after: nil, upTo: asOf, where: { $0.status != nil }),
      let status = latest.status
    else {
      return GoalAssessment(asOf: asOf, status: .untracked, expected: expected(asOf))
    }
    return GoalAssessment(
      asOf: asOf, status: status, actual: latest.value, actualYear: latest.year, expected: expected(latest.year))
  }

  /// The actual of the latest year in `lower < year ≤ upper` (no lower bound when nil) that
  /// satisfies `usable`; of two in one year, the later in ``actuals``.
  private func latestActual(after lower: Int?, upTo upper: Int, where usable: (GoalActual) -> Bool) -> GoalActual? {
    var best: GoalActual?
    for actual in actuals where actual.year <= upper && usable(actual) {
      if let lower, actual.year <= lower { continue }
      if best == nil || actual.year >= best!.year { best = actual }
    }
    return best
  }
}
