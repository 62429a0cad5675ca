/// How the fields' scores are aggregated into one priority score.
///
/// Spec §4 `plan … method weighted|topsis [weighted]`, §8.
package enum RankingMethod: String, Sendable, Equatable, CaseIterable {
  /// Weighted sum of scale-normalised scores: ``weightedSum(_:)``.
  case weighted
  /// Closeness to the ideal solution (Hwang & Yoon 1981): ``topsis(_:)``.
  case topsis
}
