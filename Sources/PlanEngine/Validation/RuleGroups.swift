import PlanLanguage
import PlanModel

// The groups the rules of Rules/ belong to (each rule's check is a static member of one), with
// what several rules of a group share. Which rules exist, and where each runs, comes from the
// rules' declarations (``RuleBook``), not from lists here.

/// Rules R01–R10: criteria, weights, scores and the ranking built on them (SPEC §7, §8).
///
/// Interpretations where SPEC §7 is terse:
/// - A plan without criteria has nothing to weigh: R01, R03, R04 and R06 stay silent until the
///   first criterion is added; R05 until the first field and criterion exist.
/// - A finding about a whole set (the weights' sum, the tags' coverage) is reported at the
///   criterion statement that comes last, the one that most recently defined or changed the set.
/// - R07–R10 need a ranking that can be trusted: no R01, R02, R03 or R05 error and, with AHP, no
///   R04 error. Otherwise they are skipped (the blocking rule already reports the cause). They use
///   the plan's own `method`. R08–R10 need `cutoff`; without it they have nothing to check.
enum RankingRules {
  /// The largest consistent CR (Saaty 1980; SPEC §7 R04).

  /// How far the weights' sum may lie from 1 (SPEC §7 R01), plus rounding slack for binary fractions.
  static let weightSumTolerance = 0.001 + 1e-12

  /// Whether `value` is on Saaty's scale: 1…9 or 1/2…1/9, within 1e-9.
  static func isSaaty(_ value: Double) -> Bool {
    guard value.isFinite, value > 0 else { return false }
    let whole = value >= 1 ? value : 1 / value
    let nearest = whole.rounded()
    return (1...9).contains(nearest) && abs(whole - nearest) <= 1e-9
  }

  /// Whether criteria `a` and `b` are compared, in either order.
  static func judged(_ plan: Plan, _ a: String, _ b: String) -> Bool {
    plan[.compare][EntityKey(a, b)] != nil || plan[.compare][EntityKey(b, a)] != nil
  }

  /// The pairs of criteria some expert judged (SPEC §12), both orders, as `EntityKey(a, b)`.
  static func pairsJudgedByExperts(_ plan: Plan) -> Set<EntityKey> {
    var pairs = Set<EntityKey>()
    for judgement in plan[.judgement].keys {
      pairs.insert(EntityKey(judgement.b, judgement.c))
      pairs.insert(EntityKey(judgement.c, judgement.b))
    }
    return pairs
  }
}

/// Rules R40–R44: the expert panel (SPEC §12) — each expert's own consistency, what each expert
/// left unrated or unjudged, the panel's agreement (Kendall's W), ratings and judgements the
/// ranking cannot use, and recusal (回避).
///
/// Interpretations where SPEC §12 is terse:
/// - R40 judges every expert who judged every pair, whatever the plan's `weighting`; R41's
///   judgement part only with `weighting ahp`, and its rating part only when the plan has ratings.
/// - R42 needs a ranking that can be trusted (as R07–R10) and at least two experts who rated.
/// - R43 also reports a pair one expert judged in both orders (the shell refuses the second as
///   `compare` does; a plan file may hold both).
enum PanelRules {}

extension RuleContext {
  /// Where `cutoff` was last set, else the plan's first setting.
  var cutoffLocation: SourceLocation? {
    plan.settingLocations[Attr.Plan.cutoff] ?? plan.settingLocations.compactMap { $0 }.min()
  }
}

/// Rules R11–R19: each consortium's members, measures and period (SPEC §7; DOMAIN.md: an
/// enterprise-led alliance along the chain, with universities or institutes, SMEs, an IP
/// strategy and talent incentives).
///
/// Interpretations where SPEC §7 is terse:
/// - Only the consortium's own measures (`measure … consortium K`) count for R16 and R17; a
///   plan-wide measure gives no consortium its IP strategy or its talent incentives.
/// - R13 counts chain position `application` as downstream (the users of the chain's products);
///   `platform` and unset positions cover nothing.
/// - R18 and R19 check only what is set: a consortium without `period`, or a lead without
///   `rd-intensity`, is not judged; the horizon part of R18 needs `horizon`.
enum ConsortiumRules {}

extension Shard {
  /// The member positions of the consortium with `role lead`, in plan order.
  var leads: [Int] {
    let index = index
    return index.membersByConsortium[k].filter { index.memberFacts[$0].contains(.lead) }
  }

  /// Whether the org of one of the consortium's members is `such`.
  func hasMemberOrg(_ such: (OrgFacts) -> Bool) -> Bool {
    let index = index
    let members = index.membersByConsortium
    for i in members.bounds(k) {
      let o = Int(index.memberOrg[members.item(i)])
      if o >= 0, such(index.orgFacts[o]) { return true }
    }
    return false
  }

  /// Whether one of the shard's own measures has `instrument` (``MeasureFacts``).
  func hasMeasure(_ instrument: MeasureFacts) -> Bool {
    let index = index
    let measures = index.measuresByConsortium
    for i in measures.bounds(k) where index.measureFacts[measures.item(i)].contains(instrument) { return true }
    return false
  }
}

/// Rules R20–R26: the roadmap's phases and the goals set in them (SPEC §7).
///
/// Phases are compared in chronological order — by start month, then end month, then plan order
/// (``PhaseOrder``) — which is what "earlier" and "later" phase mean here.
/// A phase whose end comes before its start (R20) takes no part in the overlap, gap and
/// coverage checks; the horizon checks need `horizon`.
enum PhaseRules {
  /// The month with `ordinal` (months since year 0).
  static func month(_ ordinal: Int) -> YearMonth {
    YearMonth(year: ordinal / 12, month: ordinal % 12 + 1)
  }
}

/// Rules R27–R31: funding lines and support measures (SPEC §7; DOMAIN.md: "government guides, the
/// market invests" — government money is a small share, and the government does not overreach).
///
/// Government sources and funders are central, provincial and municipal (``Schema/governmentSources``).
/// A measure without `amount` counts as 0 in R28.
enum FundingRules {
  /// Shares and sums within this of a cap do not exceed it (binary fractions such as 0.1 + 0.2).
  static let tolerance = 1e-9

  /// The government sources, in ``Schema/sources`` order (SPEC §4: central, provincial and
  /// municipal).
  static let governmentSources = Schema.sources.filter { Schema.governmentSources.contains($0) }

  /// Which funders and sources are the government's: for each keyword code
  /// (``PlanIndex/funderCode(_:in:)``), its position in ``governmentSources``, `-1` for the
  /// others. A rule takes one per shard (``Government/init()``), not a global per line.
  struct Government {
    private let slots: [Int8]

    init() { slots = FundingRules.governmentSlots }

    /// The position in ``governmentSources`` of the funder or source with keyword code `code`,
    /// `-1` when it is not the government's (or there is none).
    @inline(__always) func callAsFunction(_ code: Int8) -> Int8 { code < 0 ? -1 : slots[Int(code)] }
  }

  private static let governmentSlots: [Int8] = Schema.funders.map { Int8(governmentSources.firstIndex(of: $0) ?? -1) }
}

/// Rules R32–R33: the `after` links between goals (SPEC §7).
enum GoalGraphRules {}

/// Rules R34–R39: following the plan through its years (SPEC §11) — goals' status as of `as-of`,
/// the records of actuals, checkpoints and outlays, goals' effective years, the government share
/// of money paid. They read the review's engine core (``Review``): R37 and R39 through the
/// adapters of `Plan+Review.swift`, the shard rules R34–R36 through the index
/// (``Shard/goalAssessments(asOf:)``); R34–R36 and R39 are silent while `as-of` is unset.
enum ReviewRules {}

extension Shard {
  /// The goal at position `g` of ``PlanIndex/goals`` as the review tracks it, with its
  /// checkpoints and actuals — what ``Plan/goalTrack(_:checkpoints:actuals:)`` makes of it,
  /// read from the index's columns — or `nil` when its phase has no period.
  /// - Complexity: O(its checkpoints and actuals).
  func goalTrack(_ g: Int) -> GoalTrack? {
    let index = index
    let p = Int(index.goalPhase[g])
    let periods = index.phases.periods
    guard p >= 0, p < periods.count, let period = periods[p] else { return nil }
    let facts = index.goalFacts[g]
    var checkpoints: [GoalCheckpoint] = []
    let checkpointGroups = index.checkpointsByGoal
    for i in checkpointGroups.bounds(g) {
      if let c = index.checkpointRecords[checkpointGroups.item(i)] { checkpoints.append(c) }
    }
    var actuals: [GoalActual] = []
    let actualGroups = index.actualsByGoal
    for i in actualGroups.bounds(g) {
      if let a = index.actualRecords[actualGroups.item(i)] { actuals.append(a) }
    }
    return GoalTrack(
      baseline: facts.contains(.baseline) ? index.goalBaseline[g] : nil,
      baselineYear: PlanIndex.year(index.goalBaselineYear[g]),
      target: facts.contains(.target) ? index.goalTarget[g] : nil,
      targetYear: PlanIndex.year(index.goalTargetYear[g]), direction: facts.contains(.down) ? .down : .up,
      phaseStartYear: period.start.year, phaseEndYear: period.end.year, checkpoints: checkpoints, actuals: actuals)
  }

  /// The shard's goals (positions in ``PlanIndex/goals``, plan order) with their tracks and
  /// their assessments as of `asOf` (SPEC §11), under the plan's thresholds; goals whose phase
  /// has no period are left out (as ``Plan/goalAssessments(asOf:)`` leaves them).
  /// - Complexity: O(the shard's goals, checkpoints and actuals).
  func goalAssessments(asOf: Int) -> [(goal: Int, track: GoalTrack, assessment: GoalAssessment)] {
    let index = index
    let goals = index.goalsByConsortium
    let thresholds = index.settings.statusThresholds
    var out: [(goal: Int, track: GoalTrack, assessment: GoalAssessment)] = []
    for i in goals.bounds(k) {
      let g = goals.item(i)
      guard let track = goalTrack(g) else { continue }
      out.append((g, track, track.assess(asOf: asOf, thresholds: thresholds)))
    }
    return out
  }
}
