import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R08 = RuleSpec(
    "R08", .warning,
    summary: LocalizedText(
      en:
        "the top `cutoff` set differs between weighted and topsis, or changes when any one weight moves by ±`weight-move` (10%)",
      zh: "加权法与 TOPSIS 的前 cutoff 名不同，或任一权重变动 ±weight-move（10%）时前 cutoff 名改变"),
    examples: ["rank sensitivity", "rank method topsis"],
    reads: [
      .everything(.criterion), .entities(.field), .attributes(.score, "value"), .attributes(.compare, "value"),
      // A score may be the aggregate of the experts' ratings, the weights their group's (SPEC §12).
      .attributes(.expert, "weight"), .attributes(.judgement, "value"), .attributes(.rating, "value"),
    ],
    settings: ["weighting", "method", "cutoff", "weight-move", "rating-aggregate"],
    parts: [.basis(RankingRules.r08)])
}

extension RankingRules {
  /// **R08** (warning): the top-`cutoff` set (every field with rank ≤ cutoff, so a tie at the
  /// boundary brings in all tied fields) is the same under weighted and topsis — reported at the
  /// `set plan … cutoff` statement — and survives moving any one weight by ±10% *of that weight*
  /// (0.30 → 0.27 and 0.33), the other weights rescaled to keep their proportions and sum — one
  /// finding per move that changes it, at the criterion whose weight moved. The moves use the
  /// plan's `method`; their size is the plan's `weight-move` (10% by default).
  static let r08 = Rule("R08") { c in
    guard let basis = c.trustedBasis, let cutoff = c.plan.cutoff else { return [] }
    let input = basis.input
    let ids = input.fieldIDs
    var findings: [Diagnostic] = []
    let weighted = topSet(scores: scores(input, method: .weighted), cutoff: cutoff)
    let topsis = topSet(scores: scores(input, method: .topsis), cutoff: cutoff)
    if weighted != topsis, let location = c.cutoffLocation {
      findings.append(
        c.report(
          .r08Methods(cutoff: cutoff, weighted: weighted.map { ids[$0] }, topsis: topsis.map { ids[$0] }),
          at: location))
    }
    let method = RankingMethod(rawValue: c.plan.method) ?? .weighted
    let top = (method == .weighted ? weighted : topsis).map { ids[$0] }
    for change in topSetChanges(input, method: method, cutoff: cutoff, relativeChange: c.plan.weightMove) {
      let criterion = basis.criteria[change.criterion]
      findings.append(
        c.report(
          .r08WeightMove(
            criterion: criterion, cutoff: cutoff, top: top, from: input.weights[change.criterion], to: change.weight,
            entered: change.entered.map { ids[$0] }, left: change.left.map { ids[$0] }, move: c.plan.weightMove),
          at: criterion))
    }
    return findings
  }
}

extension Message {
  static func r08Methods(cutoff: Int, weighted: [String], topsis: [String]) -> Message {
    let (w, t) = (T.list(weighted), T.list(topsis))
    return Message(
      "R08", en: "the top \(cutoff) differs between weighted (\(w.en)) and topsis (\(t.en))",
      zh: "前 \(cutoff) 名在加权和法（\(w.zh)）与 TOPSIS 法（\(t.zh)）下不同")
  }

  static func r08WeightMove(
    criterion: Entity, cutoff: Int, top: [String], from: Double, to: Double, entered: [String], left: [String],
    move: Double = 0.10
  ) -> Message {
    let c = T.label(criterion)
    let step = (to > from ? "+" : "−") + T.percent(move)
    let (a, b) = (T.number(from), T.number(to))
    let (inList, outList, topList) = (T.list(entered), T.list(left), T.list(top))
    return Message(
      "R08",
      en: "the top \(cutoff) (\(topList.en)) changes when the weight of \(c.en) moves \(step) from \(a) to \(b): "
        + "\(inList.en) enter, \(outList.en) leave",
      zh: "准则 \(c.zh) 的权重变动 \(step)（\(a) → \(b)）时，前 \(cutoff) 名（\(topList.zh)）改变：\(inList.zh) 进入，\(outList.zh) 退出")
  }
}
