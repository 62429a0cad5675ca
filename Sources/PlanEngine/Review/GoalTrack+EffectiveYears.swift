extension GoalTrack {
  /// The year computations use as a goal's target-year (SPEC §11): its own `target-year` when
  /// set, else the last year of its phase. A fallback, not a default: the plan keeps and writes
  /// only what was set.
  ///
  /// - Parameters:
  ///   - targetYear: The goal's `target-year`, nil when unset.
  ///   - phaseEndYear: The year of the phase's last month (`2026` for `2025-03..2026-06`).
  /// - Returns: A calendar year.
  package static func effectiveTargetYear(_ targetYear: Int?, phaseEndYear: Int) -> Int {
    targetYear ?? phaseEndYear
  }

  /// The year computations use as a goal's baseline-year (SPEC §11): its own `baseline-year`
  /// when set, else the year before its phase starts. A fallback, not a default.
  ///
  /// - Parameters:
  ///   - baselineYear: The goal's `baseline-year`, nil when unset.
  ///   - phaseStartYear: The year of the phase's first month (`2025` for `2025-03..2026-06`).
  /// - Returns: A calendar year.
  package static func effectiveBaselineYear(_ baselineYear: Int?, phaseStartYear: Int) -> Int {
    baselineYear ?? phaseStartYear - 1
  }
}
