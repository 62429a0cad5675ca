import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R41 = RuleSpec(
    "R41", .warning,
    summary: LocalizedText(
      en: "an expert has not rated every field on every criterion, or (AHP) not judged every pair",
      zh: "某专家未对每个领域的每个准则评分，或（AHP）未对每对准则作出判断"),
    examples: ["add rating E1 F1 C1 8", "add judgement E1 C1 C2 3"],
    reads: [.entities(.criterion), .entities(.field), .entities(.expert), .entities(.rating), .entities(.judgement)],
    settings: ["weighting"],
    parts: [.basis(PanelRules.r41)])
}

extension PanelRules {
  /// How many missing cells or pairs a finding names before it says "…".
  static let namedGaps = 5

  /// **R41** (warning, SPEC §12): when the plan has ratings, every expert rates every field on
  /// every criterion; with `weighting ahp` and judgements, every expert judges every pair. One
  /// finding per expert and part, at the expert, counting the gaps and naming the first five (in
  /// field, then criterion order; pairs in criterion order).
  static let r41 = Rule("R41") { c in
    guard let panel = c.panel else { return [] }
    let fields = c.plan[.field].values
    let ids = c.criteria.map(\.id)
    var findings: [Diagnostic] = []
    for (k, expert) in panel.experts.enumerated() {
      if !panel.ratings.isEmpty {
        var gaps: [String] = []
        var count = 0
        for f in panel.ratings[k].indices {
          for j in ids.indices where panel.ratings[k][f][j] == nil {
            count += 1
            if gaps.count < namedGaps { gaps.append("\(fields[f].id) \(ids[j])") }
          }
        }
        if count > 0 {
          findings.append(
            c.report(.r41Unrated(expert, named: gaps, count: count, cells: fields.count * ids.count), at: expert))
        }
      }
      if c.plan.weighting == "ahp", !panel.judgements.isEmpty {
        var gaps: [String] = []
        var count = 0
        for i in ids.indices {
          for j in (i + 1)..<ids.count where panel.judgements[k][i][j] == nil {
            count += 1
            if gaps.count < namedGaps { gaps.append("\(ids[i]) \(ids[j])") }
          }
        }
        if count > 0 {
          findings.append(
            c.report(
              .r41Unjudged(expert, named: gaps, count: count, pairs: ids.count * (ids.count - 1) / 2), at: expert))
        }
      }
    }
    return findings
  }
}

extension Message {
  static func r41Unrated(_ expert: Entity, named: [String], count: Int, cells: Int) -> Message {
    let e = T.label(expert)
    let list = T.list(named)
    let more = count > named.count ? ", …" : ""
    return Message(
      "R41",
      en:
        "expert \(e.en) has not rated \(count) of \(cells) fields × criteria (\(list.en)\(more)); they are left out of those scores and of the agreement",
      zh: "专家 \(e.zh) 在 \(cells) 个领域 × 准则中有 \(count) 个未评分（\(list.zh)\(more.isEmpty ? "" : "、…")）；这些评分和一致性分析不含该专家")
  }

  static func r41Unjudged(_ expert: Entity, named: [String], count: Int, pairs: Int) -> Message {
    let e = T.label(expert)
    let list = T.list(named)
    let more = count > named.count ? ", …" : ""
    return Message(
      "R41",
      en:
        "expert \(e.en) has not judged \(count) of \(pairs) pairs of criteria (\(list.en)\(more)); their own CR cannot be computed",
      zh: "专家 \(e.zh) 在 \(pairs) 对准则中有 \(count) 对未作判断（\(list.zh)\(more.isEmpty ? "" : "、…")）；无法计算其自身的 CR")
  }
}
