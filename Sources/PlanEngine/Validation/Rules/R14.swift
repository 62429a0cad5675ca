import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R14 = RuleSpec(
    "R14", .warning,
    summary: LocalizedText(
      en: "a consortium has no small or medium enterprise member",
      zh: "联合体没有中小企业成员"),
    examples: ["set org smec size small"],
    reads: [.entities(.consortium), .entities(.member), .attributes(.org, "type", "size")],
    parts: [.shard(ConsortiumRules.r14)])
}

extension ConsortiumRules {
  /// **R14** (warning): some member is an enterprise of size small or medium.
  static let r14 = ShardRule.consortium("R14") { s in
    s.hasMemberOrg { $0.contains(.enterprise) && !$0.isDisjoint(with: [.small, .medium]) }
      ? nil : s.report(.r14NoSME(s.consortium), at: s.consortium)
  }
}

extension Message {
  static func r14NoSME(_ consortium: Entity) -> Message {
    let k = T.label(consortium)
    return Message(
      "R14", en: "consortium \(k.en) has no small or medium enterprise member",
      zh: "联合体 \(k.zh) 没有中小企业成员")
  }
}
