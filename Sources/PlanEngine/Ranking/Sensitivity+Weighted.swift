/// The exact flip point of the weighted sum when criterion j's weight moves (spec §8).
///
/// With the other weights rescaled, Sᵢ(w′) is linear in w′, so each field's lead over the leader,
/// D(w′) = Sᵢ(w′) − Sₜ(w′), is fixed by its ends D(0) and D(1). A field behind the leader at wⱼ
/// overtakes towards 1 if D(1) > 0 and towards 0 if D(0) > 0; the two meet at
/// w′ = D(0)/(D(0) − D(1)). Tied fields follow the rule in ``sensitivity(_:method:)``.
///
/// - Complexity: O(fields × criteria).
func weightedFlip(_ input: RankingInput, criterion j: Int, leader: Int, tied: Set<Int>)
  -> FlipCandidate?
{
  let atZero = shiftedScores(input, method: .weighted, moving: j, to: 0)
  let atOne = shiftedScores(input, method: .weighted, moving: j, to: 1)
  let current = input.weights[j]
  var candidates: [FlipCandidate] = []
  for field in atZero.indices where field != leader {
    let leadAtZero = atZero[field] - atZero[leader]
    let leadAtOne = atOne[field] - atOne[leader]
    if tied.contains(field) {
      let gain = max(leadAtZero, leadAtOne)
      if gain > scoreTieTolerance {
        candidates.append(FlipCandidate(weight: current, field: field, gain: gain))
      }
    } else if leadAtOne > 0 || leadAtZero > 0 {
      let crossing = leadAtZero / (leadAtZero - leadAtOne)
      candidates.append(
        FlipCandidate(weight: crossing, field: field, gain: max(leadAtZero, leadAtOne)))
    }
  }
  return nearestFlip(candidates, to: current)
}
