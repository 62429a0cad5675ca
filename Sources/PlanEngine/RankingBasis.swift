import PlanLanguage
import PlanModel

/// A plan's decision matrix and weights, ready for the ranking functions of `Ranking/`: what
/// `rank`, the exports and rules R07–R10 start from.
struct RankingBasis {
  /// Criteria in plan order (the matrix's columns).
  let criteria: [Entity]
  /// Fields in plan order (the matrix's rows).
  let fields: [Entity]
  /// Scores, scales, directions and weights.
  let input: RankingInput
  /// The AHP weights and consistency with `weighting ahp`; `nil` with direct weights.
  let ahp: AHPResult?

  /// Builds the matrix, or throws why the plan cannot be ranked.
  ///
  /// A ranking needs criteria and fields, and is refused where validation finds an error in what
  /// it is computed from — R01 (direct weights), R02 (scales and scores), R03 (AHP judgements),
  /// R05 (missing scores) and more than 15 criteria under AHP (R04). An inconsistent set of AHP
  /// judgements (CR > 0.10) is not refused: the planner needs the ranking and its CR to mend it.
  /// - Throws: the first blocking finding (in file order), its message prefixed "cannot rank",
  ///   with a note counting the others.
  init(_ c: RuleContext) throws(Diagnostic) {
    let criteria = c.criteria
    let fields = Array(c.plan[.field].values)
    self.criteria = criteria
    self.fields = fields
    guard !criteria.isEmpty else { throw Self.cannotRank(.noCriteria) }
    guard !fields.isEmpty else { throw Self.cannotRank(.noFields) }
    if c.plan.weighting == "ahp", criteria.count > ahpMaxCriteria,
      let tooMany = c.findings(of: RankingRules.r04).first
    {
      throw Self.cannotRank(tooMany, others: 0)
    }
    let blocking = [RankingRules.r01, RankingRules.r02, RankingRules.r03, RankingRules.r05, PanelRules.r43]
      .flatMap { c.findings(of: $0) }
      .filter { $0.severity == .error }.sorted(by: Diagnostic.sortKey)
    if let first = blocking.first { throw Self.cannotRank(first, others: blocking.count - 1) }

    let scores = c.scores
    let scales = criteria.map { $0[Attr.Criterion.scale]?.range ?? (1, 10) }
    var input = RankingInput(
      fieldIDs: fields.map(\.id),
      criterionIDs: criteria.map(\.id),
      directions: criteria.map { $0[Attr.Criterion.type]?.choice == "cost" ? .cost : .benefit },
      scaleMin: scales.map(\.0),
      scaleMax: scales.map(\.1),
      weights: criteria.map { $0[Attr.Criterion.weight]?.number ?? 0 },
      scores: fields.indices.map { f in criteria.indices.map { scores.value(f, $0) } })
    switch c.plan.weighting {
    case "ahp":
      guard let ahp = c.ahp else { throw Self.cannotRank(.ahpFailed) }
      input.weights = ahp.weights
      self.ahp = ahp
    case "entropy":
      // Objective weights from the scores (SPEC §12); m ≥ 2 fields.
      guard let weights = try? entropyWeights(input) else { throw Self.cannotRank(.entropyOneField) }
      input.weights = weights
      ahp = nil
    default:
      ahp = nil
    }
    self.input = input
  }

  /// Why there is no ranking at all.
  private enum Gap {
    case noCriteria, noFields, ahpFailed, entropyOneField

    var text: LocalizedText {
      switch self {
      case .noCriteria:
        RankingText.noCriteria
      case .noFields:
        RankingText.noFields
      case .ahpFailed:
        RankingText.ahpFailed
      case .entropyOneField:
        RankingText.entropyOneField
      }
    }
  }

  private static func cannotRank(_ gap: Gap) -> Diagnostic {
    .error(.commandFailed(RankingText.cannotRank(gap.text)), at: nil)
  }

  private static func cannotRank(_ finding: Diagnostic, others: Int) -> Diagnostic {
    var d = finding
    d.message = RankingText.cannotRank(finding.message)
    if others > 0 {
      d.notes.append(RankingText.moreProblems(others))
    }
    return d
  }
}
