import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R42 = RuleSpec(
    "R42", .warning,
    summary: LocalizedText(
      en: "the experts' rankings agree too little: Kendall's W below consensus-min",
      zh: "专家排序一致性过低：肯德尔协调系数 W 低于 consensus-min"),
    examples: ["set plan consensus-min 0.5"],
    reads: [
      .attributes(.criterion, "type", "scale", "weight"), .entities(.field), .attributes(.score, "value"),
      .everything(.expert), .attributes(.rating, "value"), .attributes(.judgement, "value"),
      .attributes(.compare, "value"),
    ],
    settings: ["consensus-min", "method", "weighting", "rating-aggregate"],
    parts: [.basis(PanelRules.r42)])
}

extension PanelRules {
  /// **R42** (warning, SPEC §12): Kendall's W of the experts' own rankings (mid-ranks over the
  /// fields every expert ranked, with the tie correction; ``panelAgreement(_:method:expertScores:)``)
  /// is at least `consensus-min`. Needs a trusted ranking and two experts who rated. At the
  /// outlier (the expert with the lowest Spearman's ρ with the group), naming W, the fields it is
  /// over, the outlier and their ρ.
  static let r42 = Rule("R42") { c in
    guard let agreement = c.agreement, let w = agreement.kendallW, w < c.plan.consensusMin, let panel = c.panel
    else { return [] }
    let outlier = agreement.outlier.map { (panel.experts[$0], agreement.rho[$0]) }
    let at = outlier?.0 ?? panel.experts[0]
    return [
      c.report(
        .r42LowConsensus(
          w: w, minimum: c.plan.consensusMin, fields: agreement.commonFields.count, experts: panel.experts.count,
          outlier: outlier.map { ($0.0, $0.1 ?? 0) }),
        at: at)
    ]
  }
}

extension Message {
  static func r42LowConsensus(w: Double, minimum: Double, fields: Int, experts: Int, outlier: (Entity, Double)?)
    -> Message
  {
    let (wText, m) = (T.number(w, places: 3), Format.number(minimum))
    let who = outlier.map { (T.label($0.0), T.number($0.1, places: 3)) }
    return Message(
      "R42",
      en: "the \(experts) experts agree little: Kendall's W = \(wText) < \(m) (consensus-min) over \(fields) fields"
        + (who.map { "; the outlier is \($0.0.en), ρ = \($0.1) with the group" } ?? ""),
      zh: "\(experts) 位专家的排序一致性低：在 \(fields) 个领域上肯德尔协调系数 W = \(wText) < \(m)（consensus-min）"
        + (who.map { "；离群专家为 \($0.0.zh)，与专家组的 ρ = \($0.1)" } ?? ""))
  }
}
