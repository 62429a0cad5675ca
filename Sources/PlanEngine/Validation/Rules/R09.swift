import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R09 = RuleSpec(
    "R09", .warning,
    summary: LocalizedText(
      en: "a consortium's field ranks below `cutoff` and the field has no `justification`",
      zh: "联合体所属领域排在 cutoff 之外，且该领域没有 justification"),
    examples: ["set field F5 justification \"省委确定的战略方向\""],
    // The ranking's own inputs too: what ranks the fields.
    reads: [
      .attributes(.field, "justification"), .attributes(.consortium, "field"), .everything(.criterion),
      .attributes(.score, "value"), .attributes(.compare, "value"),
      // A score may be the aggregate of the experts' ratings, the weights their group's (SPEC §12).
      .attributes(.expert, "weight"), .attributes(.judgement, "value"), .attributes(.rating, "value"),
    ],
    settings: ["cutoff", "weighting", "method", "rating-aggregate"],
    parts: [.plan(RankingRules.r09)])
}

extension RankingRules {
  /// **R09** (warning): a consortium's field ranks below `cutoff` (rank > cutoff) while the field
  /// has no `justification` (an empty one counts as none). At the consortium.
  static let r09 = Rule("R09") { c in
    guard c.ranking != nil, let cutoff = c.plan.cutoff else { return [] }
    let ranks = c.rankByField
    let fields = c.plan[.field].values
    // Whether each field below the cutoff lacks a justification, read once per field.
    var unjustified = [Bool?](repeating: nil, count: fields.count)
    var findings: [Diagnostic] = []
    for (k, f) in c.consortiumField.enumerated() where f >= 0 {
      guard let rank = ranks[Int(f)], rank > cutoff else { continue }
      if unjustified[Int(f)] == nil {
        unjustified[Int(f)] = (fields[Int(f)][Attr.Field.justification]?.text ?? "").allSatisfy(\.isWhitespace)
      }
      guard unjustified[Int(f)]! else { continue }
      let consortium = c.plan[.consortium].values[k]
      findings.append(
        c.report(.r09BelowCutoff(consortium, field: fields[Int(f)], rank: rank, cutoff: cutoff), at: consortium))
    }
    return findings
  }
}

extension Message {
  static func r09BelowCutoff(_ consortium: Entity, field: Entity, rank: Int, cutoff: Int) -> Message {
    let (k, f) = (T.label(consortium), T.label(field))
    return Message(
      "R09",
      en:
        "consortium \(k.en) works in field \(f.en), which ranks \(rank), below the cutoff \(cutoff), and the field has no justification",
      zh: "联合体 \(k.zh) 所属领域 \(f.zh) 排名第 \(rank)，在 cutoff \(cutoff) 之外，且该领域没有 justification（理由）")
  }
}
