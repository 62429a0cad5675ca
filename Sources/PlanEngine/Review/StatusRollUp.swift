/// The counts of goals by status per consortium, for the goals of no consortium under their own
/// heading, and for the plan (SPEC §11 "Roll-ups").
package struct StatusRollUp: Sendable, Hashable {
  /// The counts of the whole plan: every goal once.
  package private(set) var plan = StatusCounts()
  /// The counts of each consortium's goals, by consortium ID. The report's order of consortia is
  /// the wiring's (SPEC §15: priority order).
  package private(set) var byConsortium: [String: StatusCounts] = [:]
  /// The counts of the goals of no consortium.
  package private(set) var withoutConsortium = StatusCounts()

  package init() {}

  /// The roll-up of `goals`: each goal's consortium ID (nil for none) and status.
  package init(_ goals: some Sequence<(consortium: String?, status: GoalStatus)>) {
    for goal in goals { add(goal.status, consortium: goal.consortium) }
  }

  /// Counts one more goal with `status` in `consortium` (nil: of no consortium) and in the plan.
  package mutating func add(_ status: GoalStatus, consortium: String?) {
    plan.add(status)
    if let consortium {
      byConsortium[consortium, default: StatusCounts()].add(status)
    } else {
      withoutConsortium.add(status)
    }
  }
}
