/// Grid steps from wⱼ towards each end of [0, 1] in the TOPSIS flip search.
private let gridSteps = 1_000

/// Bisection stops when the bracket around a flip is this narrow.
private let bisectionWidth = 1e-9

/// The flip point of TOPSIS when criterion j's weight moves, by bounded numeric search: a grid of
/// 1,000 steps from wⱼ towards 0 and towards 1, then bisection to 1e-9 inside the first step at
/// which a field that was behind the leader is ahead of it (spec §8). Tied fields follow the rule
/// in ``sensitivity(_:method:)``.
///
/// - Complexity: O(fields × criteria × 2,000) TOPSIS evaluations' work at most, plus about 20
///   evaluations per bisection.
func topsisFlip(_ input: RankingInput, criterion j: Int, leader: Int, tied: Set<Int>)
  -> FlipCandidate?
{
  let current = input.weights[j]
  let others = (0..<input.fieldCount).filter { $0 != leader && !tied.contains($0) }

  func scores(at weight: Double) -> [Double] {
    shiftedScores(input, method: .topsis, moving: j, to: weight)
  }
  /// The field behind the leader at wⱼ that leads it by the most at these scores, if any does.
  func challenger(_ s: [Double]) -> FlipCandidate? {
    others
      .filter { s[$0] > s[leader] }
      .map { FlipCandidate(weight: 0, field: $0, gain: s[$0] - s[leader]) }
      .min { $0.gain != $1.gain ? $0.gain > $1.gain : $0.field < $1.field }
  }

  var candidates: [FlipCandidate] = []
  for end in [0.0, 1.0] where end != current {
    var passed = current
    var bracket: (Double, Double)?
    for step in 1...gridSteps {
      if Interruption.isRequested { return nil }  // Ctrl-C in the shell: the result is not used
      let weight = current + (end - current) * Double(step) / Double(gridSteps)
      let s = scores(at: weight)
      for field in tied.sorted() where s[field] - s[leader] > scoreTieTolerance {
        return FlipCandidate(weight: current, field: field, gain: s[field] - s[leader])
      }
      if bracket == nil {
        if challenger(s) != nil { bracket = (passed, weight) } else { passed = weight }
      }
      if bracket != nil && tied.isEmpty { break }
    }
    guard var (behind, ahead) = bracket else { continue }
    while abs(ahead - behind) > bisectionWidth {
      let middle = (behind + ahead) / 2
      if challenger(scores(at: middle)) != nil { ahead = middle } else { behind = middle }
    }
    if var flip = challenger(scores(at: ahead)) {
      flip.weight = (behind + ahead) / 2
      candidates.append(flip)
    }
  }
  return nearestFlip(candidates, to: current)
}
