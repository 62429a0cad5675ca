import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R12 = RuleSpec(
    "R12", .error,
    summary: LocalizedText(
      en: "a consortium has at least one university or institute member",
      zh: "联合体须至少有一个高校或科研院所成员"),
    examples: ["add member K1 jlu role core chain platform"],
    reads: [.entities(.consortium), .entities(.member), .attributes(.org, "type")],
    parts: [.shard(ConsortiumRules.r12)])
}

extension ConsortiumRules {
  /// **R12** (error): a consortium has at least one member of type university or institute.
  static let r12 = ShardRule.consortium("R12") { s in
    s.hasMemberOrg { !$0.isDisjoint(with: [.university, .institute]) }
      ? nil : s.report(.r12NoResearch(s.consortium), at: s.consortium)
  }
}

extension Message {
  static func r12NoResearch(_ consortium: Entity) -> Message {
    let k = T.label(consortium)
    return Message(
      "R12", en: "consortium \(k.en) has no university or institute member",
      zh: "联合体 \(k.zh) 没有高校或科研院所成员")
  }
}
