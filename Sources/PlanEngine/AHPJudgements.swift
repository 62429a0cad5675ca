import PlanModel

/// The `compare` judgements of a plan as an AHP comparison matrix in criterion (plan) order.
///
/// Exists only when the matrix is usable for weights as rule R03 demands: `weighting ahp`, 1 to 15
/// criteria, every pair judged in one order or the other, every judgement a Saaty value. The
/// unjudged direction is the reciprocal; the diagonal is 1.
struct AHPJudgements {
  /// `matrix[i][j]`: how many times criterion i is more important than criterion j.
  let matrix: [[Double]]

  init?(_ plan: Plan, criteria: [Entity]) {
    let n = criteria.count
    guard plan.weighting == "ahp", n >= 1, n <= ahpMaxCriteria else { return nil }
    let compares = plan[.compare]
    var matrix = Array(repeating: Array(repeating: 1.0, count: n), count: n)
    for i in 0..<n {
      for j in (i + 1)..<n {
        let (a, b) = (criteria[i].id, criteria[j].id)
        let value: Double
        if let forward = compares[EntityKey(a, b)]?[Attr.Compare.value]?.number {
          value = forward
        } else if let backward = compares[EntityKey(b, a)]?[Attr.Compare.value]?.number {
          value = 1 / backward
        } else {
          return nil
        }
        guard RankingRules.isSaaty(value) else { return nil }
        matrix[i][j] = value
        matrix[j][i] = 1 / value
      }
    }
    self.matrix = matrix
  }

  /// The weights and consistency (``ahpWeights(_:)``); `nil` only if power iteration fails.
  var result: AHPResult? { try? ahpWeights(matrix) }
}
