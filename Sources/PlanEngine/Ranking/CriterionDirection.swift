/// Whether a higher score on a criterion makes a field more or less urgent to support.
///
/// Spec §4 `criterion … type benefit|cost [benefit]`.
package enum CriterionDirection: String, Sendable, Equatable, CaseIterable {
  /// Higher scores are better (the default).
  case benefit
  /// Lower scores are better (e.g. the cost or risk of a field).
  case cost
}
