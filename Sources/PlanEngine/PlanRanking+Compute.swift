import PlanLanguage
import PlanModel

extension PlanRanking {
  /// Ranks the plan's fields (SPEC §8).
  ///
  /// - Parameters:
  ///   - method: `weighted` or `topsis`; `nil` takes the plan's `method`.
  ///   - sensitivity: also compute, per criterion, the weight at which the rank-1 field changes.
  /// - Returns: Rows by rank (ties share the best rank of their group, in plan order), the weights
  ///   (direct, or the AHP eigenvector with its consistency).
  /// - Throws: A ``Diagnostic`` when the plan cannot be ranked: no criteria or fields, an unknown
  ///   method, or an error of rule R01, R02, R03 or R05, or more than 15 criteria under AHP (the
  ///   finding itself, located at its entity, see ``RankingBasis``).
  /// - Complexity: O(fields × criteria) for the ranking; sensitivity adds O(fields × criteria²)
  ///   (weighted) or a bounded search (topsis).
  ///   - robustness: also sample the weights (SPEC §12) with these options, and with a `cutoff`
  ///     compute the cutoff sensitivity too (only then: the exports and `rank --sensitivity` stay
  ///     as they were).
  package static func compute(
    _ plan: Plan, method: String?, sensitivity: Bool, robustness: RobustnessOptions? = nil
  ) throws(Diagnostic) -> PlanRanking {
    let name = (method ?? plan.method).lowercased()
    guard let method = RankingMethod(rawValue: name) else {
      let names = RankingMethod.allCases.map(\.rawValue)
      throw .error(
        .badEnumValue(name, attribute: "method", allowed: names, suggestion: Suggestion.nearest(name, in: names)),
        at: nil)
    }
    let context = RuleContext(plan)
    let basis = try context.basis.get()
    var ranking = PlanRanking(basis, method: method, sensitivity: sensitivity)
    ranking.cutoff = plan.cutoff
    ranking.weighting = plan.weighting.lowercased()
    if let (experts, consensus) = panel(context, basis: basis, method: method) {
      ranking.experts = experts
      ranking.consensus = consensus
    }
    if let cutoff = plan.cutoff, robustness != nil {
      ranking.cutoffSensitivity = cutoffFlips(basis, method: method, cutoff: cutoff)
    }
    if let robustness {
      ranking.robustness = try Self.robustness(
        basis, method: method, cutoff: plan.cutoff, options: robustness, rows: ranking.rows)
    }
    return ranking
  }

  /// The ranking of `basis` under `method`.
  init(_ basis: RankingBasis, method: RankingMethod, sensitivity: Bool) {
    let input = basis.input
    let names = basis.fields.map { $0.name ?? $0.id }
    self.init(
      method: method.rawValue,
      criteria: input.criterionIDs,
      weights: input.weights,
      consistency: basis.ahp.map { Consistency(lambdaMax: $0.lambdaMax, ci: $0.ci, ri: $0.ri, cr: $0.cr) },
      rows: rank(input, method: method).map { ranked in
        Row(
          rank: ranked.rank, field: input.fieldIDs[ranked.index], name: names[ranked.index], score: ranked.score,
          contributions: ranked.contributions)
      },
      sensitivity: !sensitivity
        ? nil
        : PlanEngine.sensitivity(input, method: method).map { result in
          Sensitivity(
            criterion: input.criterionIDs[result.criterion], weight: result.weight, flipAt: result.flipAt,
            overtakenBy: result.overtakenBy.map { input.fieldIDs[$0] })
        })
  }
}
