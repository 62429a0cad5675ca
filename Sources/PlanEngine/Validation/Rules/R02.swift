import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R02 = RuleSpec(
    "R02", .error,
    summary: LocalizedText(
      en: "every criterion's scale has MIN < MAX and every score lies within it",
      zh: "每个准则的量表须 MIN < MAX，且每个评分都在量表之内"),
    examples: ["set criterion C1 scale 1..10", "add score F1 C1 8"],
    reads: [.attributes(.criterion, "scale"), .attributes(.score, "value")],
    parts: [.basis(RankingRules.r02)])
}

extension RankingRules {
  /// **R02** (error): every criterion's `scale` has MIN < MAX (reported at the criterion), and
  /// every score lies within its criterion's scale, ends included (reported at the score). Scores
  /// on a criterion whose scale is itself wrong are not judged.
  static let r02 = Rule("R02") { c in
    var findings: [Diagnostic] = []
    for criterion in c.criteria {
      if let (low, high) = criterion[Attr.Criterion.scale]?.range, !(low < high) {
        findings.append(c.report(.r02Scale(criterion, low: low, high: high), at: criterion))
      }
    }
    let scales = c.criteria.map { $0[Attr.Criterion.scale]?.range }
    var criterionOf = PlanIndex.Resolver(c.plan[.criterion])
    c.plan[.score].values.elements.withUnsafeBufferPointer { scores in
      for i in scores.indices {
        guard let value = scores[i][Attr.Score.value]?.number else { continue }
        let j = Int(criterionOf(scores[i].key.b))
        guard j >= 0, let (low, high) = scales[j], low < high, value < low || value > high else { continue }
        let score = scores[i]
        findings.append(
          c.report(
            .r02ScoreOutside(field: score.key.a, criterion: score.key.b, value: value, low: low, high: high), at: score)
        )
      }
    }
    return findings
  }
}

extension Message {
  static func r02Scale(_ criterion: Entity, low: Double, high: Double) -> Message {
    let c = T.label(criterion)
    let scale = "\(Format.number(low))..\(Format.number(high))"
    return Message(
      "R02", en: "criterion \(c.en) has scale \(scale); MIN must be below MAX",
      zh: "准则 \(c.zh) 的量表为 \(scale)；MIN 必须小于 MAX")
  }

  static func r02ScoreOutside(field: String, criterion: String, value: Double, low: Double, high: Double) -> Message {
    let v = Format.number(value)
    let scale = "\(Format.number(low))..\(Format.number(high))"
    return Message(
      "R02", en: "the score of \(field) on \(criterion) is \(v), outside \(criterion)'s scale \(scale)",
      zh: "\(field) 在 \(criterion) 上的评分 \(v) 超出该准则的量表 \(scale)")
  }
}
