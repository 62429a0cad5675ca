extension GoalTrack {
  /// The value the plan expects the indicator to have in `year` (SPEC §11 "Expected value").
  ///
  /// expected(y) is piecewise linear through (baselineYear, baseline), each checkpoint
  /// (year, value) in year order, and (targetYear, target); it is the baseline up to
  /// baselineYear and the target from targetYear on. Between two points (y₀, v₀) and (y₁, v₁):
  /// v₀ + (v₁ − v₀)·(y − y₀)/(y₁ − y₀); at a point exactly its value. With a targetYear not after
  /// the baselineYear (an error, R38) it is the baseline up to baselineYear and the target after.
  ///
  /// - Parameter year: A calendar year.
  /// - Returns: In the goal's unit; nil when the goal has no baseline or no target.
  /// - Complexity: O(checkpoints).
  package func expected(_ year: Int) -> Double? {
    guard let baseline, let target else { return nil }
    if year <= baselineYear { return baseline }
    if year >= targetYear { return target }
    var (y0, v0) = (baselineYear, baseline)
    for c in checkpoints {
      if year == c.year { return c.value }
      if year < c.year { return Self.interpolate(year, from: (y0, v0), to: (c.year, c.value)) }
      (y0, v0) = (c.year, c.value)
    }
    return Self.interpolate(year, from: (y0, v0), to: (targetYear, target))
  }

  /// v₀ + (v₁ − v₀)·(y − y₀)/(y₁ − y₀), for y₀ < y < y₁.
  private static func interpolate(_ y: Int, from p0: (Int, Double), to p1: (Int, Double)) -> Double {
    p0.1 + (p1.1 - p0.1) * Double(y - p0.0) / Double(p1.0 - p0.0)
  }
}
