import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R43 = RuleSpec(
    "R43", .error,
    summary: LocalizedText(
      en:
        "a rating outside its criterion's scale (or ≤ 0 under geomean); compare and judgement both present; a score and ratings for one field and criterion; an expert's judgement that is not a Saaty value",
      zh: "专家评分超出准则量表（或 geomean 下 ≤ 0）；compare 与 judgement 并存；同一领域同一准则既有评分又有专家评分；专家判断不是 Saaty 标度值"),
    examples: ["add rating E1 F1 C1 8", "add judgement E1 C1 C2 1/3"],
    reads: [
      .attributes(.criterion, "scale"), .everything(.compare), .attributes(.score, "value"),
      .attributes(.rating, "value"), .attributes(.judgement, "value"),
    ],
    settings: ["rating-aggregate"],
    parts: [.basis(PanelRules.r43)])
}

extension PanelRules {
  /// **R43** (error, SPEC §12): what keeps the panel's ratings and judgements from the ranking —
  /// a rating outside its criterion's scale (ends included; a scale that is itself wrong is R02's),
  /// or ≤ 0 under `rating-aggregate geomean` (at the rating); `compare` and `judgement` in one plan
  /// (at the judgement that comes last); a `score` and ratings of one field on one criterion (at
  /// the score); a judgement that is not a Saaty value (at it); a pair one expert judged in both
  /// orders (at the later).
  static let r43 = Rule("R43") { c in
    var findings: [Diagnostic] = []
    let scales = Dictionary(
      uniqueKeysWithValues: c.criteria.map { ($0.id, $0[Attr.Criterion.scale]?.range ?? (1, 10)) })
    let geomean = c.plan.ratingAggregate == "geomean"
    var rated = Set<EntityKey>()
    for rating in c.plan[.rating].values {
      guard let value = rating[Attr.Rating.value]?.number else { continue }
      rated.insert(EntityKey(rating.key.b, rating.key.c))
      if let (low, high) = scales[rating.key.c], low < high, value < low || value > high {
        findings.append(c.report(.r43RatingOutside(rating, value: value, low: low, high: high), at: rating))
      } else if geomean, !(value > 0) {
        findings.append(c.report(.r43RatingNotPositive(rating, value: value), at: rating))
      }
    }
    if !rated.isEmpty {
      for score in c.plan[.score].values where rated.contains(score.key) {
        findings.append(c.report(.r43ScoreAndRatings(score), at: score))
      }
    }
    let judgements = c.plan[.judgement]
    if !judgements.isEmpty, !c.plan[.compare].isEmpty, let last = c.latest(judgements.values) {
      findings.append(
        c.report(.r43CompareAndJudgement(compares: c.plan[.compare].count, judgements: judgements.count), at: last))
    }
    for judgement in judgements.values {
      if let value = judgement[Attr.Judgement.value]?.number, !RankingRules.isSaaty(value) {
        findings.append(c.report(.r43NotSaaty(judgement, value: value), at: judgement))
      }
      let key = judgement.key
      if let reversed = judgements[EntityKey(key.a, key.c, key.b)], reversed.location < judgement.location {
        findings.append(c.report(.r43BothOrders(judgement), at: judgement))
      }
    }
    return findings
  }
}

extension Message {
  static func r43RatingOutside(_ rating: Entity, value: Double, low: Double, high: Double) -> Message {
    let key = rating.key
    let v = Format.number(value)
    let scale = "\(Format.number(low))..\(Format.number(high))"
    return Message(
      "R43", en: "expert \(key.a)'s rating of \(key.b) on \(key.c) is \(v), outside \(key.c)'s scale \(scale)",
      zh: "专家 \(key.a) 对 \(key.b) 在 \(key.c) 上的评分 \(v) 超出该准则的量表 \(scale)")
  }

  static func r43RatingNotPositive(_ rating: Entity, value: Double) -> Message {
    let key = rating.key
    let v = Format.number(value)
    return Message(
      "R43",
      en:
        "expert \(key.a)'s rating of \(key.b) on \(key.c) is \(v); the geometric mean (rating-aggregate geomean) needs ratings > 0",
      zh: "专家 \(key.a) 对 \(key.b) 在 \(key.c) 上的评分为 \(v)；几何平均（rating-aggregate geomean）要求评分 > 0")
  }

  static func r43ScoreAndRatings(_ score: Entity) -> Message {
    let key = score.key
    return Message(
      "R43",
      en:
        "\(key.a) has both a score and experts' ratings on \(key.b); give one or the other (the score would stand for every expert)",
      zh: "\(key.a) 在 \(key.b) 上既有评分又有专家评分；二者只能取其一（评分将代替每位专家的评分）")
  }

  static func r43CompareAndJudgement(compares: Int, judgements: Int) -> Message {
    Message(
      "R43",
      en:
        "the plan has both compare (\(compares)) and experts' judgements (\(judgements)); the weights come from one or the other",
      zh: "计划同时有两两比较 compare（\(compares) 条）和专家判断 judgement（\(judgements) 条）；权重只能来自其中之一")
  }

  static func r43NotSaaty(_ judgement: Entity, value: Double) -> Message {
    let key = judgement.key.description
    let v = Format.saaty(value)
    return Message(
      "R43", en: "the judgement \(key) = \(v) is not a Saaty value (1 to 9, or 1/2 to 1/9)",
      zh: "判断 \(key) = \(v) 不是 Saaty 标度值（1 到 9，或 1/2 到 1/9）")
  }

  static func r43BothOrders(_ judgement: Entity) -> Message {
    let key = judgement.key
    return Message(
      "R43", en: "expert \(key.a) judges \(key.b) and \(key.c) twice, in both orders",
      zh: "专家 \(key.a) 对 \(key.b) 与 \(key.c) 两个顺序都作了判断")
  }
}
