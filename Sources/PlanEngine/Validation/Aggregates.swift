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
  /// The orgs (IDs) of the consortium's members with `role lead` that rule R19 reports: an
  /// enterprise with `rd-intensity` below 3%. (An edit of an org re-checks every shard it is a
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
      if o >= 0, index.orgFacts[o].contains(.weakLead) { weakLeads.append(index.orgs[o].key.a) }
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

/// The rules, and parts of rules, that look across consortia — R19, R22, R25 (ecosystem) and
/// R30 (phases without measures) — computed from the shards' summaries in O(consortia + phases
/// + orgs that lead).
enum Aggregates {
  /// The findings of R19, R22, R25 (its plan-wide part) and R30 (its part about phases).
  /// - Parameters:
  ///   - c: the context of the whole plan (its phases, orgs and goals are read).
  ///   - shards: every consortium's ID and shard summary, in any order.
  ///   - planWide: the plan-wide shard's summary.
  /// - Complexity: O(shards + phases), plus O(log) lookups for what is reported.
  static func check(
    _ c: RuleContext, shards: some Sequence<(consortium: String, summary: ShardSummary)>, planWide: ShardSummary
  ) -> [Diagnostic] {
    let phases = c.plan[.phase]
    var phaseHasGoal = [Bool](repeating: false, count: phases.count)
    var phaseHasMeasure = [Bool](repeating: false, count: phases.count)
    var goals = 0
    var ecosystem = false
    var latest: (location: SourceLocation, id: String)?
    var led: [String: [String]] = [:]
    func add(_ summary: ShardSummary) {
      summary.goalPhases.forEach { p in if p < phases.count { phaseHasGoal[p] = true } }
      summary.measurePhases.forEach { p in if p < phases.count { phaseHasMeasure[p] = true } }
      goals += summary.goalCount
      ecosystem = ecosystem || summary.hasEcosystemGoal
      if let goal = summary.latestGoal {
        // Ties (goals changed by one statement) go to the goal that comes first in plan order.
        if latest == nil || latest!.location < goal.location
          || (latest!.location == goal.location && goalPosition(c, goal.id) < goalPosition(c, latest!.id))
        {
          latest = goal
        }
      }
    }
    for (consortium, summary) in shards {
      add(summary)
      for org in summary.weakLeads { led[org, default: []].append(consortium) }
    }
    add(planWide)
    var findings = r19(c, led: led)
    // **R22** (error): every phase has at least one goal (of any consortium, or plan-wide).
    for (p, phase) in phases.values.enumerated() where !phaseHasGoal[p] {
      findings.append(c.report(.r22NoGoal(phase), at: phase))
    }
    // **R25** (warning), its plan-wide part: once the plan has goals, one of them is of category
    // ecosystem. Reported once, at the goal statement that comes last.
    if !ecosystem, let latest, let goal = c.plan.entity(.goal, latest.id) {
      findings.append(c.report(.r25NoEcosystemGoal(goals: goals), at: goal))
    }
    // **R30** (warning), its part about phases: every phase has a support measure (of any
    // consortium, or plan-wide), at the phase.
    for (p, phase) in phases.values.enumerated() where !phaseHasMeasure[p] {
      findings.append(c.report(.r30NoMeasure(phase), at: phase))
    }
    return findings
  }

  private static func goalPosition(_ c: RuleContext, _ id: String) -> Int {
    c.plan[.goal].index(forKey: EntityKey(id)) ?? .max
  }

  /// Whether `org`, leading a consortium, breaks rule R19: an enterprise whose `rd-intensity` is
  /// set and below 3%.
  static func isWeakLead(_ org: Entity) -> Bool {
    guard org[Attr.Org.type]?.choice == "enterprise", let intensity = org[Attr.Org.rdIntensity]?.number else {
      return false
    }
    return intensity < 0.03 - 1e-12
  }

  /// **R19** (warning): an enterprise that leads a consortium has `rd-intensity` of at least 3%.
  /// Reported once per org, at the org (the statement that sets its R&D intensity), naming every
  /// consortium it leads in plan order; orgs in plan order.
  /// - Parameter led: the consortia each org that breaks the rule leads, by org ID.
  static func r19(_ c: RuleContext, led: [String: [String]]) -> [Diagnostic] {
    let orgs = c.plan[.org], consortia = c.plan[.consortium]
    var found: [(position: Int, finding: Diagnostic)] = []
    for (id, leads) in led {
      guard let o = orgs.index(forKey: EntityKey(id)) else { continue }
      let org = orgs.values[o]
      guard isWeakLead(org), let intensity = org[Attr.Org.rdIntensity]?.number else { continue }
      let ordered = leads.sorted {
        (consortia.index(forKey: EntityKey($0)) ?? .max) < (consortia.index(forKey: EntityKey($1)) ?? .max)
      }
      found.append((o, c.report(.r19RDIntensity(org, consortia: ordered, intensity: intensity), at: org)))
    }
    return found.sorted { $0.position < $1.position }.map(\.finding)
  }
}
