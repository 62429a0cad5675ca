import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R03 = RuleSpec(
    "R03", .error,
    summary: LocalizedText(
      en: "AHP weighting: judgements are Saaty values and every pair of criteria is judged",
      zh: "AHP 赋权：判断值须为 Saaty 标度值，且每对准则都有判断"),
    examples: ["set plan weighting ahp", "add compare C1 C2 3"],
    reads: [.entities(.criterion), .attributes(.compare, "value"), .entities(.judgement)],
    settings: ["weighting"],
    parts: [.basis(RankingRules.r03)])
}

extension RankingRules {
  /// **R03** (error, `weighting ahp` only): every judgement is a Saaty value — a whole number 1…9
  /// or its reciprocal 1/2…1/9 (within 1e-9) — reported at the judgement; and every pair of
  /// criteria is judged (in either order). Missing pairs are reported once per criterion, at the
  /// criterion, naming the earlier criteria (plan order) it has not been compared with, so adding
  /// a criterion puts the finding on the new criterion's line.
  static let r03 = Rule("R03") { c in
    guard c.plan.weighting == "ahp" else { return [] }
    var findings: [Diagnostic] = []
    for compare in c.plan[.compare].values {
      if let value = compare[Attr.Compare.value]?.number, !isSaaty(value) {
        findings.append(c.report(.r03NotSaaty(compare, value: value), at: compare))
      }
    }
    let ids = c.criteria.map(\.id)
    let pairs = ids.count * (ids.count - 1) / 2
    // A pair is judged by a `compare`, or by some expert's `judgement` (SPEC §12: a pair every
    // expert left unjudged is missing).
    let byExperts = c.plan[.judgement].isEmpty ? [] : pairsJudgedByExperts(c.plan)
    let missing = ids.indices.map { i in
      ids[..<i].filter { !judged(c.plan, ids[i], $0) && !byExperts.contains(EntityKey(ids[i], $0)) }
    }
    let missingPairs = missing.reduce(0) { $0 + $1.count }
    for (criterion, partners) in zip(c.criteria, missing) where !partners.isEmpty {
      findings.append(
        c.report(.r03Unjudged(criterion, missing: partners, missingPairs: missingPairs, pairs: pairs), at: criterion))
    }
    return findings
  }
}

extension Message {
  static func r03NotSaaty(_ compare: Entity, value: Double) -> Message {
    let pair = compare.key.description
    let v = Format.saaty(value)
    return Message(
      "R03", en: "the judgement \(pair) = \(v) is not a Saaty value (1 to 9, or 1/2 to 1/9)",
      zh: "判断 \(pair) = \(v) 不是 Saaty 标度值（1 到 9，或 1/2 到 1/9）")
  }

  static func r03Unjudged(_ criterion: Entity, missing: [String], missingPairs: Int, pairs: Int) -> Message {
    let c = T.label(criterion)
    let list = T.list(missing)
    return Message(
      "R03",
      en:
        "criterion \(c.en) is not compared with \(list.en); AHP needs every pair judged (\(missingPairs) of \(pairs) pairs missing)",
      zh: "准则 \(c.zh) 与 \(list.zh) 之间没有两两比较判断；AHP 要求每对准则都有判断（\(pairs) 对中缺 \(missingPairs) 对）")
  }
}
