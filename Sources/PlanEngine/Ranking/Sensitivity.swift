/// Weight sensitivity of the rank-1 field: for each criterion j, the nearest weight w′ in [0, 1]
/// at which the rank-1 field changes when wⱼ moves to w′ and the other weights are rescaled by
/// (1 − w′)/(1 − wⱼ) (spec §8; ``shiftedWeights(_:moving:to:)``).
///
/// The leader is the first field of ``rank(_:method:)``. Another field overtakes it at w′ when its
/// score rises above the leader's there; the flip point reported is where the two scores meet.
///
/// - **weighted**: every score is linear in w′, so each crossing is exact:
///   w′ = D(0)/(D(0) − D(1)), where D(w′) is the other field's score minus the leader's.
/// - **topsis**: the scores are not linear in w′; a grid of 1,000 steps from wⱼ towards each end
///   finds the first step where another field leads, and bisection narrows that step to 1e-9.
///   An overtaking that starts and ends between two grid points is not seen.
///
/// Ties and edge cases (choices, since the spec is silent):
/// - A field that already shares rank 1 with the leader (within 1e-9) makes the rank-1 field
///   contested: if it gets ahead of the leader by more than 1e-9 anywhere in [0, 1] (for topsis:
///   at a grid point), the flip is at wⱼ itself. If it stays tied (e.g. an identical score row) or
///   falls behind, it gives no flip: weights cannot tell the two apart in its favour.
/// - Where two flips lie equally far from wⱼ, the lower w′ is reported; where several fields
///   overtake at the same w′, the one that pulls ahead fastest, then the first in input order.
/// - With a single criterion the weight cannot move: `flipAt` is `nil`. A weight of 1 shares
///   1 − w′ equally among the other criteria (see ``shiftedWeights(_:moving:to:)``).
///
/// - Parameters:
///   - input: A well-formed decision matrix whose weights sum to 1.
///   - method: The ranking method whose rank-1 field is watched.
/// - Returns: One result per criterion, in criterion order; empty when there are no fields.
/// - Complexity: weighted O(fields × criteria²); topsis O(fields × criteria² × 2,000) at most.
package func sensitivity(_ input: RankingInput, method: RankingMethod) -> [SensitivityResult] {
  let ranking = rank(input, method: method)
  guard let leader = ranking.first?.index else { return [] }
  let tied = Set(ranking.dropFirst().filter { $0.rank == 1 }.map(\.index))
  return (0..<input.criterionCount).map { j in
    var flip: FlipCandidate?
    if input.criterionCount > 1 {
      switch method {
      case .weighted: flip = weightedFlip(input, criterion: j, leader: leader, tied: tied)
      case .topsis: flip = topsisFlip(input, criterion: j, leader: leader, tied: tied)
      }
    }
    return SensitivityResult(
      criterion: j,
      weight: input.weights[j],
      leader: leader,
      flipAt: flip?.weight,
      overtakenBy: flip?.field
    )
  }
}

/// The scores after criterion j's weight moves to `weight`, the others rescaled
/// (``shiftedWeights(_:moving:to:)``).
func shiftedScores(
  _ input: RankingInput, method: RankingMethod, moving j: Int, to weight: Double
) -> [Double] {
  evaluate(input.withWeights(shiftedWeights(input.weights, moving: j, to: weight)), method: method)
    .scores
}

/// A weight at which `field` overtakes the leader; `gain` measures how fast it pulls ahead, to
/// choose between fields that overtake at the same weight.
struct FlipCandidate: Equatable {
  var weight: Double
  var field: Int
  var gain: Double
}

/// The candidate nearest to `current`: then the lower weight, the larger gain, the lower field.
func nearestFlip(_ candidates: [FlipCandidate], to current: Double) -> FlipCandidate? {
  candidates.min { a, b in
    let (da, db) = (abs(a.weight - current), abs(b.weight - current))
    if da != db { return da < db }
    if a.weight != b.weight { return a.weight < b.weight }
    if a.gain != b.gain { return a.gain > b.gain }
    return a.field < b.field
  }
}
