/// An intermediate target of a goal (SPEC §11 kind `checkpoint`, 分年度目标): the value the
/// indicator should reach in `year`, in the goal's unit.
package struct GoalCheckpoint: Sendable, Hashable {
  /// A calendar year (four digits).
  package var year: Int
  /// The intermediate target, in the goal's unit.
  package var value: Double

  package init(year: Int, value: Double) {
    self.year = year
    self.value = value
  }
}
