import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R15 = RuleSpec(
    "R15", .warning,
    summary: LocalizedText(
      en: "a consortium's member count lies outside `members-min..members-max`",
      zh: "联合体成员数不在 members-min..members-max 之内"),
    examples: ["set plan members-min 5 members-max 30"],
    reads: [.entities(.consortium), .entities(.member)],
    settings: ["members-min", "members-max"],
    parts: [.shard(ConsortiumRules.r15)])
}

extension ConsortiumRules {
  /// **R15** (warning): the number of members lies within `members-min..members-max`, both ends
  /// included (default 5..30).
  static let r15 = ShardRule.consortium("R15") { s in
    let (low, high) = (s.index.settings.membersMin, s.index.settings.membersMax)
    let count = s.index.membersByConsortium.count(s.k)
    guard count < low || count > high else { return nil }
    return s.report(.r15Count(s.consortium, count: count, min: low, max: high), at: s.consortium)
  }
}

extension Message {
  static func r15Count(_ consortium: Entity, count: Int, min: Int, max: Int) -> Message {
    let k = T.label(consortium)
    return Message(
      "R15",
      en:
        "consortium \(k.en) has \(count) member\(count == 1 ? "" : "s"), outside members-min..members-max \(min)..\(max)",
      zh: "联合体 \(k.zh) 有 \(count) 个成员，不在 members-min..members-max（\(min)..\(max)）之内")
  }
}
