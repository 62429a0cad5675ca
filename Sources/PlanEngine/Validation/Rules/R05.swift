import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R05 = RuleSpec(
    "R05", .error,
    summary: LocalizedText(
      en: "a field lacks a score on a criterion (a gap is never read as zero)",
      zh: "某领域缺少某准则的评分（缺失不按零处理）"),
    examples: ["add score F2 C1 6"],
    reads: [.entities(.criterion), .entities(.field), .entities(.score), .entities(.rating)],
    parts: [.basis(RankingRules.r05)])
}

extension RankingRules {
  /// **R05** (error): every field has a score on every criterion — its `score`, or experts'
  /// ratings of it (SPEC §12); a gap is never read as zero.
  /// One finding per field, at the field, naming the criteria it lacks.
  static let r05 = Rule("R05") { c in
    guard !c.criteria.isEmpty else { return [] }
    let scores = c.scores
    guard scores.missing > 0 else { return [] }
    let fields = c.plan[.field].values
    return fields.indices.compactMap { f in
      let missing = c.criteria.indices.filter { !scores.has(f, $0) }.map { c.criteria[$0].id }
      return missing.isEmpty ? nil : c.report(.r05MissingScores(fields[f], criteria: missing), at: fields[f])
    }
  }
}

extension Message {
  static func r05MissingScores(_ field: Entity, criteria: [String]) -> Message {
    let f = T.label(field)
    let list = T.list(criteria)
    return Message(
      "R05", en: "field \(f.en) has no score on \(list.en); a missing score is never read as zero",
      zh: "领域 \(f.zh) 缺少 \(list.zh) 的评分；缺失的评分不按零处理")
  }
}
