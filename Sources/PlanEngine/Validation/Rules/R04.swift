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
    reads: [
      .entities(.criterion), .attributes(.compare, "value"), .attributes(.expert, "weight"),
      .attributes(.judgement, "value"),
    ],
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
    // The experts' judgements when the weights are their group's (SPEC §12), else the compares.
    let panel = !c.plan[.judgement].isEmpty
    var worst: (compare: Entity, implied: Double, departure: Double)?
    for compare in c.plan[panel ? .judgement : .compare].values {
      let (a, b) = panel ? (compare.key.b, compare.key.c) : (compare.key.a, compare.key.b)
      guard let i = position[a], let j = position[b], let value = compare[Attr.Compare.value]?.number
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
    // The repair (SPEC §12): the judgement of the matrix whose change lowers CR most.
    let matrix: [[Double]]? =
      panel
      ? c.groupAHP.flatMap { g in g.missingPairs.isEmpty ? g.matrix.map { $0.map { $0 ?? 1 } } : nil }
      : AHPJudgements(c.plan, criteria: c.criteria)?.matrix
    let repair = matrix.flatMap { try? ahpRepair($0, threshold: c.plan.crMax) }
    let ids = c.criteria.map(\.id)
    return [
      c.report(
        .r04Inconsistent(
          ahp, n: c.criteria.count, worst: worst.compare, implied: worst.implied,
          repair: repair.map { ($0, ids[$0.pair.row], ids[$0.pair.column]) }, group: panel, crMax: c.plan.crMax),
        at: worst.compare)
    ]
  }
}

extension Message {
  static func r04Inconsistent(
    _ ahp: AHPResult, n: Int, worst: Entity, implied: Double, repair: (AHPRepair, String, String)?, group: Bool,
    crMax: Double
  ) -> Message {
    let (cr, ci, lambda) = (T.number(ahp.cr), T.number(ahp.ci), T.number(ahp.lambdaMax))
    let ri = Format.number(ahp.ri)
    let limit = fixed(crMax, 2)
    let judgement = "\(worst.key.description) = \(Format.saaty(worst[Attr.Compare.value]?.number ?? 0))"
    let weights = T.number(implied, places: 2)
    let fix = repair.map { r04Repair($0.0, $0.1, $0.2, group: group, crMax: crMax) }
    let whose =
      group
      ? LocalizedText(en: "the group's AHP judgements", zh: "专家组的 AHP 判断")
      : LocalizedText(en: "the AHP judgements", zh: "AHP 判断")
    return Message(
      "R04",
      en:
        "\(whose.en) are inconsistent: CR = \(cr) > \(limit) (CI = \(ci), RI = \(ri) for n = \(n), λmax = \(lambda)); "
        + "\(judgement) departs most from the derived weights, which put the ratio at \(weights)"
        + (fix.map { "; " + $0.en } ?? ""),
      zh: "\(whose.zh)不一致：CR = \(cr) > \(limit)（CI = \(ci)，n = \(n) 时 RI = \(ri)，λmax = \(lambda)）；"
        + "与导出权重偏离最大的判断是 \(judgement)，按导出权重该比值应为 \(weights)" + (fix.map { "；" + $0.zh } ?? ""))
  }

  /// The repair of an inconsistent matrix (SPEC §12): the judgement whose change lowers CR most,
  /// and the Saaty value nearest to its current one that brings CR to ≤ 0.10, when one does.
  static func r04Repair(_ repair: AHPRepair, _ a: String, _ b: String, group: Bool, crMax: Double = 0.10)
    -> LocalizedText
  {
    let limit = fixed(crMax, 2)
    let current = group ? T.number(repair.current, places: 3) : Format.saaty(repair.current)
    guard let value = repair.suggested, let cr = repair.suggestedCR else {
      let best = Format.saaty(repair.bestValue)
      let bestCR = T.number(repair.bestCR)
      return LocalizedText(
        en:
          "changing \(a) \(b) (now \(current)) lowers CR most, to \(bestCR) at \(best), but no single value brings it to \(limit)",
        zh: "修改 \(a) \(b)（现为 \(current)）最能降低 CR，取 \(best) 时为 \(bestCR)，但单改此项不能使 CR 降到 \(limit)")
    }
    let v = Format.saaty(value)
    let newCR = T.number(cr)
    return LocalizedText(
      en: "changing \(a) \(b) from \(current) to \(v) brings CR to \(newCR)",
      zh: "将 \(a) \(b) 由 \(current) 改为 \(v) 可使 CR 降为 \(newCR)")
  }

  static func r04TooManyCriteria(_ count: Int) -> Message {
    Message(
      "R04",
      en:
        "AHP weighting handles at most \(ahpMaxCriteria) criteria (Saaty's RI table ends there); the plan has \(count)",
      zh: "AHP 赋权最多支持 \(ahpMaxCriteria) 个准则（Saaty 随机一致性指标 RI 表到此为止）；计划有 \(count) 个")
  }
}
