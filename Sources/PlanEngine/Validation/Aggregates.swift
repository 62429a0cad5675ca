import PlanLanguage
import PlanModel

/// What the rules that look across consortia need to know of one shard (a consortium with what
/// belongs to it, or the plan-wide goals and measures): a few numbers and IDs, so that those
/// rules run over 10,000 summaries instead of 400,000 entities, and a shard that an edit did not
/// touch keeps its summary (``ValidationCache``).
struct ShardSummary: Sendable {
  /// The phases (positions in the plan's phase table) that the shard's goals belong to.
  var goalPhases: [Int32] = []
  /// The phases (positions in the plan's phase table) that the shard's measures belong to.
  var measurePhases: [Int32] = []
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

  /// The summary of shard `k` of `c` (``ShardRule/check``).
  /// - Complexity: O(entities of the shard).
  init(_ c: RuleContext, shard k: Int) {
    let index = c.index
    for g in index.goalsByConsortium[k] {
      let goal = index.goals[g]
      goalCount += 1
      let p = index.goalPhase[g]
      if p >= 0, !goalPhases.contains(p) { goalPhases.append(p) }
      if !hasEcosystemGoal, goal[Attr.Goal.category]?.choice == "ecosystem" { hasEcosystemGoal = true }
      if latestGoal == nil || latestGoal!.location < goal.location { latestGoal = (goal.location, goal.id) }
    }
    for m in index.measuresByConsortium[k] {
      let p = index.measurePhase[m]
      if p >= 0, !measurePhases.contains(p) { measurePhases.append(p) }
    }
    guard !c.isPlanWide(k) else { return }
    for lead in c.leads(of: k) {
      let o = Int(index.memberOrg[lead])
      if o >= 0, Aggregates.isWeakLead(index.orgs[o]) { weakLeads.append(index.orgs[o].id) }
    }
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
      for p in summary.goalPhases where Int(p) < phases.count { phaseHasGoal[Int(p)] = true }
      for p in summary.measurePhases where Int(p) < phases.count { phaseHasMeasure[Int(p)] = true }
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
      let ordered = leads.sorted { (consortia.index(forKey: EntityKey($0)) ?? .max) < (consortia.index(forKey: EntityKey($1)) ?? .max) }
      found.append((o, c.report(.r19RDIntensity(org, consortia: ordered, intensity: intensity), at: org)))
    }
    return found.sorted { $0.position < $1.position }.map(\.finding)
  }
}
