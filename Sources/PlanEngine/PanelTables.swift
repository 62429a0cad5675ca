import PlanModel

/// A plan's expert panel (SPEC §12) as the arrays the panel core of `Panel/` works on: the experts
/// in natural ID order (the order the outlier's ties are broken in), their weights, and each
/// expert's ratings and judgements by field and criterion position (plan order, as
/// ``RankingBasis`` lays out the decision matrix).
///
/// Entities whose key names no expert, field or criterion of the plan (a plan file with a dangling
/// reference does not load; an edit cannot make one) are left out.
struct PanelTables {
  /// The experts, in natural ID order.
  let experts: [Entity]
  /// `weights[k]`: expert k's relative weight (SPEC §12: `weight` [1], > 0).
  let weights: [Double]
  /// `ratings[k][f][j]`: expert k's rating of field f on criterion j, `nil` where there is none;
  /// empty when the plan has no rating.
  let ratings: [[[Double?]]]
  /// `judgements[k][i][j]` for i < j: expert k's judgement of criterion i over criterion j (a
  /// judgement written `C2 C1` stands reciprocated at `[C1][C2]`), `nil` where there is none;
  /// empty when the plan has no judgement.
  let judgements: [[[Double?]]]

  /// - Complexity: O(experts × (fields + criteria) × criteria + ratings + judgements).
  init(_ plan: Plan, criteria: [Entity], fields: Table) {
    let experts = plan[.expert].values.sorted { NaturalOrder.less($0.id, $1.id) }
    self.experts = experts
    weights = experts.map { $0[Attr.Expert.weight]?.number ?? 1 }
    let position = Dictionary(uniqueKeysWithValues: experts.enumerated().map { ($0.element.id, $0.offset) })
    var criterionOf = PlanIndex.Resolver(plan[.criterion])
    var fieldOf = PlanIndex.Resolver(fields)
    let n = criteria.count
    if plan[.rating].isEmpty {
      ratings = []
    } else {
      var table = [[[Double?]]](
        repeating: [[Double?]](repeating: [Double?](repeating: nil, count: n), count: fields.count),
        count: experts.count)
      for rating in plan[.rating].values {
        let key = rating.key
        guard let k = position[key.a] else { continue }
        let f = Int(fieldOf(key.b)), j = Int(criterionOf(key.c))
        guard f >= 0, j >= 0 else { continue }
        table[k][f][j] = rating[Attr.Rating.value]?.number
      }
      ratings = table
    }
    if plan[.judgement].isEmpty {
      judgements = []
    } else {
      var table = [[[Double?]]](
        repeating: [[Double?]](repeating: [Double?](repeating: nil, count: n), count: n), count: experts.count)
      for judgement in plan[.judgement].values {
        let key = judgement.key
        guard let k = position[key.a], let value = judgement[Attr.Judgement.value]?.number else { continue }
        let i = Int(criterionOf(key.b)), j = Int(criterionOf(key.c))
        guard i >= 0, j >= 0, i != j else { continue }
        if i < j { table[k][i][j] = value } else { table[k][j][i] = 1 / value }
      }
      judgements = table
    }
  }

  /// Each expert's score table for their own ranking (SPEC §12): their rating, or the field's
  /// `score` where it has one ("a field's score stands for everyone"); `nil` where neither.
  func expertScores(_ scores: ScoreMatrix) -> [[[Double?]]] {
    ratings.map { table in
      table.indices.map { f in
        table[f].indices.map { j in scores.hasScore(f, j) ? scores.value(f, j) : table[f][j] }
      }
    }
  }
}
