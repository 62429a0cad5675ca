/// The TOPSIS closeness scores (Technique for Order Preference by Similarity to Ideal Solution,
/// Hwang & Yoon 1981), as spec §8 states them.
///
/// 1. Vector normalisation per criterion: rᵢⱼ = xᵢⱼ/√(Σᵢ xᵢⱼ²). A column whose scores are all
///    zero has norm 0; its rᵢⱼ are taken as 0, so it neither divides by zero nor tells fields apart.
/// 2. Weighting: vᵢⱼ = wⱼ·rᵢⱼ.
/// 3. Ideal vⱼ⁺ and anti-ideal vⱼ⁻ per criterion: the largest and smallest vᵢⱼ for a benefit
///    criterion, the smallest and largest for a cost criterion.
/// 4. Euclidean distances dᵢ⁺ = √(Σⱼ (vᵢⱼ − vⱼ⁺)²) and dᵢ⁻ = √(Σⱼ (vᵢⱼ − vⱼ⁻)²).
/// 5. Closeness Cᵢ = dᵢ⁻/(dᵢ⁺ + dᵢ⁻), and 0.5 where dᵢ⁺ + dᵢ⁻ = 0 (every field alike).
///
/// TOPSIS normalises by the observed scores, not the declared scale, so unlike the weighted sum
/// adding a field can reorder the others.
///
/// - Parameter input: A well-formed decision matrix.
/// - Returns: `scores[i]` = Cᵢ (dimensionless, 0...1) and `contributions[i][j]` = vᵢⱼ, the
///   weighted normalised value.
/// - Complexity: O(fields × criteria).
package func topsis(_ input: RankingInput) -> ScoreTable {
  precondition(input.isWellFormed, "RankingInput arrays disagree in shape")
  let criteria = 0..<input.criterionCount
  let norms = criteria.map { j in
    input.scores.reduce(0.0) { $0 + $1[j] * $1[j] }.squareRoot()
  }
  let weighted = input.scores.map { row in
    criteria.map { j in norms[j] > 0 ? input.weights[j] * row[j] / norms[j] : 0 }
  }
  var ideal = [Double](repeating: 0, count: input.criterionCount)
  var antiIdeal = ideal
  for j in criteria {
    let column = weighted.map { $0[j] }
    let best = column.max() ?? 0
    let worst = column.min() ?? 0
    switch input.directions[j] {
    case .benefit: (ideal[j], antiIdeal[j]) = (best, worst)
    case .cost: (ideal[j], antiIdeal[j]) = (worst, best)
    }
  }
  let closeness = weighted.map { row in
    let toIdeal = distance(row, ideal)
    let toAntiIdeal = distance(row, antiIdeal)
    let total = toIdeal + toAntiIdeal
    return total > 0 ? toAntiIdeal / total : 0.5
  }
  return ScoreTable(scores: closeness, contributions: weighted)
}

/// The Euclidean distance between two points of the same dimension.
private func distance(_ a: [Double], _ b: [Double]) -> Double {
  zip(a, b).reduce(0.0) { sum, pair in
    let d = pair.0 - pair.1
    return sum + d * d
  }.squareRoot()
}
