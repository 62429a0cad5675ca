import PlanLanguage
import PlanModel

/// The check of a validation rule (SPEC §7) that runs over the whole plan: its code and its
/// check, a small value of its own.
///
/// The rule's declaration (``RuleSpec``, in `Rules/RNN.swift`) gives its severity, summary and
/// what it reads; the check returns
/// every finding of the rule over the whole plan, each located at the statement that defined or
/// last set the entity it is about (``Entity/location``).
struct Rule: Sendable {
  /// `R01`, `R27`.
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
  /// `R11`, `R45`.
  let code: String
  /// The findings in one shard. Reads the shard's entities through the facts of
  /// ``RuleContext/index`` (``Shard/index``), and the entities themselves only for what it reports.
  let check: @Sendable (Shard) -> [Diagnostic]

  init(_ code: String, check: @escaping @Sendable (Shard) -> [Diagnostic]) {
    self.code = code
    self.check = check
  }

  /// A rule about consortia only: silent in the plan-wide shard.
  static func consortium(_ code: String, check: @escaping @Sendable (Shard) -> Diagnostic?) -> ShardRule {
    ShardRule(code) { s in
      guard !s.isPlanWide else { return [] }
      return check(s).map { [$0] } ?? []
    }
  }
}

/// One shard of a validation: a consortium position of ``RuleContext/index``, or
/// `index.consortia.count` for the plan-wide shard — with the context and its index, held
/// without reference counting (whoever makes a shard keeps both alive while it is used: the two
/// workers of a validation read them at once, and counting references to one object from two
/// cores costs more than the rules themselves).
struct Shard {
  unowned(unsafe) let c: RuleContext
  unowned(unsafe) let index: PlanIndex
  /// The consortium position, or `index.consortia.count` for the plan-wide shard.
  let k: Int

  /// Shard `k` of `c`, whose ``RuleContext/index`` is `index`.
  init(_ c: RuleContext, _ index: PlanIndex, _ k: Int) {
    self.c = c
    self.index = index
    self.k = k
  }

  /// Whether this is the plan-wide shard (goals and measures of no consortium).
  var isPlanWide: Bool { k == index.consortia.count }

  /// The consortium (not of the plan-wide shard).
  var consortium: Entity { index.consortia[k] }

  /// A finding of rule `message.code` at `entity`'s statement (``RuleContext/report(_:at:severity:)``).
  func report(_ message: Message, at entity: Entity, severity: Diagnostic.Severity? = nil) -> Diagnostic {
    c.report(message, at: entity.location, severity: severity)
  }
}
