import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R06 = RuleSpec(
    "R06", .warning,
    summary: LocalizedText(
      en: "the criteria do not cover the three bases: tags chain, leader, science",
      zh: "准则没有覆盖三项基础：产业链（chain）、领军企业（leader）、科教资源（science）"),
    examples: ["add criterion C3 \"科教资源\" tag science"],
    reads: [.attributes(.criterion, "tag")],
    parts: [.basis(RankingRules.r06)])
}

extension RankingRules {
  /// **R06** (warning): the criteria's tags include chain, leader and science (the three bases of
  /// DOMAIN.md). Reported once, at the criterion statement that comes last.
  static let r06 = Rule("R06") { c in
    guard let last = c.latest(c.criteria) else { return [] }
    var tags: [String] = []
    for criterion in c.criteria {
      if let tag = criterion[Attr.Criterion.tag]?.choice, !tags.contains(tag) { tags.append(tag) }
    }
    let missing = ["chain", "leader", "science"].filter { !tags.contains($0) }
    return missing.isEmpty ? [] : [c.report(.r06Bases(missing: missing, present: tags), at: last)]
  }
}

extension Message {
  static func r06Bases(missing: [String], present: [String]) -> Message {
    let gone = T.list(missing.map(T.keyword))
    // The tags used, as their terms in Chinese (issue 17 item 7).
    let tags = present.isEmpty ? LocalizedText(en: "none", zh: "无") : T.list(present.map(T.keyword))
    return Message(
      "R06",
      en: "the criteria do not cover the bases \(gone.en): no criterion has that tag (tags used: \(tags.en)); "
        + "the ranking should weigh the chain, the leading enterprises and science",
      zh: "准则没有覆盖\(gone.zh)基础：没有相应 tag 的准则（已用 tag：\(tags.zh)）；排序应兼顾产业链、领军企业和科教资源")
  }
}
