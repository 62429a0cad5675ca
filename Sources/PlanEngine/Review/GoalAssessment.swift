/// A goal's status as of a year and the numbers behind it (SPEC §11): one row of the review's
/// goal table, of its JSON `goals` array and of its CSV, and what R34–R36 report.
package struct GoalAssessment: Sendable, Hashable {
  /// The year under review, Y (a calendar year).
  package var asOf: Int
  /// The status decided.
  package var status: GoalStatus
  /// The value of the actual used, in the goal's unit; nil when none was used or it has no
  /// value (a qualitative goal's actual).
  package var actual: Double?
  /// The year of the actual used; nil when none was used.
  package var actualYear: Int?
  /// expected(y) for the actual used, expected(Y) when there is none, in the goal's unit; nil
  /// for a goal without baseline or target (SPEC §11 JSON `expected`).
  package var expected: Double?
  /// The achievement ratio r = (a − baseline)/(expected(y) − baseline), dimensionless, for the
  /// actual a of year y used; nil where undefined: no actual used, a qualitative goal, or
  /// expected(y) = baseline (SPEC §11 JSON `ratio`).
  package var ratio: Double?

  package init(
    asOf: Int, status: GoalStatus, actual: Double? = nil, actualYear: Int? = nil, expected: Double? = nil,
    ratio: Double? = nil
  ) {
    self.asOf = asOf
    self.status = status
    self.actual = actual
    self.actualYear = actualYear
    self.expected = expected
    self.ratio = ratio
  }
}
