/// Weight sensitivity of the top set: for each criterion j, the nearest weight w′ in [0, 1] at
/// which the set of fields within `cutoff` (``topSet(scores:cutoff:)``) changes when wⱼ moves to
/// w′ and the other weights are rescaled by (1 − w′)/(1 − wⱼ) (spec §12; the move of §8's rank-1
/// sensitivity, ``shiftedWeights(_:moving:to:)``).
///
/// - **weighted**: every score is linear in w′ (Sᵢ(w′) = Sᵢ(0) + w′·(Sᵢ(1) − Sᵢ(0))), so the set
///   changes first where a field outside it meets a field inside it. For each such pair (k
///   outside, i inside) with D(w′) = Sₖ(w′) − Sᵢ(w′) and D(0) > 0 or D(1) > 0, the crossing is
///   w′ = D(0)/(D(0) − D(1)), exactly as ``sensitivity(_:method:)`` finds rank-1 flips; the nearest
///   crossing is the answer (until it, every inside field stays ahead of every outside one, so
///   the set cannot change; past it, k is ahead of i and within the cutoff).
/// - **topsis**: the scores are not linear in w′; as ``sensitivity(_:method:)`` does, a grid of
///   1,000 steps from wⱼ towards each end finds the first step whose top set differs, and
///   bisection narrows that step to 1e-9. A change that starts and ends between two grid points
///   is not seen.
///
/// Ties and edge cases (choices, since the spec is silent):
/// - When the boundary is tied now (more than `cutoff` fields share the ranks within it, or a
///   field outside lies within 1e-9 of one inside), a move of 1e-7 either way that changes the set
///   makes the flip wⱼ itself.
/// - Equally near flips: the lower w′; then the pair that pulls apart fastest, then the lower
///   field indices.
/// - With a single criterion, or with no more fields than `cutoff`, nothing can change: `flipAt`
///   is `nil`. (Every field may be within the cutoff by a tie: then a move that breaks the tie
///   changes the set at once.)
///
/// - Parameters:
///   - input: A well-formed decision matrix whose weights sum to 1.
///   - method: The ranking method.
///   - cutoff: How many top-ranked fields get consortia (spec §4 `plan cutoff`), ≥ 1.
/// - Returns: One result per criterion, in criterion order.
/// - Throws: ``PanelError/cutoffNotPositive(_:)``.
/// - Complexity: weighted O(criteria × (fields × criteria + |top set| × fields)); topsis
///   O(criteria × 2,000 × fields × (criteria + log fields)) at most.
package func cutoffSensitivity(_ input: RankingInput, method: RankingMethod, cutoff: Int)
  throws(PanelError) -> [CutoffSensitivityResult]
{
  guard cutoff >= 1 else { throw .cutoffNotPositive(cutoff) }
  let current = scores(input, method: method)
  let top = Set(topSet(scores: current, cutoff: cutoff))
  return (0..<input.criterionCount).map { j in
    var flip: TopSetFlip?
    // More fields than the cutoff: even when a tie puts every field within it now, a move can
    // break the tie and shrink the set.
    if input.criterionCount > 1 && input.fieldCount > cutoff {
      flip = boundaryTieFlip(input, method: method, criterion: j, cutoff: cutoff, top: top)
      if flip == nil {
        switch method {
        case .weighted: flip = weightedTopSetFlip(input, criterion: j, top: top)
        case .topsis: flip = topsisTopSetFlip(input, criterion: j, cutoff: cutoff, top: top)
        }
      }
    }
    return CutoffSensitivityResult(
      criterion: j, weight: input.weights[j], flipAt: flip?.weight, entering: flip?.entering,
      leaving: flip?.leaving)
  }
}

/// A weight at which the top set changes, with a field that enters and one that leaves.
private struct TopSetFlip {
  var weight: Double
  var entering: Int?
  var leaving: Int?
  var gain: Double
}

/// Whether `a` is preferred to `b` as the flip nearest to `current`: the nearer, then the lower
/// weight, the larger gain, the lower fields.
private func isNearer(_ a: TopSetFlip, than b: TopSetFlip, to current: Double) -> Bool {
  let (da, db) = (abs(a.weight - current), abs(b.weight - current))
  if da != db { return da < db }
  if a.weight != b.weight { return a.weight < b.weight }
  if a.gain != b.gain { return a.gain > b.gain }
  if a.entering != b.entering { return (a.entering ?? -1) < (b.entering ?? -1) }
  return (a.leaving ?? -1) < (b.leaving ?? -1)
}

/// The candidate nearest to `current` (``isNearer(_:than:to:)``).
private func nearest(_ candidates: [TopSetFlip], to current: Double) -> TopSetFlip? {
  candidates.min { isNearer($0, than: $1, to: current) }
}

/// The step that probes a tied boundary.
private let tieProbe = 1e-7

/// A flip at wⱼ itself when the boundary is tied now and a tiny move either way changes the set.
private func boundaryTieFlip(
  _ input: RankingInput, method: RankingMethod, criterion j: Int, cutoff: Int, top: Set<Int>
) -> TopSetFlip? {
  let s = scores(input, method: method)
  let lowestInside = top.map { s[$0] }.min() ?? 0
  let highestOutside = (0..<input.fieldCount).filter { !top.contains($0) }.map { s[$0] }.max()
  let tied =
    top.count > cutoff || highestOutside.map { lowestInside - $0 <= scoreTieTolerance } == true
  guard tied else { return nil }
  let w = input.weights[j]
  for probe in [w - tieProbe, w + tieProbe] where probe >= 0 && probe <= 1 {
    let moved = Set(
      topSet(scores: shiftedScores(input, method: method, moving: j, to: probe), cutoff: cutoff))
    if moved != top {
      return TopSetFlip(
        weight: w, entering: moved.subtracting(top).min(), leaving: top.subtracting(moved).min(),
        gain: 0)
    }
  }
  return nil
}

/// The exact first change of the weighted sum's top set (the pairwise crossings above).
private func weightedTopSetFlip(_ input: RankingInput, criterion j: Int, top: Set<Int>)
  -> TopSetFlip?
{
  let atZero = shiftedScores(input, method: .weighted, moving: j, to: 0)
  let atOne = shiftedScores(input, method: .weighted, moving: j, to: 1)
  let inside = top.sorted()
  var best: TopSetFlip?
  let current = input.weights[j]
  for k in 0..<input.fieldCount where !top.contains(k) {
    for i in inside {
      let leadAtZero = atZero[k] - atZero[i]
      let leadAtOne = atOne[k] - atOne[i]
      guard leadAtZero > 0 || leadAtOne > 0, leadAtZero != leadAtOne else { continue }
      let crossing = leadAtZero / (leadAtZero - leadAtOne)
      guard crossing >= 0, crossing <= 1 else { continue }
      let candidate = TopSetFlip(
        weight: crossing, entering: k, leaving: i, gain: max(leadAtZero, leadAtOne))
      if best.map({ isNearer(candidate, than: $0, to: current) }) ?? true { best = candidate }
    }
  }
  return best
}

/// Grid steps from wⱼ towards each end of [0, 1] in the TOPSIS search.
private let gridSteps = 1_000

/// Bisection stops when the bracket around a change is this narrow.
private let bisectionWidth = 1e-9

/// The first change of TOPSIS's top set towards each end: grid, then bisection.
private func topsisTopSetFlip(_ input: RankingInput, criterion j: Int, cutoff: Int, top: Set<Int>)
  -> TopSetFlip?
{
  let current = input.weights[j]
  func set(at weight: Double) -> Set<Int> {
    Set(topSet(scores: shiftedScores(input, method: .topsis, moving: j, to: weight), cutoff: cutoff))
  }
  var candidates: [TopSetFlip] = []
  for end in [0.0, 1.0] where end != current {
    var passed = current
    var bracket: (Double, Double)?
    for step in 1...gridSteps {
      if Interruption.isRequested { return nil }  // Ctrl-C in the shell: the result is not used
      let weight = current + (end - current) * Double(step) / Double(gridSteps)
      if set(at: weight) != top {
        bracket = (passed, weight)
        break
      }
      passed = weight
    }
    guard var (same, changed) = bracket else { continue }
    while abs(changed - same) > bisectionWidth {
      let middle = (same + changed) / 2
      if set(at: middle) != top { changed = middle } else { same = middle }
    }
    let moved = set(at: changed)
    candidates.append(
      TopSetFlip(
        weight: (same + changed) / 2, entering: moved.subtracting(top).min(),
        leaving: top.subtracting(moved).min(), gain: 0))
  }
  return nearest(candidates, to: current)
}
