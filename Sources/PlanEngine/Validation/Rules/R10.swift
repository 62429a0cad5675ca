import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R10 = RuleSpec(
    "R10", .warning,
    summary: LocalizedText(
      en: "a field within `cutoff` has no consortium",
      zh: "排名在 cutoff 之内的领域没有联合体"),
    examples: ["add consortium K2 \"碳纤维创新联合体\" field F2"],
    // The ranking's own inputs too: what ranks the fields.
    reads: [
      .entities(.field), .attributes(.consortium, "field"), .everything(.criterion), .attributes(.score, "value"),
      .attributes(.compare, "value"),
      // A score may be the aggregate of the experts' ratings, the weights their group's (SPEC §12).
      .attributes(.expert, "weight"), .attributes(.judgement, "value"), .attributes(.rating, "value"),
    ],
    settings: ["cutoff", "weighting", "method", "rating-aggregate"],
    parts: [.plan(RankingRules.r10)])
}

extension RankingRules {
  /// **R10** (warning): a field within `cutoff` (rank ≤ cutoff) has no consortium. At the field.
  static let r10 = Rule("R10") { c in
    guard let ranking = c.ranking, let cutoff = c.plan.cutoff else { return [] }
    let fields = c.plan[.field]
    let hasConsortium = c.fieldHasConsortium
    return ranking.rows.compactMap { row in
      guard row.rank <= cutoff, let f = fields.index(forKey: EntityKey(row.field)), !hasConsortium[f]
      else { return nil }
      let field = fields.values[f]
      return c.report(.r10NoConsortium(field, rank: row.rank, cutoff: cutoff), at: field)
    }
  }
}

extension Message {
  static func r10NoConsortium(_ field: Entity, rank: Int, cutoff: Int) -> Message {
    let f = T.label(field)
    return Message(
      "R10", en: "field \(f.en) ranks \(rank), within the cutoff \(cutoff), but has no consortium",
      zh: "领域 \(f.zh) 排名第 \(rank)，在 cutoff \(cutoff) 之内，但没有联合体")
  }
}
