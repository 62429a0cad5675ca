/// How many goals have each status (SPEC §11 roll-ups, JSON `counts`).
package struct StatusCounts: Sendable, Hashable {
  /// Indexed by ``GoalStatus/order``.
  private var counts = [Int](repeating: 0, count: GoalStatus.allCases.count)

  package init() {}

  /// Counts of `statuses`, one goal each.
  package init(_ statuses: some Sequence<GoalStatus>) {
    for status in statuses { add(status) }
  }

  /// The number of goals with `status`.
  package subscript(status: GoalStatus) -> Int { counts[status.order] }

  /// Counts one more goal with `status`.
  package mutating func add(_ status: GoalStatus) { counts[status.order] += 1 }

  /// The number of goals counted.
  package var total: Int { counts.reduce(0, +) }

  /// The statuses with at least one goal and their counts, in ``GoalStatus/allCases`` order.
  package var nonZero: [(status: GoalStatus, count: Int)] {
    GoalStatus.allCases.compactMap { counts[$0.order] > 0 ? ($0, counts[$0.order]) : nil }
  }
}
