/// Scores normalised by each criterion's declared scale so that 1 is best and 0 is worst.
///
/// nᵢⱼ = (xᵢⱼ − mⱼ)/(Mⱼ − mⱼ) for a benefit criterion and (Mⱼ − xᵢⱼ)/(Mⱼ − mⱼ) for a cost
/// criterion (spec §8). Normalising by the declared scale rather than by the observed extremes
/// means that adding a field never reorders the others.
///
/// A degenerate scale (Mⱼ ≤ mⱼ, which validation rule R02 reports) gives nᵢⱼ = 0 for every field
/// instead of dividing by zero or by a negative span.
///
/// - Parameter input: A well-formed decision matrix.
/// - Returns: `n[i][j]`, dimensionless, in 0...1 when every score lies on its scale.
/// - Complexity: O(fields × criteria).
package func scaleNormalised(_ input: RankingInput) -> [[Double]] {
  precondition(input.isWellFormed, "RankingInput arrays disagree in shape")
  return input.scores.map { row in
    row.indices.map { j in
      let low = input.scaleMin[j]
      let span = input.scaleMax[j] - low
      guard span > 0 else { return 0 }
      switch input.directions[j] {
      case .benefit: return (row[j] - low) / span
      case .cost: return (input.scaleMax[j] - row[j]) / span
      }
    }
  }
}

/// The weighted-sum scores: Sᵢ = Σⱼ wⱼ·nᵢⱼ with nᵢⱼ from ``scaleNormalised(_:)`` (spec §8).
///
/// - Parameter input: A well-formed decision matrix.
/// - Returns: `scores[i]` = Sᵢ and `contributions[i][j]` = wⱼ·nᵢⱼ; dimensionless, in 0...1 for
///   valid input.
/// - Complexity: O(fields × criteria).
package func weightedSum(_ input: RankingInput) -> ScoreTable {
  let normalised = scaleNormalised(input)
  let contributions = normalised.map { row in
    row.indices.map { j in input.weights[j] * row[j] }
  }
  return ScoreTable(
    scores: contributions.map { $0.reduce(0, +) },
    contributions: contributions
  )
}
