/// How far one criterion's weight can move before the rank-1 field changes (spec §8).
package struct SensitivityResult: Sendable, Equatable {
  /// The index j of the criterion whose weight moves.
  package var criterion: Int
  /// Its current weight wⱼ.
  package var weight: Double
  /// The current rank-1 field (its index in the input; the first in input order if several
  /// share rank 1).
  package var leader: Int
  /// The weight w′ in 0...1 nearest to wⱼ, in either direction, at which another field overtakes
  /// the leader; `nil` (shown as `none`) when no w′ in 0...1 changes the rank-1 field.
  package var flipAt: Double?
  /// The field that takes rank 1 just past `flipAt`; `nil` when `flipAt` is.
  package var overtakenBy: Int?

  package init(criterion: Int, weight: Double, leader: Int, flipAt: Double?, overtakenBy: Int?) {
    self.criterion = criterion
    self.weight = weight
    self.leader = leader
    self.flipAt = flipAt
    self.overtakenBy = overtakenBy
  }
}
