import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R29 = RuleSpec(
    "R29", .error,
    summary: LocalizedText(
      en: "overreach: a measure with instrument `management` and a government funder",
      zh: "越位：政府出资的措施使用“管理”工具（政府不管理联合体的人、财、物）"),
    examples: ["set measure M3 funder enterprise"],
    reads: [.attributes(.measure, "instrument", "funder")],
    parts: [.shard(FundingRules.r29)])
}

extension FundingRules {
  /// **R29** (error): no measure combines instrument management with a government funder — the
  /// government does not run the consortium's people, money and materials.
  static let r29 = ShardRule("R29") { s in
    let index = s.index
    let governmentSlot = Government()
    let measures = index.measuresByConsortium
    var findings: [Diagnostic] = []
    for i in measures.bounds(s.k) {
      let m = measures.item(i)
      guard index.measureFacts[m].contains(.management), governmentSlot(index.measureFunder[m]) >= 0 else {
        continue
      }
      let measure = index.measures[m]
      findings.append(s.report(.r29Overreach(measure, funder: measure[Attr.Measure.funder]?.choice ?? ""), at: measure))
    }
    return findings
  }
}

extension Message {
  static func r29Overreach(_ measure: Entity, funder: String) -> Message {
    let m = T.label(measure)
    let f = T.keyword(funder)
    return Message(
      "R29",
      en: "measure \(m.en) uses instrument management with a government funder (\(funder)): "
        + "the government does not run the consortium's people, money and materials",
      zh: "措施 \(m.zh) 由政府（\(f.zh)）出资并使用“管理”工具：政府不管理联合体的人、财、物（越位）")
  }
}
