/// What a goal actually reached in one year (SPEC §11 kind `actual`): a `value` for a goal with
/// baseline and target, or a `status` for a qualitative goal. Exactly one of the two is set in a
/// valid plan (R37); the engine reads the one it needs and ignores an actual without it.
package struct GoalActual: Sendable, Hashable {
  /// A calendar year (four digits).
  package var year: Int
  /// The indicator's value in `year`, in the goal's unit.
  package var value: Double?
  /// A qualitative goal's own judgement: one of ``GoalStatus/reportable``.
  package var status: GoalStatus?

  package init(year: Int, value: Double? = nil, status: GoalStatus? = nil) {
    self.year = year
    self.value = value
    self.status = status
  }
}
