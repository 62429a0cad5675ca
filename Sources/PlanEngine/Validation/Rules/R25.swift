import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R25 = RuleSpec(
    "R25", .warning,
    summary: LocalizedText(
      en: "a consortium has no `tech` goal, or the plan has no `ecosystem` goal",
      zh: "联合体没有技术（tech）目标，或整个计划没有生态（ecosystem）目标"),
    examples: ["add goal G9 \"产业生态\" phase P2 category ecosystem"],
    reads: [.entities(.consortium), .everything(.goal)],
    parts: [.shard(PhaseRules.r25), .summaries(Aggregates.r25)])
}

extension PhaseRules {
  /// **R25** (warning), its part within a consortium: every consortium has a goal of category
  /// tech (the default category), at the consortium. (Its plan-wide part, an ecosystem goal, is
  /// in ``Aggregates``.)
  static let r25 = ShardRule.consortium("R25") { s in
    let index = s.index
    let goals = index.goalsByConsortium
    for i in goals.bounds(s.k) where index.goalFacts[goals.item(i)].contains(.tech) { return nil }
    return s.report(.r25NoTechGoal(s.consortium), at: s.consortium)
  }
}

extension Aggregates {
  /// **R25** (warning), its plan-wide part: once the plan has goals, one of them is of category
  /// ecosystem. Reported once, at the goal statement that comes last.
  @Sendable static func r25(_ a: AcrossShards) -> [Diagnostic] {
    guard !a.hasEcosystemGoal, let latest = a.latestGoal, let goal = a.c.plan.entity(.goal, latest.id) else {
      return []
    }
    return [a.c.report(.r25NoEcosystemGoal(goals: a.goals), at: goal)]
  }
}

extension Message {
  static func r25NoTechGoal(_ consortium: Entity) -> Message {
    let k = T.label(consortium)
    return Message(
      "R25", en: "consortium \(k.en) has no tech goal (category tech)",
      zh: "联合体 \(k.zh) 没有技术目标（category tech）")
  }

  static func r25NoEcosystemGoal(goals: Int) -> Message {
    Message(
      "R25",
      en: goals == 1
        ? "the plan's only goal is not an ecosystem goal (category ecosystem)"
        : "none of the plan's \(goals) goals is an ecosystem goal (category ecosystem)",
      zh: "计划的 \(goals) 个目标中没有生态目标（category ecosystem）")
  }
}
