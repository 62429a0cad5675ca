import PlanLanguage
import PlanModel

/// What the rules look at: the plan, its indexes and the results several rules share (the AHP
/// weights, the ranking), each computed at most once per validation.
final class RuleContext {
  let plan: Plan

  init(_ plan: Plan) {
    self.plan = plan
  }

  /// A context whose ranking rules' results are already known (``ValidationCache``): `ranking`
  /// is the plan's ranking as an earlier context over an equal ranking basis computed it.
  convenience init(_ plan: Plan, ranking: PlanRanking?) {
    self.init(plan)
    self.ranking = ranking
  }

  /// Entities grouped by the entity they belong to, with the facts the shard rules read; built
  /// on first use, unless given (``Validator/run(_:into:early:)`` builds it on two threads).
  var index: PlanIndex {
    get {
      if let builtIndex { return builtIndex }
      let index = PlanIndex(plan, phases: phases)
      builtIndex = index
      return index
    }
    set { builtIndex = newValue }
  }
  private var builtIndex: PlanIndex?

  /// The phases in chronological order; built on first use.
  private(set) lazy var phases = PhaseOrder(plan)

  /// Each consortium's field position (`-1`: none, or no such field), by consortium position
  /// (rules R09, R10).
  /// - Complexity: O(consortia).
  private(set) lazy var consortiumField: [Int32] = {
    let consortia = plan[.consortium].values.elements
    return consortia.withUnsafeBufferPointer { consortia in
      PlanIndex.resolve(plan[.field], consortia.count) { consortia[$0][Attr.Consortium.field]?.ref }
    }
  }()

  /// Whether some consortium belongs to the field, by field position (rule R10).
  /// - Complexity: O(consortia).
  private(set) lazy var fieldHasConsortium: [Bool] = {
    var has = [Bool](repeating: false, count: plan[.field].count)
    for f in consortiumField where f >= 0 { has[Int(f)] = true }
    return has
  }()

  /// Each field's rank in ``ranking`` (`nil` where there is none), by field position (rules
  /// R09, R10).
  /// - Complexity: O(fields).
  private(set) lazy var rankByField: [Int?] = {
    var ranks = [Int?](repeating: nil, count: plan[.field].count)
    guard let ranking else { return ranks }
    let fields = plan[.field]
    for row in ranking.rows {
      if let f = fields.index(forKey: EntityKey(row.field)) { ranks[f] = row.rank }
    }
    return ranks
  }()

  /// The `after` links between goals; built on first use (with the index's goal phases when
  /// the index is built).
  private(set) lazy var goalGraph = builtIndex.map { GoalGraph(plan, index: $0) } ?? GoalGraph(plan, phases: phases)

  /// The plan's criteria in plan order.
  private(set) lazy var criteria: [Entity] = Array(plan[.criterion].values)

  /// The scores of every field on every criterion (rule R05, the ranking basis): a field's
  /// `score`, else the aggregate of the experts' ratings (SPEC §12); built on first use.
  private(set) lazy var scores = ScoreMatrix(plan, panel: panel)

  /// The expert panel (SPEC §12) as arrays; `nil` when the plan has no expert.
  private(set) lazy var panel: PanelTables? =
    plan[.expert].isEmpty ? nil : PanelTables(plan, criteria: criteria, fields: plan[.field])

  /// The group AHP of the experts' judgements (SPEC §12, AIJ), when the plan has judgements and
  /// 1 to 15 criteria and every judgement is positive; `nil` otherwise.
  private(set) lazy var groupAHP: GroupAHPResult? = {
    guard let panel, !panel.judgements.isEmpty, (1...ahpMaxCriteria).contains(criteria.count) else { return nil }
    return try? PlanEngine.groupAHP(panel.judgements, expertWeights: panel.weights)
  }()

  /// The panel's agreement (SPEC §12: each expert's own ranking, Kendall's W, Spearman's ρ, the
  /// outlier) on the trusted basis under the plan's `method`, when at least two experts and some
  /// ratings exist; `nil` otherwise.
  private(set) lazy var agreement: PanelAgreement? = {
    guard let panel, !panel.ratings.isEmpty, panel.experts.count >= 2, let basis = trustedBasis else { return nil }
    return panelAgreement(
      basis.input, method: RankingMethod(rawValue: plan.method) ?? .weighted, expertScores: panel.expertScores(scores))
  }()

  /// AHP weights from the `compare` judgements, when `weighting ahp` and the judgements form a
  /// complete matrix of Saaty values for 1 to 15 criteria (rule R03 clean); `nil` otherwise.
  /// With `judgement`s instead (SPEC §12), the group's weights from their aggregation
  /// (``groupAHP``), when every pair is judged by someone and every judgement is a Saaty value.
  private(set) lazy var ahp: AHPResult? = {
    guard plan[.judgement].isEmpty else {
      guard plan.weighting == "ahp", plan[.compare].isEmpty,
        plan[.judgement].values.allSatisfy({ RankingRules.isSaaty($0[Attr.Judgement.value]?.number ?? 0) })
      else { return nil }
      return groupAHP?.group
    }
    return AHPJudgements(plan, criteria: criteria)?.result
  }()

  /// The findings of each ranking rule that ran (by code): R01, R02, R03 and R05 decide
  /// whether there is a ranking (``basis``) and report their findings too, computed once.
  private var findingsByRule: [String: [Diagnostic]] = [:]

  /// The findings of `rule`, computed at most once per context.
  func findings(of rule: Rule) -> [Diagnostic] {
    if let found = findingsByRule[rule.code] { return found }
    let found = rule.check(self)
    findingsByRule[rule.code] = found
    return found
  }

  /// The decision matrix of the plan, or why there is none (the first blocking finding).
  private(set) lazy var basis: Result<RankingBasis, Diagnostic> = Result { () throws(Diagnostic) in
    try RankingBasis(self)
  }

  /// The decision matrix when the ranking can be trusted for rules R07–R10: it exists (no
  /// R01/R02/R03/R05 error) and, with AHP, the judgements are consistent (no R04 error).
  var trustedBasis: RankingBasis? {
    guard case .success(let basis) = basis else { return nil }
    if let ahp = basis.ahp, basis.input.criterionCount >= 3, ahp.cr > plan.crMax { return nil }
    return basis
  }

  /// The plan's ranking (its own `method`) on the trusted basis; `nil` where ``trustedBasis`` is.
  lazy var ranking: PlanRanking? = trustedBasis.map {
    PlanRanking($0, method: RankingMethod(rawValue: plan.method) ?? .weighted, sensitivity: false)
  }

  /// A finding of rule `message.code` at `entity`'s statement, with the rule's default severity
  /// unless `severity` is given (R27 has two).
  func report(_ message: Message, at entity: Entity, severity: Diagnostic.Severity? = nil) -> Diagnostic {
    report(message, at: entity.location, severity: severity)
  }

  /// A finding of rule `message.code` at `location` (a `set plan` statement, say).
  func report(_ message: Message, at location: SourceLocation?, severity: Diagnostic.Severity? = nil) -> Diagnostic {
    var text = message.text
    // A label `K1（名称）` needs no space before the Chinese text that follows it.
    text.zh = text.zh.replacing("） ", with: "）")
    return Diagnostic(
      severity ?? RuleCatalog.severity(message.code), code: message.code, message: text, at: location,
      length: statementVerbLength, notes: message.notes)
  }

  /// The caret under a validation finding marks the statement's verb (`add`, `set`).
  private var statementVerbLength: Int { 3 }

  /// Of `entities`, the one whose statement comes last: the place a finding about a whole set
  /// (the weights' sum, the tags' coverage) is reported, since that statement most recently
  /// defined or changed a member of the set.
  func latest(_ entities: some Sequence<Entity>) -> Entity? {
    entities.max { $0.location < $1.location }
  }
}

/// The scores of a plan's fields on its criteria, by field and criterion position, read in one
/// pass over the score table (instead of a lookup by key per field and criterion).
struct ScoreMatrix {
  private let criteria: Int
  /// Field-major: `present[f * criteria + j]`, whether field `f` has a score on criterion `j`.
  private let present: [Bool]
  /// Field-major: the value of each score (0 where there is none, or it has no value).
  private let values: [Double]
  /// How many pairs of field and criterion have no score.
  let missing: Int

  /// Cells without a `score` that have experts' ratings: field-major, whether the cell's value
  /// is their aggregate (SPEC §12); empty when the plan has no rating.
  private let aggregated: [Bool]

  /// - Parameter panel: the plan's expert panel; a cell without a `score` takes the aggregate of
  ///   its ratings (``aggregateRatings(_:expertWeights:by:)`` by `rating-aggregate`). A cell whose
  ///   ratings cannot be aggregated (a rating ≤ 0 under `geomean`: R43) counts as scored, at 0;
  ///   R43's error then keeps the plan from being ranked.
  /// - Complexity: O(scores + fields × criteria), plus O(experts × fields × criteria) with ratings.
  init(_ plan: Plan, panel: PanelTables? = nil) {
    let criteria = plan[.criterion].count
    var present = [Bool](repeating: false, count: plan[.field].count * criteria)
    var values = [Double](repeating: 0, count: present.count)
    var fieldOf = PlanIndex.Resolver(plan[.field])
    var criterionOf = PlanIndex.Resolver(plan[.criterion])
    var found = 0
    plan[.score].values.elements.withUnsafeBufferPointer { scores in
      for i in scores.indices {
        let f = fieldOf(scores[i].key.a), j = criterionOf(scores[i].key.b)
        guard f >= 0, j >= 0, scores[i].key.c.isEmpty else { continue }
        let cell = Int(f) * criteria + Int(j)
        if !present[cell] { found += 1 }
        present[cell] = true
        values[cell] = scores[i][Attr.Score.value]?.number ?? 0
      }
    }
    var aggregated: [Bool] = []
    if let panel, !panel.ratings.isEmpty {
      aggregated = [Bool](repeating: false, count: present.count)
      let method = RatingAggregate(rawValue: plan.ratingAggregate) ?? .mean
      for cell in present.indices where !present[cell] {
        let (f, j) = cell.quotientAndRemainder(dividingBy: criteria)
        var ratings: [Double] = []
        var weights: [Double] = []
        for k in panel.ratings.indices {
          guard let rating = panel.ratings[k][f][j] else { continue }
          ratings.append(rating)
          weights.append(panel.weights[k])
        }
        guard !ratings.isEmpty else { continue }
        present[cell] = true
        aggregated[cell] = true
        found += 1
        values[cell] = (try? aggregateRatings(ratings, expertWeights: weights, by: method)) ?? 0
      }
    }
    (self.criteria, self.present, self.values, self.aggregated) = (criteria, present, values, aggregated)
    missing = present.count - found
  }

  /// Whether field `f` has a `score` of its own on criterion `j` (not an aggregate of ratings).
  func hasScore(_ f: Int, _ j: Int) -> Bool {
    present[f * criteria + j] && (aggregated.isEmpty || !aggregated[f * criteria + j])
  }

  /// Whether field `f` has a score on criterion `j`.
  func has(_ f: Int, _ j: Int) -> Bool { present[f * criteria + j] }

  /// The value of field `f`'s score on criterion `j`; 0 when it has none, or its score no value.
  func value(_ f: Int, _ j: Int) -> Double { values[f * criteria + j] }
}
