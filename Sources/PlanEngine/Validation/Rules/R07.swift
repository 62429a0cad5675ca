import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R07 = RuleSpec(
    "R07", .warning,
    summary: LocalizedText(
      en: "two fields tie (equal score within 1e-9): they share a rank",
      zh: "两个领域得分相同（差值在 1e-9 内），名次并列"),
    examples: ["rank"],
    reads: [
      .everything(.criterion), .entities(.field), .attributes(.score, "value"), .attributes(.compare, "value"),
      // A score may be the aggregate of the experts' ratings, the weights their group's (SPEC §12).
      .attributes(.expert, "weight"), .attributes(.judgement, "value"), .attributes(.rating, "value"),
    ],
    settings: ["weighting", "method", "rating-aggregate"],
    parts: [.basis(RankingRules.r07)])
}

extension RankingRules {
  /// **R07** (warning): fields whose scores lie within 1e-9 of each other share a rank. One finding
  /// per group of tied fields, at the field of the group that comes last in plan order.
  static let r07 = Rule("R07") { c in
    guard let ranking = c.ranking else { return [] }
    // The rows are sorted by rank: tied fields stand together.
    let rows = ranking.rows
    var findings: [Diagnostic] = []
    var start = 0
    while start < rows.count {
      var end = start + 1
      while end < rows.count, rows[end].rank == rows[start].rank { end += 1 }
      if end - start > 1 {
        let fields = rows[start..<end].compactMap { c.plan.entity(.field, $0.field) }
        if let last = fields.last {
          let tie = Message.r07Tie(fields, score: rows[start].score, rank: rows[start].rank, method: ranking.method)
          findings.append(c.report(tie, at: last))
        }
      }
      start = end
    }
    return findings
  }
}

extension Message {
  static func r07Tie(_ fields: [Entity], score: Double, rank: Int, method: String) -> Message {
    let list = T.list(fields.map(T.label))
    let s = T.number(score)
    let m = T.keyword(method)
    return Message(
      "R07", en: "fields \(list.en) tie at score \(s) (\(m.en)): they share rank \(rank)",
      zh: "领域 \(list.zh) 得分相同（\(m.zh)，\(s)），并列第 \(rank) 名")
  }
}
