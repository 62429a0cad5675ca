import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R44 = RuleSpec(
    "R44", .warning,
    summary: LocalizedText(
      en: "recusal (回避): an expert rates a field in which a consortium has the expert's org as a member",
      zh: "回避：专家为其所在单位参加的联合体所属领域评分"),
    examples: ["set expert E1 org none"],
    reads: [
      .attributes(.expert, "org"), .entities(.rating), .attributes(.consortium, "field"), .entities(.member),
      .entities(.org),
    ],
    parts: [.plan(PanelRules.r44)])
}

extension PanelRules {
  /// **R44** (warning, SPEC §12): recusal (回避) — an expert whose `org` is a member of a
  /// consortium in field F does not rate F. One finding per expert and field, at the expert's
  /// rating of it that comes first, naming the org and the consortium (the first in plan order).
  /// Silent, at the cost of one pass over the experts, when no expert has an `org`.
  static let r44 = Rule("R44") { c in
    var orgOf: [String: String] = [:]
    for expert in c.plan[.expert].values {
      if let org = expert[Attr.Expert.org]?.ref { orgOf[expert.id] = org }
    }
    guard !orgOf.isEmpty else { return [] }
    let orgs = Set(orgOf.values)
    let consortia = c.plan[.consortium]
    // (org, field) → the first consortium in plan order.
    var memberships: [EntityKey: Entity] = [:]
    for member in c.plan[.member].keys where orgs.contains(member.b) {
      guard let consortium = consortia[EntityKey(member.a)], let field = consortium[Attr.Consortium.field]?.ref else {
        continue
      }
      let key = EntityKey(member.b, field)
      if let seen = memberships[key], consortia.index(forKey: seen.key)! <= consortia.index(forKey: consortium.key)! {
        continue
      }
      memberships[key] = consortium
    }
    guard !memberships.isEmpty else { return [] }
    var first: [EntityKey: Entity] = [:]
    for rating in c.plan[.rating].values {
      guard let org = orgOf[rating.key.a], memberships[EntityKey(org, rating.key.b)] != nil else { continue }
      let key = EntityKey(rating.key.a, rating.key.b)
      if let seen = first[key], seen.location <= rating.location { continue }
      first[key] = rating
    }
    let experts = c.plan[.expert]
    return first.values.sorted { $0.location < $1.location }.map { rating in
      let org = orgOf[rating.key.a]!
      let consortium = memberships[EntityKey(org, rating.key.b)]!
      return c.report(
        .r44Recusal(expert: experts[EntityKey(rating.key.a)]!, org: org, consortium: consortium, field: rating.key.b),
        at: rating)
    }
  }
}

extension Message {
  static func r44Recusal(expert: Entity, org: String, consortium: Entity, field: String) -> Message {
    let e = T.label(expert)
    let k = T.label(consortium)
    return Message(
      "R44",
      en:
        "recusal: expert \(e.en) works for \(org), a member of consortium \(k.en) in field \(field), and rates \(field)",
      zh: "回避：专家 \(e.zh) 所在单位 \(org) 是领域 \(field) 的联合体 \(k.zh) 的成员，该专家不应为 \(field) 评分")
  }
}
