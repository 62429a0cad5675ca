import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R11 = RuleSpec(
    "R11", .error,
    summary: LocalizedText(
      en: "a consortium has exactly one lead member, and the lead is an enterprise",
      zh: "联合体须恰有一个牵头成员（lead），且牵头单位是企业"),
    examples: ["add member K1 faw role lead"],
    reads: [.entities(.consortium), .attributes(.member, "role"), .attributes(.org, "type")],
    parts: [.shard(ConsortiumRules.r11)])
}

extension ConsortiumRules {
  /// **R11** (error): a consortium has exactly one member with `role lead` (no lead, or several,
  /// reported at the consortium), and that lead is an org of `type enterprise` (reported at the
  /// member statement; a lead without a `type` is not known to be an enterprise and is reported
  /// too).
  static let r11 = ShardRule.consortium("R11") { s in
    let index = s.index
    var count = 0
    var lead = -1
    let members = index.membersByConsortium
    for i in members.bounds(s.k) where index.memberFacts[members.item(i)].contains(.lead) {
      if count == 0 { lead = members.item(i) }
      count += 1
    }
    switch count {
    case 0: return s.report(.r11NoLead(s.consortium), at: s.consortium)
    case 1:
      let o = Int(index.memberOrg[lead])
      guard o >= 0, !index.orgFacts[o].contains(.enterprise) else { return nil }
      let type = index.orgs[o][Attr.Org.type]?.choice
      return s.report(.r11LeadNotEnterprise(s.consortium.id, org: index.orgs[o], type: type), at: index.members[lead])
    default:
      return s.report(.r11ManyLeads(s.consortium, leads: s.leads.map { index.members[$0].key.b }), at: s.consortium)
    }
  }
}

extension Message {
  static func r11NoLead(_ consortium: Entity) -> Message {
    let k = T.label(consortium)
    return Message(
      "R11", en: "consortium \(k.en) has no lead member (role lead); it needs exactly one lead enterprise",
      zh: "联合体 \(k.zh) 没有牵头成员（role lead）；须恰有一个牵头企业")
  }

  static func r11ManyLeads(_ consortium: Entity, leads: [String]) -> Message {
    let k = T.label(consortium)
    let list = T.list(leads)
    return Message(
      "R11", en: "consortium \(k.en) has \(leads.count) lead members (\(list.en)); exactly one is allowed",
      zh: "联合体 \(k.zh) 有 \(leads.count) 个牵头成员（\(list.zh)）；只能有一个")
  }

  static func r11LeadNotEnterprise(_ consortium: String, org: Entity, type: String?) -> Message {
    let o = T.label(org)
    guard let type else {
      return Message(
        "R11", en: "the lead of \(consortium), \(o.en), has no type; the lead must be an enterprise",
        zh: "\(consortium) 的牵头单位 \(o.zh) 没有填写类型（type）；牵头单位必须是企业")
    }
    let t = T.keyword(type)
    let article = ["university", "finance", "platform"].contains(type) ? "a" : "an"
    return Message(
      "R11", en: "the lead of \(consortium), \(o.en), is \(article) \(t.en), not an enterprise",
      zh: "\(consortium) 的牵头单位 \(o.zh) 是\(t.zh)（\(type)），不是企业")
  }
}
