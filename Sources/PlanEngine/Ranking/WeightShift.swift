/// The weights after criterion `criterion`'s weight moves to `newWeight`, the others rescaled so
/// that the weights still sum to 1 (spec §8, sensitivity).
///
/// Each other weight wₖ becomes wₖ·(1 − w′)/(1 − wⱼ), which keeps their proportions. When wⱼ is 1
/// (within 1e-12) the others are all 0 and have no proportions to keep; then 1 − w′ is shared
/// equally among them. (With direct weighting this happens only for an invalid plan, since rule
/// R01 makes every weight positive; AHP weights are always positive.)
///
/// The weights stay linear in w′ either way, so every weighted-sum score is linear in w′.
///
/// - Parameters:
///   - weights: The current weights, summing to 1; at least two of them.
///   - criterion: The index j of the weight that moves.
///   - newWeight: The new weight w′, in 0...1.
/// - Returns: The moved weights, in criterion order.
/// - Complexity: O(criteria).
package func shiftedWeights(_ weights: [Double], moving criterion: Int, to newWeight: Double)
  -> [Double]
{
  precondition(weights.count > 1, "a single weight cannot move")
  let rest = 1 - weights[criterion]
  let equalShare = (1 - newWeight) / Double(weights.count - 1)
  var result = weights.map { rest > fullWeightTolerance ? $0 * (1 - newWeight) / rest : equalShare }
  result[criterion] = newWeight
  return result
}

/// A weight this close to 1 leaves nothing to rescale (see ``shiftedWeights(_:moving:to:)``).
private let fullWeightTolerance = 1e-12
