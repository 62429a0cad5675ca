/// Why a panel computation (rating aggregation, group AHP, entropy weights, robustness) cannot
/// run on its input.
///
/// Indices are 0-based positions in the caller's arrays (the expert, field and criterion order the
/// wiring chose). The text shown to the planner belongs to the message catalog, not here. A shape
/// mismatch between arrays is a bug in the caller and is checked by a precondition instead.
package enum PanelError: Error, Sendable, Equatable {
  /// An expert's weight is zero, negative, infinite or NaN (spec §12: `weight` > 0).
  case expertWeightNotPositive(expert: Int, weight: Double)
  /// A rating is zero or negative under the weighted geometric mean (spec §12, R43), or not finite.
  case ratingNotPositive(expert: Int, value: Double)
  /// A rating is infinite or NaN.
  case ratingNotFinite(expert: Int, value: Double)
  /// An expert's judgement of criterion `row` over `column` is zero, negative, infinite or NaN.
  case judgementNotPositive(expert: Int, row: Int, column: Int, value: Double)
  /// Entropy weighting needs at least two fields (spec §12: m ≥ 2); carries the field count.
  case tooFewFields(Int)
  /// The robustness sample count is below 1.
  case samplesNotPositive(Int)
  /// The robustness spread P is outside 0 ≤ P < 1 (0%…99.9…%); carries P as a fraction.
  case spreadOutOfRange(Double)
  /// The cutoff is below 1.
  case cutoffNotPositive(Int)
  /// The group's (or an expert's) comparison matrix cannot give AHP weights.
  case ahp(AHPError)
}
