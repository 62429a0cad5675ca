/// The fields within `cutoff`: those whose rank is at most `cutoff`, so a tie at the boundary
/// brings in every tied field (ranks 1, 2, 2 with cutoff 2 give three fields).
///
/// - Parameters:
///   - ranking: A ranking from ``rank(_:method:)``.
///   - cutoff: How many top-ranked fields get consortia (spec §4 `plan cutoff`).
/// - Returns: The fields' input indices, ascending.
package func topSet(_ ranking: [RankedField], cutoff: Int) -> [Int] {
  ranking.filter { $0.rank <= cutoff }.map(\.index).sorted()
}

/// The fields within `cutoff` of a ranking by `scores` (as ``sharedRanks(_:tolerance:)`` ranks
/// them): what ``topSet(_:cutoff:)`` gives for ``rank(_:method:)`` of those scores, without
/// building the ranking's rows.
/// - Returns: The fields' input indices, ascending.
/// - Complexity: O(n log n) for n fields.
package func topSet(scores: [Double], cutoff: Int) -> [Int] {
  let ranks = sharedRanks(scores)
  return scores.indices.filter { ranks[$0] <= cutoff }
}

/// The scores of every field under one ranking method: the `scores` of
/// ``evaluate(_:method:)``, computed the same way, without the weighted sum's contributions.
/// - Complexity: O(fields × criteria).
package func scores(_ input: RankingInput, method: RankingMethod) -> [Double] {
  switch method {
  case .weighted: weightedScores(input)
  case .topsis: topsis(input).scores
  }
}

/// Sᵢ = Σⱼ wⱼ·nᵢⱼ as ``weightedSum(_:)`` computes it (the same operations in the same order, so
/// the same values to the last bit), one row at a time.
/// - Complexity: O(fields × criteria).
package func weightedScores(_ input: RankingInput) -> [Double] {
  precondition(input.isWellFormed, "RankingInput arrays disagree in shape")
  let criteria = 0..<input.criterionCount
  let (low, high, weights, directions) = (input.scaleMin, input.scaleMax, input.weights, input.directions)
  return input.scores.map { row in
    var sum = 0.0
    for j in criteria {
      let span = high[j] - low[j]
      let normalised: Double
      if !(span > 0) {
        normalised = 0
      } else {
        switch directions[j] {
        case .benefit: normalised = (row[j] - low[j]) / span
        case .cost: normalised = (high[j] - row[j]) / span
        }
      }
      sum += weights[j] * normalised
    }
    return sum
  }
}

/// The single-weight moves of ±`relativeChange` that change the top-`cutoff` set (rule R08).
///
/// For each criterion j, wⱼ moves to wⱼ·(1 − relativeChange) and to wⱼ·(1 + relativeChange),
/// clamped to [0, 1], the others rescaled (``shiftedWeights(_:moving:to:)``); each move whose
/// ``topSet(_:cutoff:)`` differs from the current one is reported. The change is relative to the
/// weight (±10% of 0.30 is 0.27 and 0.33), not ±0.10 absolute. A weight of 0, or a single
/// criterion, cannot move and is skipped.
///
/// - Parameters:
///   - input: A well-formed decision matrix whose weights sum to 1.
///   - method: The ranking method.
///   - cutoff: How many top-ranked fields get consortia.
///   - relativeChange: The relative move of one weight (0.10 = ±10%).
/// - Returns: The moves that change the top set: criterion order, the lower weight first.
/// - Complexity: 2 × criteria rankings.
package func topSetChanges(
  _ input: RankingInput,
  method: RankingMethod,
  cutoff: Int,
  relativeChange: Double = 0.10
) -> [TopSetChange] {
  guard input.criterionCount > 1 else { return [] }
  let current = Set(topSet(scores: scores(input, method: method), cutoff: cutoff))
  var changes: [TopSetChange] = []
  for j in 0..<input.criterionCount {
    for factor in [1 - relativeChange, 1 + relativeChange] {
      let moved = min(1, max(0, input.weights[j] * factor))
      guard moved != input.weights[j] else { continue }
      let shifted = input.withWeights(shiftedWeights(input.weights, moving: j, to: moved))
      let top = Set(topSet(scores: scores(shifted, method: method), cutoff: cutoff))
      if top != current {
        changes.append(
          TopSetChange(
            criterion: j,
            weight: moved,
            entered: top.subtracting(current).sorted(),
            left: current.subtracting(top).sorted()
          )
        )
      }
    }
  }
  return changes
}

/// Whether the top-`cutoff` set survives every single-weight move of ±`relativeChange` (rule R08);
/// see ``topSetChanges(_:method:cutoff:relativeChange:)``.
package func topSetIsStable(
  _ input: RankingInput,
  method: RankingMethod,
  cutoff: Int,
  relativeChange: Double = 0.10
) -> Bool {
  topSetChanges(input, method: method, cutoff: cutoff, relativeChange: relativeChange).isEmpty
}
