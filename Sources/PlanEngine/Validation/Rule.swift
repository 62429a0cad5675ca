import PlanLanguage
import PlanModel

/// One validation rule of SPEC §7: its code and its check, a small value of its own.
///
/// The default severity and the one-line summary come from ``RuleCatalog``; the check returns
/// every finding of the rule over the whole plan, each located at the statement that defined or
/// last set the entity it is about (``Entity/location``).
struct Rule: Sendable {
  /// `R01` … `R33`.
  let code: String
  /// Every finding of the rule. Runs in time linear in the size of the plan (the indexes in
  /// ``RuleContext/index`` are built once and shared).
  let check: @Sendable (RuleContext) -> [Diagnostic]

  init(_ code: String, check: @escaping @Sendable (RuleContext) -> [Diagnostic]) {
    self.code = code
    self.check = check
  }
}

/// A rule, or the part of one, whose findings about a consortium depend only on that consortium's
/// shard: the consortium, its members and their orgs, its goals, measures and funding lines, plus
/// the plan settings and phases. The plan-wide shard holds the goals and measures of no
/// consortium. Running these per shard lets ``ValidationCache`` re-check only the shards an edit
/// touched.
struct ShardRule: Sendable {
  /// `R11` … `R31`.
  let code: String
  /// The findings in shard `k`: a consortium position of ``RuleContext/index``, or
  /// `index.consortia.count` for the plan-wide shard (``RuleContext/isPlanWide(_:)``).
  let check: @Sendable (RuleContext, Int) -> [Diagnostic]

  init(_ code: String, check: @escaping @Sendable (RuleContext, Int) -> [Diagnostic]) {
    self.code = code
    self.check = check
  }

  /// A rule about consortia only: silent in the plan-wide shard.
  static func consortium(_ code: String, check: @escaping @Sendable (RuleContext, Int) -> Diagnostic?) -> ShardRule {
    ShardRule(code) { c, k in
      guard !c.isPlanWide(k) else { return [] }
      return check(c, k).map { [$0] } ?? []
    }
  }
}

extension RuleContext {
  /// Whether shard `k` is the plan-wide one (goals and measures of no consortium).
  func isPlanWide(_ k: Int) -> Bool { k == index.consortia.count }
}
