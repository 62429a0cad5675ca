/// How far one criterion's weight can move before the set of the top `cutoff` fields changes
/// (spec §12, cutoff sensitivity).
package struct CutoffSensitivityResult: Sendable, Equatable {
  /// The index j of the criterion whose weight moves.
  package var criterion: Int
  /// Its current weight wⱼ.
  package var weight: Double
  /// The weight w′ in 0...1 nearest to wⱼ, in either direction, at which the top set changes
  /// (the others rescaled, ``shiftedWeights(_:moving:to:)``); `nil` (shown as `none`) when no w′
  /// in 0...1 changes it.
  package var flipAt: Double?
  /// A field that enters the top set just past `flipAt`; `nil` when `flipAt` is, or when the set
  /// only shrinks (a tie at the boundary that splits).
  package var entering: Int?
  /// A field that leaves it there; `nil` when `flipAt` is, or when the set only grows (a field
  /// that comes to tie at the boundary).
  package var leaving: Int?

  package init(criterion: Int, weight: Double, flipAt: Double?, entering: Int?, leaving: Int?) {
    self.criterion = criterion
    self.weight = weight
    self.flipAt = flipAt
    self.entering = entering
    self.leaving = leaving
  }
}
