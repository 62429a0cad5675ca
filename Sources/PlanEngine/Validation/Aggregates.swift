import PlanLanguage
import PlanModel

/// What the rules that look across consortia need to know of one shard (a consortium with what
/// belongs to it, or the plan-wide goals and measures): a few numbers and IDs, so that those
/// rules run over 10,000 summaries instead of 400,000 entities, and a shard that an edit did not
/// touch keeps its summary (``ValidationCache``).
struct ShardSummary: Sendable {
  /// The phases (positions in the plan's phase table) that the shard's goals belong to.
  var goalPhases = PhaseSet()
  /// The phases (positions in the plan's phase table) that the shard's measures belong to.
  var measurePhases = PhaseSet()
  /// How many goals the shard has.
  var goalCount = 0
  /// Whether one of the shard's goals has category ecosystem.
  var hasEcosystemGoal = false
  /// Where the shard's goal whose statement comes last (``RuleContext/latest(_:)``) stands, and
  /// its ID.
  var latestGoal: (location: SourceLocation, id: String)?
  /// The orgs (IDs) of the consortium's members with `role lead` that rule R19 reports
  /// (``Aggregates/isWeakLead(_:minimum:)``). (An edit of an org re-checks every shard it is a
  /// member of, so this stays true of the org.)
  var weakLeads: [String] = []

  init() {}

  /// The summary of shard `s`.
  /// - Complexity: O(entities of the shard).
  init(_ s: Shard) {
    let index = s.index
    let goals = index.goalsByConsortium
    var latest: (goal: Int, location: SourceLocation)?
    for i in goals.bounds(s.k) {
      let g = goals.item(i)
      goalCount += 1
      goalPhases.insert(index.goalPhase[g])
      if index.goalFacts[g].contains(.ecosystem) { hasEcosystemGoal = true }
      let location = index.goalLocation[g]
      if latest == nil || latest!.location < location { latest = (g, location) }
    }
    if let latest { latestGoal = (latest.location, index.goals[latest.goal].key.a) }
    let measures = index.measuresByConsortium
    for i in measures.bounds(s.k) { measurePhases.insert(index.measurePhase[measures.item(i)]) }
    guard !s.isPlanWide else { return }
    let members = index.membersByConsortium
    for i in members.bounds(s.k) where index.memberFacts[members.item(i)].contains(.lead) {
      let o = Int(index.memberOrg[members.item(i)])
      if o >= 0, Aggregates.isWeakLead(index.orgs[o], minimum: index.settings.rdIntensityMin) {
        weakLeads.append(index.orgs[o].key.a)
      }
    }
  }
}

/// A set of phase positions (in the plan's phase table): those below 64 as bits, any others in
/// a list, so that the summaries of 10,000 shards allocate nothing for a plan of a few phases.
struct PhaseSet: Sendable {
  private var bits: UInt64 = 0
  private var others: [Int32] = []

  /// Adds phase `p`; a negative `p` (no phase) is left out.
  mutating func insert(_ p: Int32) {
    if p < 0 { return }
    if p < 64 {
      bits |= 1 << UInt64(p)
    } else if !others.contains(p) {
      others.append(p)
    }
  }

  /// Calls `body` with every phase of the set.
  func forEach(_ body: (Int) -> Void) {
    var rest = bits
    while rest != 0 {
      body(rest.trailingZeroBitCount)
      rest &= rest - 1
    }
    for p in others { body(Int(p)) }
  }
}

/// What the rules that look across consortia (``RuleScope/summaries``: R19, R22, R25's and R30's
/// plan-wide parts) read: the shards' summaries gathered over the whole plan.
struct AcrossShards {
  let c: RuleContext
  /// Whether some goal, or some measure, belongs to each phase (by position in the phase table).
  var phaseHasGoal: [Bool], phaseHasMeasure: [Bool]
  /// How many goals the plan has, and whether one is of category ecosystem.
  var goals = 0
  var hasEcosystemGoal = false
  /// The goal whose statement comes last, and its ID.
  var latestGoal: (location: SourceLocation, id: String)?
  /// The consortia each org in some shard's ``ShardSummary/weakLeads`` leads, by org ID.
  var weakLeads: [String: [String]] = [:]

  init(_ c: RuleContext) {
    self.c = c
    let phases = c.plan[.phase].count
    phaseHasGoal = [Bool](repeating: false, count: phases)
    phaseHasMeasure = [Bool](repeating: false, count: phases)
  }
}

/// Runs the rules that look across consortia over the shards' summaries, in O(consortia +
/// phases + orgs that lead).
enum Aggregates {
  /// The findings of the rule parts of ``RuleScope/summaries``, in code order.
  /// - Parameters:
  ///   - c: the context of the whole plan (its phases, orgs and goals are read).
  ///   - shards: every consortium's ID and shard summary, in any order.
  ///   - planWide: the plan-wide shard's summary.
  /// - Complexity: O(shards + phases), plus O(log) lookups for what is reported.
  static func check(
    _ c: RuleContext, shards: some Sequence<(consortium: String, summary: ShardSummary)>, planWide: ShardSummary
  ) -> [Diagnostic] {
    var across = AcrossShards(c)
    let phases = across.phaseHasGoal.count
    func add(_ summary: ShardSummary) {
      summary.goalPhases.forEach { p in if p < phases { across.phaseHasGoal[p] = true } }
      summary.measurePhases.forEach { p in if p < phases { across.phaseHasMeasure[p] = true } }
      across.goals += summary.goalCount
      across.hasEcosystemGoal = across.hasEcosystemGoal || summary.hasEcosystemGoal
      if let goal = summary.latestGoal {
        // Ties (goals changed by one statement) go to the goal that comes first in plan order.
        let latest = across.latestGoal
        if latest == nil || latest!.location < goal.location
          || (latest!.location == goal.location && goalPosition(c, goal.id) < goalPosition(c, latest!.id))
        {
          across.latestGoal = goal
        }
      }
    }
    for (consortium, summary) in shards {
      add(summary)
      for org in summary.weakLeads { across.weakLeads[org, default: []].append(consortium) }
    }
    add(planWide)
    var findings: [Diagnostic] = []
    for rule in RuleBook.summaryRules { findings += rule(across) }
    return findings
  }

  private static func goalPosition(_ c: RuleContext, _ id: String) -> Int {
    c.plan[.goal].index(forKey: EntityKey(id)) ?? .max
  }
}
