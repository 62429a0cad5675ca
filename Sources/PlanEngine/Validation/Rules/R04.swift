import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R04 = RuleSpec(
    "R04", .error,
    summary: LocalizedText(
      en: "AHP consistency ratio CR > `cr-max` (0.10; n ≥ 3)",
      zh: "AHP 一致性比率 CR > cr-max（0.10；n ≥ 3）"),
    examples: ["add compare C1 C2 3", "add compare C2 C3 3", "add compare C1 C3 9"],
    reads: [.entities(.criterion), .attributes(.compare, "value")],
    settings: ["weighting", "cr-max"],
    parts: [.basis(RankingRules.r04)])
}

extension RankingRules {
  /// **R04** (error, `weighting ahp` only): the consistency ratio CR = CI/RI of the judgements is at
  /// most 0.10 for n ≥ 3 criteria (n ≤ 2 is always consistent). Checked only when R03 is clean.
  /// Reported at the judgement that departs most from the derived weights (the largest
  /// max(aᵢⱼ·wⱼ/wᵢ, wᵢ/(aᵢⱼ·wⱼ)); among equals the later statement), the first one to reconsider;
  /// the message gives CR, CI, RI, n and λmax.
  /// More than 15 criteria is also an R04 error: Saaty's RI table ends at 15.
  static let r04 = Rule("R04") { c in
    guard c.plan.weighting == "ahp" else { return [] }
    if c.criteria.count > ahpMaxCriteria {
      return [c.report(.r04TooManyCriteria(c.criteria.count), at: c.criteria[ahpMaxCriteria])]
    }
    guard c.criteria.count >= 3, let ahp = c.ahp, ahp.cr > c.plan.crMax else { return [] }
    let position = Dictionary(uniqueKeysWithValues: c.criteria.enumerated().map { ($0.element.id, $0.offset) })
    var worst: (compare: Entity, implied: Double, departure: Double)?
    for compare in c.plan[.compare].values {
      guard let i = position[compare.key.a], let j = position[compare.key.b],
        let value = compare[Attr.Compare.value]?.number
      else { continue }
      let implied = ahp.weights[i] / ahp.weights[j]
      let departure = max(value / implied, implied / value)
      if let w = worst {
        // Equal departures (all judgements of a 3 × 3 matrix depart alike): the later statement.
        let tie = abs(departure - w.departure) <= 1e-9 * w.departure
        guard tie ? compare.location > w.compare.location : departure > w.departure else { continue }
      }
      worst = (compare, implied, departure)
    }
    guard let worst else { return [] }
    return [
      c.report(
        .r04Inconsistent(ahp, n: c.criteria.count, worst: worst.compare, implied: worst.implied, crMax: c.plan.crMax),
        at: worst.compare)
    ]
  }
}

extension Message {
  static func r04Inconsistent(_ ahp: AHPResult, n: Int, worst: Entity, implied: Double, crMax: Double) -> Message {
    let (cr, ci, lambda) = (T.number(ahp.cr), T.number(ahp.ci), T.number(ahp.lambdaMax))
    let ri = Format.number(ahp.ri)
    let limit = fixed(crMax, 2)
    let judgement = "\(worst.key.description) = \(Format.saaty(worst[Attr.Compare.value]?.number ?? 0))"
    let weights = T.number(implied, places: 2)
    return Message(
      "R04",
      en:
        "the AHP judgements are inconsistent: CR = \(cr) > \(limit) (CI = \(ci), RI = \(ri) for n = \(n), λmax = \(lambda)); "
        + "\(judgement) departs most from the derived weights, which put the ratio at \(weights)",
      zh: "AHP 判断不一致：CR = \(cr) > \(limit)（CI = \(ci)，n = \(n) 时 RI = \(ri)，λmax = \(lambda)）；"
        + "与导出权重偏离最大的判断是 \(judgement)，按导出权重该比值应为 \(weights)")
  }

  static func r04TooManyCriteria(_ count: Int) -> Message {
    Message(
      "R04",
      en:
        "AHP weighting handles at most \(ahpMaxCriteria) criteria (Saaty's RI table ends there); the plan has \(count)",
      zh: "AHP 赋权最多支持 \(ahpMaxCriteria) 个准则（Saaty 随机一致性指标 RI 表到此为止）；计划有 \(count) 个")
  }
}
