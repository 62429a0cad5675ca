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

  /// Entities grouped by the entity they belong to; built on first use.
  private(set) lazy var index = PlanIndex(plan, phases: phases)

  /// The phases in chronological order; built on first use.
  private(set) lazy var phases = PhaseOrder(plan)

  /// Whether some consortium belongs to the field, by field position (rule R10).
  /// - Complexity: O(consortia).
  private(set) lazy var fieldHasConsortium: [Bool] = {
    let fields = plan[.field]
    var has = [Bool](repeating: false, count: fields.count)
    let consortia = plan[.consortium].values.elements
    for f in PlanIndex.resolve(fields, consortia.count, { consortia[$0][Attr.Consortium.field]?.ref }) where f >= 0 {
      has[Int(f)] = true
    }
    return has
  }()

  /// The `after` links between goals; built on first use.
  private(set) lazy var goalGraph = GoalGraph(plan)

  /// The plan's criteria in plan order.
  private(set) lazy var criteria: [Entity] = Array(plan[.criterion].values)

  /// AHP weights from the `compare` judgements, when `weighting ahp` and the judgements form a
  /// complete matrix of Saaty values for 1 to 15 criteria (rule R03 clean); `nil` otherwise.
  private(set) lazy var ahp: AHPResult? = AHPJudgements(plan, criteria: criteria)?.result

  /// The decision matrix of the plan, or why there is none (the first blocking finding).
  private(set) lazy var basis: Result<RankingBasis, Diagnostic> = Result { () throws(Diagnostic) in
    try RankingBasis(self)
  }

  /// The decision matrix when the ranking can be trusted for rules R07–R10: it exists (no
  /// R01/R02/R03/R05 error) and, with AHP, the judgements are consistent (no R04 error).
  var trustedBasis: RankingBasis? {
    guard case .success(let basis) = basis else { return nil }
    if let ahp = basis.ahp, basis.input.criterionCount >= 3, ahp.cr > RankingRules.maximumCR { return nil }
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
