import Dispatch
import PlanLanguage
import PlanModel
import Synchronization

/// Runs the validation rules (SPEC §7, ``RuleBook``) over a plan.
///
/// The rules run in groups, by the scope each part of a rule declares (``RuleScope``), each group
/// in code order:
/// - the ranking's basis (R01–R08: settings, criteria, judgements, fields, scores);
/// - the whole plan (the links between ranking and consortia, R09–R10; the phases, R20–R21);
/// - the shard rules (``ShardRule``), shard by shard: each consortium with its members and their
///   orgs, goals, measures and funding lines, then the plan-wide goals and measures;
/// - the rules across consortia (``Aggregates``), from each shard's ``ShardSummary``;
/// - the goal graph (R32–R33).
/// ``ValidationCache`` keeps each group's findings and re-runs only what an edit touched.
enum Validator {
  /// What the shard rules and ``ShardSummary`` found in one shard.
  typealias ShardFindings = (findings: [Diagnostic], summary: ShardSummary)

  /// Every finding of every rule, unsorted (``Engine/validate(_:strict:)`` sorts them).
  ///
  /// Two workers share the work of a large plan (`DispatchQueue.concurrentPerform`; one, on one
  /// core, or for a plan under ``Plan/parallelEntities`` entities). First
  /// they build the index, taking whole tables, largest first (``PlanIndex/init(_:phases:workers:early:)``).
  /// Then one runs the groups over the whole plan — ranking basis, links, phases, goal graph,
  /// the only users of the context's ranking and goal graph — while the other starts on the
  /// shards; then both take the remaining shards in chunks. The shards' findings are put back
  /// in consortium order, so the result does not depend on the split.
  /// - Parameters:
  ///   - cache: receives every group's findings and the shards' summaries and contents.
  ///   - early: what was made while the plan was loaded (``EarlyValidation``), used where it
  ///     was made from the tables `plan` holds.
  /// - Complexity: O(n) in the size of the plan, plus O(p log p) for p phases; ranking rules
  ///   add O(fields × criteria²).
  static func run(_ plan: Plan, into cache: ValidationCache? = nil, early: EarlyValidation? = nil) -> [Diagnostic] {
    early?.wait()
    let c = RuleContext(plan)
    // A small plan is validated on this thread alone (see ``Plan/meritsParallelWork``).
    let workers = plan.meritsParallelWork ? 2 : 1
    let index = PlanIndex(plan, phases: c.phases, workers: workers, early: early)
    c.index = index
    let ranking = early?.ranking(for: plan)
    early?.discard()
    let shards = ShardWork(count: index.consortia.count + 1)
    defer { shards.release() }
    let whole = WholePlanFindings()
    nonisolated(unsafe) let context = c
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      if worker == workers - 1 {
        if let ranking {
          (whole.ranking, whole.rankingResult) = ranking
          context.ranking = ranking.result
        } else {
          whole.ranking = RuleBook.basisRules.flatMap { context.findings(of: $0) }
          whole.rankingResult = context.ranking
        }
        whole.other = RuleBook.planRules.map { $0.check(context) }
        whole.graph = RuleBook.graphRules.flatMap { $0.check(context) }
      }
      shards.drain(context, index)
    }
    var findings = whole.ranking
    for found in whole.other { findings += found }
    var planWide = ShardSummary()
    for k in 0...index.consortia.count {
      let output = shards.outputs[k]!
      findings += output.findings
      if k == index.consortia.count { planWide = output.summary }
    }
    let summaries = (0..<index.consortia.count).lazy.map { k in
      (consortium: index.consortia[k].key.a, summary: shards.outputs[k]!.summary)
    }
    findings += Aggregates.check(c, shards: summaries, planWide: planWide)
    findings += whole.graph
    if let cache {
      let results = (0...index.consortia.count).map { k in (shards.outputs[k]!.findings, shards.outputs[k]!.summary) }
      cache.capture(
        plan, index: index, shards: results, ranking: whole.ranking, rankingResult: whole.rankingResult,
        planFindings: whole.other, graph: whole.graph)
    }
    return findings
  }

  /// What the worker over the whole plan found (written by it, read after both workers end).
  private final class WholePlanFindings: @unchecked Sendable {
    var ranking: [Diagnostic] = []
    var rankingResult: PlanRanking?
    /// By rule, in ``RuleBook/planRules`` order.
    var other: [[Diagnostic]] = []
    var graph: [Diagnostic] = []
  }

  /// The shards of one validation, handed out to the workers in chunks through an atomic
  /// cursor; each shard's result goes to its own slot.
  private final class ShardWork: @unchecked Sendable {
    struct Output {
      let findings: [Diagnostic]
      let summary: ShardSummary
    }
    let count: Int
    let outputs: UnsafeMutableBufferPointer<Output?>
    let cursor = Atomic<Int>(0)
    static let chunk = 64

    init(count: Int) {
      self.count = count
      outputs = .allocate(capacity: count)
      outputs.initialize(repeating: nil)
    }

    /// Checks chunks of shards until none is left.
    func drain(_ c: RuleContext, _ index: PlanIndex) {
      while true {
        let start = cursor.wrappingAdd(Self.chunk, ordering: .relaxed).oldValue
        guard start < count else { return }
        for k in start..<min(start + Self.chunk, count) {
          let shard = Shard(c, index, k)
          outputs[k] = Output(findings: Validator.check(shard), summary: ShardSummary(shard))
        }
      }
    }

    func release() {
      outputs.deinitialize()
      outputs.deallocate()
    }
  }

  /// The findings of the shard rules in shard `s`, rule by rule.
  static func check(_ s: Shard) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for rule in RuleBook.shardRules {
      let found = rule.check(s)
      if !found.isEmpty { findings += found }
    }
    return findings
  }

  /// The findings of the shard rules and the summary for the shard of consortium `id` (`nil`:
  /// the plan-wide shard), computed on a plan that holds only that shard's entities with the
  /// plan's settings and phases.
  /// - Complexity: O(entities of the shard + phases).
  static func runShard(_ plan: Plan, consortium id: String?, keys: ShardKeys) -> (
    findings: [Diagnostic], summary: ShardSummary
  ) {
    let c = RuleContext(keys.subplan(of: plan, consortium: id))
    let index = c.index
    // The subplan has the consortium (if it exists) at position 0, else only the plan-wide shard.
    let k = id != nil && index.consortia.count == 1 ? 0 : index.consortia.count
    let shard = Shard(c, index, k)
    return withExtendedLifetime((c, index)) { (check(shard), ShardSummary(shard)) }
  }
}
