import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R16 = RuleSpec(
    "R16", .warning,
    summary: LocalizedText(
      en: "a consortium has no IP strategy: `ip-strategy no` and no measure with instrument ip",
      zh: "联合体没有知识产权战略：ip-strategy 为 no，且没有 instrument 为 ip 的措施"),
    examples: ["set consortium K1 ip-strategy yes"],
    reads: [.attributes(.consortium, "ip-strategy"), .attributes(.measure, "instrument")],
    parts: [.shard(ConsortiumRules.r16)])
}

extension ConsortiumRules {
  /// **R16** (warning): `ip-strategy yes`, or one of the consortium's own measures has
  /// instrument ip.
  static let r16 = ShardRule.consortium("R16") { s in
    guard !s.index.consortiumIPStrategy[s.k], !s.hasMeasure(.ip) else { return nil }
    return s.report(.r16NoIPStrategy(s.consortium), at: s.consortium)
  }
}

extension Message {
  static func r16NoIPStrategy(_ consortium: Entity) -> Message {
    let k = T.label(consortium)
    return Message(
      "R16", en: "consortium \(k.en) has no IP strategy: ip-strategy is no and no measure of it has instrument ip",
      zh: "联合体 \(k.zh) 没有知识产权战略：ip-strategy 为 no，且没有 instrument 为 ip 的措施")
  }
}
