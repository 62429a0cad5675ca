/// The status of a goal as of the year under review (SPEC §11), spelled as in the plan language
/// and the JSON review (`rawValue`).
///
/// `allCases` is the order in which reports list statuses and counts: from reached to not yet
/// judged.
package enum GoalStatus: String, Sendable, Hashable, CaseIterable {
  /// The actual has reached the target in the goal's direction.
  case achieved
  /// Achievement ratio r ≥ `on-track-min`.
  case onTrack = "on-track"
  /// `at-risk-min` ≤ r < `on-track-min`.
  case atRisk = "at-risk"
  /// r < `at-risk-min`.
  case behind
  /// The target year's figure is in and short of the target.
  case missed
  /// No actual after the baseline-year up to the year under review.
  case noData = "no-data"
  /// The year under review is not after the baseline-year.
  case notDue = "not-due"
  /// A qualitative goal with no actual up to the year under review.
  case untracked

  /// The statuses an `actual` may state for a qualitative goal (SPEC §11 `actual status`).
  package static let reportable: [GoalStatus] = [.achieved, .onTrack, .atRisk, .behind]

  /// The position of this status in `allCases`.
  package var order: Int {
    switch self {
    case .achieved: 0
    case .onTrack: 1
    case .atRisk: 2
    case .behind: 3
    case .missed: 4
    case .noData: 5
    case .notDue: 6
    case .untracked: 7
    }
  }
}
