import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R31 = RuleSpec(
    "R31", .warning,
    summary: LocalizedText(
      en: "a measure has no `agency`",
      zh: "措施没有责任部门（agency）"),
    examples: ["set measure M1 agency \"省科技厅\""],
    reads: [.attributes(.measure, "agency")],
    parts: [.shard(FundingRules.r31)])
}

extension FundingRules {
  /// **R31** (warning): every measure names a responsible `agency` (blank counts as none).
  static let r31 = ShardRule("R31") { s in
    let index = s.index
    let measures = index.measuresByConsortium
    var findings: [Diagnostic] = []
    for i in measures.bounds(s.k) where index.measureFacts[measures.item(i)].contains(.blankAgency) {
      let measure = index.measures[measures.item(i)]
      findings.append(s.report(.r31NoAgency(measure), at: measure))
    }
    return findings
  }

}

extension Message {
  static func r31NoAgency(_ measure: Entity) -> Message {
    let m = T.label(measure)
    return Message(
      "R31", en: "measure \(m.en) has no responsible agency (agency)",
      zh: "措施 \(m.zh) 没有责任部门（agency）")
  }
}
