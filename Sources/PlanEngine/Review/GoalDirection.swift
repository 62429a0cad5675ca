/// The way a goal's indicator should move from its baseline to its target (SPEC §4 `direction`):
/// `up` (the target is higher) or `down` (lower, e.g. energy use per unit of output).
package enum GoalDirection: String, Sendable, Hashable, CaseIterable {
  case up
  case down

  /// Whether `value` has reached `target` in this direction: ≥ for up, ≤ for down, within
  /// ``Review/tolerance`` (SPEC §11, step 3 of the status decision). An overshoot counts as
  /// reached in either direction.
  package func reached(_ value: Double, target: Double) -> Bool {
    switch self {
    case .up: value >= target - Review.tolerance
    case .down: value <= target + Review.tolerance
    }
  }

  /// Whether moving from `old` to `new` goes against this direction — lower for up, higher for
  /// down — by more than ``Review/tolerance`` (SPEC §11, changes since approval).
  package func isSetBack(from old: Double, to new: Double) -> Bool {
    switch self {
    case .up: new < old - Review.tolerance
    case .down: new > old + Review.tolerance
    }
  }
}
