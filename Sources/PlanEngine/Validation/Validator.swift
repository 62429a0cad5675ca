import PlanLanguage
import PlanModel

/// Runs the validation rules R01–R33 (SPEC §7) over a plan.
///
/// The rules run in groups, each over the part of the plan it reads:
/// - the ranking's basis, R01–R08 (settings, criteria, judgements, fields, scores);
/// - the links between ranking and consortia, R09–R10;
/// - the phases alone, R20–R21;
/// - the shard rules (``ShardRule``: R11–R18, R23–R31), shard by shard: each consortium with its
///   members and their orgs, goals, measures and funding lines, then the plan-wide goals and
///   measures;
/// - the rules across consortia (``Aggregates``: R19, R22, R25's and R30's plan-wide parts), from
///   each shard's ``ShardSummary``;
/// - the goal graph, R32–R33.
/// ``ValidationCache`` keeps each group's findings and re-runs only what an edit touched.
enum Validator {
  /// The shard rules, in code order.
  static let shardRules: [ShardRule] = ConsortiumRules.all + PhaseRules.shard + FundingRules.shard

  /// Every finding of every rule, unsorted (``Engine/validate(_:strict:)`` sorts them).
  /// - Parameter cache: receives every group's findings and the shards' summaries and contents.
  /// - Complexity: O(n) in the size of the plan, plus O(p log p) for p phases; ranking rules
  ///   add O(fields × criteria²).
  static func run(_ plan: Plan, into cache: ValidationCache? = nil) -> [Diagnostic] {
    let c = RuleContext(plan)
    let ranking = RankingRules.basis.flatMap { $0.check(c) }
    var findings = ranking
    findings += RankingRules.links.flatMap { $0.check(c) }
    findings += PhaseRules.all.flatMap { $0.check(c) }
    let index = c.index
    var summaries: [(consortium: String, summary: ShardSummary)] = []
    var planWide = ShardSummary()
    summaries.reserveCapacity(index.consortia.count)
    for k in 0...index.consortia.count {
      let shardFindings = shardRules.flatMap { $0.check(c, k) }
      let summary = ShardSummary(c, shard: k)
      let id = k < index.consortia.count ? index.consortia[k].id : nil
      findings += shardFindings
      if let id { summaries.append((id, summary)) } else { planWide = summary }
      cache?.capture(shard: id, findings: shardFindings, summary: summary, keys: ShardKeys(index, shard: k))
    }
    findings += Aggregates.check(c, shards: summaries, planWide: planWide)
    let graph = GoalGraphRules.all.flatMap { $0.check(c) }
    findings += graph
    cache?.capture(ranking: ranking, rankingResult: c.ranking, graph: graph, plan: plan)
    return findings
  }

  /// The findings of the shard rules and the summary for the shard of consortium `id` (`nil`:
  /// the plan-wide shard), computed on a plan that holds only that shard's entities with the
  /// plan's settings and phases.
  /// - Complexity: O(entities of the shard + phases).
  static func runShard(_ plan: Plan, consortium id: String?, keys: ShardKeys) -> (findings: [Diagnostic], summary: ShardSummary) {
    let c = RuleContext(keys.subplan(of: plan, consortium: id))
    // The subplan has the consortium (if it exists) at position 0, else only the plan-wide shard.
    let k = id != nil && c.index.consortia.count == 1 ? 0 : c.index.consortia.count
    return (shardRules.flatMap { $0.check(c, k) }, ShardSummary(c, shard: k))
  }
}
