import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R45 = RuleSpec(
    "R45", .warning,
    summary: LocalizedText(
      en: "a measure has an `amount` but no `funder`", zh: "措施有金额（amount）但没有出资方（funder）"),
    examples: ["set measure M1 amount 1000 funder none", "set measure M1 funder provincial"],
    reads: [.attributes(.measure, "amount", "funder")],
    settings: ["currency"],
    parts: [.shard(FundingRules.r45)])
}

extension FundingRules {
  /// **R45** (warning, SPEC §15): a measure that has an `amount` names its `funder` — money with
  /// no one to pay it cannot be checked against the funding lines (R28) nor the government's
  /// role (R29). An amount of 0 is an amount. At the measure, naming the amount.
  static let r45 = ShardRule("R45") { s in
    let index = s.index
    let measures = index.measuresByConsortium
    var findings: [Diagnostic] = []
    for i in measures.bounds(s.k) where index.measureFunder[measures.item(i)] < 0 {
      let measure = index.measures[measures.item(i)]
      guard let amount = measure[Attr.Measure.amount]?.number else { continue }
      findings.append(s.report(.r45NoFunder(measure, amount: amount, currency: index.settings.currency), at: measure))
    }
    return findings
  }
}

extension Message {
  static func r45NoFunder(_ measure: Entity, amount: Double, currency: String) -> Message {
    let m = T.label(measure)
    let a = T.number(amount, places: 2)
    return Message(
      "R45", en: "measure \(m.en) has an amount of \(a) \(currency) but no funder; name who pays it (funder)",
      zh: "措施 \(m.zh) 有金额 \(a) \(currency)，但没有出资方；请注明出资方（funder）")
  }
}
