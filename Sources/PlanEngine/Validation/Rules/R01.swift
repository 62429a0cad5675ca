import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R01 = RuleSpec(
    "R01", .error,
    summary: LocalizedText(
      en: "direct weighting: every weight > 0 and the weights sum to 1 (±0.001)",
      zh: "直接赋权：每个权重大于 0，且权重之和为 1（±0.001）"),
    examples: ["set criterion C1 weight 0.4", "set criterion C2 weight 0.6"],
    reads: [.attributes(.criterion, "weight")],
    settings: ["weighting"],
    parts: [.basis(RankingRules.r01)])
}

extension RankingRules {
  /// The criteria whose weights must be set, the sum of what is set, and the missing ones.
  ///
  /// **R01** (error, `weighting direct` only): every criterion has a `weight` > 0, and the weights
  /// sum to 1 within ±0.001. A missing weight is reported on its own; the sum is checked only when
  /// every criterion has a weight, and is reported at the criterion statement that comes last.
  static let r01 = Rule("R01") { c in
    guard c.plan.weighting == "direct", let last = c.latest(c.criteria) else { return [] }
    var findings: [Diagnostic] = []
    var terms: [(id: String, weight: Double)] = []
    for criterion in c.criteria {
      guard let weight = criterion[Attr.Criterion.weight]?.number else {
        findings.append(c.report(.r01MissingWeight(criterion), at: criterion))
        continue
      }
      if weight <= 0 { findings.append(c.report(.r01NonPositiveWeight(criterion, weight: weight), at: criterion)) }
      terms.append((criterion.id, weight))
    }
    let sum = terms.reduce(0) { $0 + $1.weight }
    if terms.count == c.criteria.count, abs(sum - 1) > weightSumTolerance {
      findings.append(c.report(.r01WeightSum(terms, sum: sum), at: last))
    }
    return findings
  }
}

extension Message {
  static func r01MissingWeight(_ criterion: Entity) -> Message {
    let c = T.label(criterion)
    return Message(
      "R01", en: "criterion \(c.en) has no weight; direct weighting needs a weight > 0 on every criterion",
      zh: "准则 \(c.zh) 没有权重；直接赋权要求每个准则的权重大于 0")
  }

  static func r01NonPositiveWeight(_ criterion: Entity, weight: Double) -> Message {
    let c = T.label(criterion)
    let w = T.number(weight)
    return Message(
      "R01", en: "criterion \(c.en) has weight \(w); direct weighting needs every weight > 0",
      zh: "准则 \(c.zh) 的权重为 \(w)；直接赋权要求每个权重大于 0")
  }

  static func r01WeightSum(_ terms: [(id: String, weight: Double)], sum: Double) -> Message {
    let addition = terms.map { "\($0.id) \(T.number($0.weight))" }.joined(separator: " + ")
    let s = T.sum(sum)
    return Message(
      "R01", en: "the criterion weights sum to \(s.en), not 1 (±0.001): \(addition) = \(s.en)",
      zh: "准则权重之和为 \(s.zh)，不等于 1（允许 ±0.001）：\(addition) = \(s.zh)")
  }
}
