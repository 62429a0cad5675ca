import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R17 = RuleSpec(
    "R17", .warning,
    summary: LocalizedText(
      en: "a consortium has no talent-incentive measure (instrument talent)",
      zh: "联合体没有人才激励措施（instrument talent）"),
    examples: ["add measure M2 \"人才专项\" phase P1 consortium K1 instrument talent funder provincial agency \"省人社厅\""],
    reads: [.entities(.consortium), .attributes(.measure, "instrument")],
    parts: [.shard(ConsortiumRules.r17)])
}

extension ConsortiumRules {
  /// **R17** (warning): one of the consortium's own measures has instrument talent.
  static let r17 = ShardRule.consortium("R17") { s in
    s.hasMeasure(.talent) ? nil : s.report(.r17NoTalent(s.consortium), at: s.consortium)
  }
}

extension Message {
  static func r17NoTalent(_ consortium: Entity) -> Message {
    let k = T.label(consortium)
    return Message(
      "R17", en: "consortium \(k.en) has no talent-incentive measure (instrument talent)",
      zh: "联合体 \(k.zh) 没有人才激励措施（instrument talent）")
  }
}
