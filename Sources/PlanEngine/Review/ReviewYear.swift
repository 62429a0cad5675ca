/// The year under review, Y, and what decided it (SPEC §11 "Status of a goal as of year Y").
package struct ReviewYear: Sendable, Hashable {
  /// Where Y came from, in the order SPEC §11 tries them.
  package enum Basis: String, Sendable, Hashable {
    /// The `review` command's year (`review as-of YEAR`, `--as-of YEAR`).
    case command
    /// The plan's `as-of` setting.
    case asOf = "as-of"
    /// The latest year that holds an actual or an outlay.
    case latestRecord = "latest-record"
    /// The year before the horizon starts: every goal is `not-due`.
    case beforeHorizon = "before-horizon"
  }

  /// Y, a calendar year.
  package var year: Int
  /// What decided it.
  package var basis: Basis

  package init(year: Int, basis: Basis) {
    self.year = year
    self.basis = basis
  }

  /// Y: the review command's year, else the plan's `as-of`, else the latest year that holds an
  /// actual or outlay, else the year before the horizon (SPEC §11).
  ///
  /// - Parameters:
  ///   - command: The year given to `review`, nil when none.
  ///   - asOf: The plan's `as-of`, nil when unset.
  ///   - recordYears: The years of every actual and outlay of the plan (any order, repeats allowed).
  ///   - horizonStartYear: The first year of the plan's `horizon`, nil when unset.
  /// - Returns: nil only when all four are missing (a plan with no horizon and nothing recorded).
  /// - Complexity: O(recordYears), and none when `command` or `asOf` is given.
  package static func resolve(
    command: Int?, asOf: Int?, recordYears: some Sequence<Int>, horizonStartYear: Int?
  ) -> ReviewYear? {
    if let command { return ReviewYear(year: command, basis: .command) }
    if let asOf { return ReviewYear(year: asOf, basis: .asOf) }
    if let latest = recordYears.max() { return ReviewYear(year: latest, basis: .latestRecord) }
    if let horizonStartYear { return ReviewYear(year: horizonStartYear - 1, basis: .beforeHorizon) }
    return nil
  }
}
