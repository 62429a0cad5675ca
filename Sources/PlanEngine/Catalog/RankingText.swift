import PlanLanguage
import PlanModel

/// The texts of the `rank` report (SPEC §8) and of why a plan cannot be ranked.
package enum RankingText: TextCatalog {
  // MARK: The report

  /// The title: `Priority ranking (TOPSIS; AHP weights)`.
  package static func title(topsis: Bool, ahp: Bool) -> LocalizedText {
    LocalizedText(
      en: "Priority ranking (\(topsis ? "TOPSIS" : "weighted sum"); \(ahp ? "AHP weights" : "direct weights"))",
      zh: "优先级排序（\(topsis ? "TOPSIS 法" : "加权和法")；\(ahp ? "AHP 权重" : "直接赋权")）")
  }

  package static let rank = LocalizedText(en: "Rank", zh: "排名")
  package static let field = LocalizedText(en: "Field", zh: "领域")
  package static let name = LocalizedText(en: "Name", zh: "名称")
  package static let score = LocalizedText(en: "Score", zh: "得分")
  package static let criterion = LocalizedText(en: "Criterion", zh: "准则")
  /// A criterion's `tag`: which of the seed's three bases (industrial chain, lead enterprise,
  /// science and education) it measures.
  package static let tag = LocalizedText(en: "Basis", zh: "基础")
  package static let type = LocalizedText(en: "Type", zh: "类型")
  package static let weight = LocalizedText(en: "Weight", zh: "权重")
  package static let flipsAt = LocalizedText(en: "Flips at", zh: "翻转点")
  package static let newRankOne = LocalizedText(en: "New rank 1", zh: "新的第 1 名")
  package static let none = LocalizedText(en: "none", zh: "无")

  package static let topsisColumns = LocalizedText(
    en: "(criterion columns: weighted normalised values vᵢⱼ = wⱼ·rᵢⱼ; the score is the closeness Cᵢ)",
    zh: "（准则列为加权规范化值 vᵢⱼ = wⱼ·rᵢⱼ；得分为贴近度 Cᵢ）")
  package static let weightedColumns = LocalizedText(
    en: "(criterion columns: each criterion's contribution wⱼ·nᵢⱼ; they add up to the score)",
    zh: "（准则列为各准则的贡献 wⱼ·nᵢⱼ，合计为得分）")

  /// The AHP consistency line; `figures` are the numbers (`λmax = …, CR = …`), `consistent`
  /// whether CR ≤ `limit` (the plan's `cr-max`, `0.10` by default).
  package static func consistency(_ figures: String, consistent: Bool, limit: String = "0.10") -> LocalizedText {
    let verdict =
      consistent
      ? LocalizedText(en: "≤ \(limit): consistent", zh: "≤ \(limit)：一致性可以接受")
      : LocalizedText(en: "> \(limit): the judgements are inconsistent, see R04", zh: "> \(limit)：判断不一致，见 R04")
    return LocalizedText(
      en: "AHP consistency: \(figures) (\(verdict.en))", zh: "AHP 一致性：\(figures)（\(verdict.zh)）")
  }

  /// The heading of the sensitivity table; `leaders` are the fields ranked first — every one of
  /// them when they tie (issue 18 item 13).
  package static func sensitivity(leaders: [String]) -> LocalizedText {
    let (en, zh) =
      leaders.count > 1
      ? (leaders.joined(separator: ", ") + ", tied", leaders.joined(separator: "、") + " 并列")
      : (leaders.first ?? "", leaders.first ?? "")
    return LocalizedText(
      en: "Sensitivity: the weight at which rank 1 (\(en)) changes, the other weights rescaled",
      zh: "敏感性：某准则权重变到多少时第 1 名（\(zh)）会改变（其余权重按比例调整）")
  }

  /// Under AHP (or entropy) weighting, the criteria that also carry a direct `weight`, which is
  /// not used (issue 17 item 19): `rank` and `set plan weighting ahp` say so.
  package static func directWeightsIgnored(_ criteria: [String], weighting: String) -> LocalizedText {
    LocalizedText(
      en:
        "note: with weighting \(weighting) the direct weights of \(criteria.joined(separator: ", ")) are not used (they are kept for weighting direct)",
      zh: "注意：weighting \(weighting) 下不使用 \(criteria.joined(separator: "、")) 的直接权重（仍保留，改回 weighting direct 时再用）")
  }

  /// The criteria of `plan` with a direct `weight` when the plan does not weigh directly.
  package static func ignoredWeights(_ plan: Plan) -> [String] {
    guard plan.weighting.lowercased() != "direct" else { return [] }
    return plan[.criterion].values.filter { $0.values[Attr.Criterion.weight] != nil }.map(\.id)
  }

  // MARK: The expert panel and robustness (SPEC §12)

  package static let expert = LocalizedText(en: "Expert", zh: "专家")
  package static let ownCR = LocalizedText(en: "Own CR", zh: "自身 CR")
  package static let rho = LocalizedText(en: "ρ", zh: "ρ")
  package static let topField = LocalizedText(en: "Top field", zh: "首选领域")
  package static let firstShare = LocalizedText(en: "P(rank 1)", zh: "P(第 1 名)")
  package static let meanRank = LocalizedText(en: "Mean rank", zh: "平均名次")
  package static let enters = LocalizedText(en: "Enters", zh: "进入")
  package static let leaves = LocalizedText(en: "Leaves", zh: "退出")

  /// `P(top 2)`.
  package static func topShare(_ cutoff: Int) -> LocalizedText {
    LocalizedText(en: "P(top \(cutoff))", zh: "P(前 \(cutoff) 名)")
  }

  /// The heading of the experts' table.
  package static func panel(experts: Int, aggregate: String, groupAHP: Bool) -> LocalizedText {
    let ahp =
      groupAHP
      ? LocalizedText(
        en: "; AHP weights: the group's, by the weighted geometric mean of the judgements (AIJ)",
        zh: "；AHP 权重：专家判断按加权几何平均汇总（AIJ）") : LocalizedText("")
    let method = LocalizedText(
      en: ["mean": "weighted mean", "median": "median", "geomean": "weighted geometric mean"][aggregate] ?? aggregate,
      zh: Schema.chineseLabels[aggregate] ?? aggregate)
    return LocalizedText(
      en:
        "Expert panel: \(EnglishCount.count(experts, "expert")); scores from their ratings by the \(method.en)\(ahp.en)",
      zh: "专家评审：\(experts) 位专家；评分由专家评分按\(method.zh)汇总\(ahp.zh)")
  }

  /// The agreement line: W over the common fields and the outlier.
  package static func consensus(w: String?, fields: Int, minimum: String, outlier: String?, rho: String?)
    -> LocalizedText
  {
    guard let w else {
      return LocalizedText(
        en: "Kendall's W: none (fewer than 2 experts or fields rated by every expert)",
        zh: "肯德尔协调系数 W：无（少于 2 位专家或全体专家都评过的领域少于 2 个）")
    }
    let who =
      outlier.map { o in LocalizedText(en: "; outlier: \(o), ρ = \(rho ?? "none")", zh: "；离群专家：\(o)，ρ = \(rho ?? "无")")
      } ?? LocalizedText("")
    return LocalizedText(
      en: "Kendall's W = \(w) over \(fields) fields (consensus-min \(minimum))\(who.en)",
      zh: "肯德尔协调系数 W = \(w)（\(fields) 个领域；consensus-min \(minimum)）\(who.zh)")
  }

  /// The heading of the acceptability table.
  package static func robustness(samples: Int, spread: String, seed: UInt64) -> LocalizedText {
    LocalizedText(
      en:
        "Robustness: \(samples) weight samples, each weight × U(1 − \(spread), 1 + \(spread)), renormalised; seed \(seed)",
      zh: "稳健性：\(samples) 组权重样本，每个权重乘以 U(1 − \(spread), 1 + \(spread)) 后归一化；随机种子 \(seed)")
  }

  /// The heading of the cutoff sensitivity table.
  package static func cutoffSensitivity(_ cutoff: Int) -> LocalizedText {
    LocalizedText(
      en: "Cutoff sensitivity: the weight at which the top \(cutoff) changes, the other weights rescaled",
      zh: "入选敏感性：某准则权重变到多少时前 \(cutoff) 名的组成会改变（其余权重按比例调整）")
  }

  /// The margin at the cutoff: the last field inside and the first outside.
  package static func cutoffMargin(
    cutoff: Int, inside: String, insideScore: String, outside: String, outsideScore: String, margin: String
  ) -> LocalizedText {
    LocalizedText(
      en:
        "At the cutoff: \(inside) \(insideScore) (in the top \(cutoff)) vs \(outside) \(outsideScore), a margin of \(margin)",
      zh: "入选边界：\(inside) \(insideScore)（前 \(cutoff) 名内）对 \(outside) \(outsideScore)，相差 \(margin)")
  }

  // MARK: Why there is no ranking

  package static let noCriteria = LocalizedText(
    en: "the plan has no criteria (add criterion C1 \"…\" tag chain weight 0.4)",
    zh: "计划没有评价准则（add criterion C1 \"…\" tag chain weight 0.4）")
  package static let noFields = LocalizedText(
    en: "the plan has no candidate fields (add field F1 \"…\")", zh: "计划没有候选领域（add field F1 \"…\"）")
  package static let ahpFailed = LocalizedText(en: "the AHP weights did not converge", zh: "AHP 权重计算没有收敛")
  package static func samplesNotPositive(_ n: Int) -> LocalizedText {
    LocalizedText(en: "samples \(n): robustness needs at least 1 sample", zh: "samples \(n)：稳健性分析至少需要 1 个样本")
  }
  package static func spreadOutOfRange(_ percent: String) -> LocalizedText {
    LocalizedText(
      en: "spread \(percent): the spread is at least 0% and below 100%", zh: "spread \(percent)：扰动幅度须不小于 0% 且小于 100%")
  }
  package static let entropyOneField = LocalizedText(
    en: "entropy weighting needs at least 2 fields (ln 1 = 0)", zh: "熵权法至少需要 2 个领域（ln 1 = 0）")

  /// `cannot rank: REASON`.
  package static func cannotRank(_ reason: LocalizedText) -> LocalizedText {
    LocalizedText(en: "cannot rank: \(reason.en)", zh: "无法排序：\(reason.zh)")
  }

  /// The note under the first of several findings that stop the ranking.
  package static func moreProblems(_ others: Int) -> LocalizedText {
    LocalizedText(
      en: "\(others) more problem\(others == 1 ? "" : "s") of this kind; 'validate' lists them all",
      zh: "另有 \(others) 个同类问题；'validate' 会全部列出")
  }

  package static var entries: [CatalogEntry] {
    [
      CatalogEntry("title", title(topsis: true, ahp: true)),
      CatalogEntry("title", title(topsis: false, ahp: false)),
      CatalogEntry("rank", rank),
      CatalogEntry("field", field),
      CatalogEntry("name", name),
      CatalogEntry("score", score),
      CatalogEntry("criterion", criterion),
      CatalogEntry("tag", tag),
      CatalogEntry("type", type),
      CatalogEntry("weight", weight),
      CatalogEntry("flipsAt", flipsAt),
      CatalogEntry("newRankOne", newRankOne),
      CatalogEntry("none", none),
      CatalogEntry("topsisColumns", topsisColumns),
      CatalogEntry("weightedColumns", weightedColumns),
      CatalogEntry("consistency", consistency("CR = 0.0123", consistent: true)),
      CatalogEntry("consistency", consistency("CR = 0.2345", consistent: false)),
      CatalogEntry("sensitivity", sensitivity(leaders: ["F1"])),
      CatalogEntry("directWeightsIgnored", directWeightsIgnored(["C1", "C2"], weighting: "ahp")),
      CatalogEntry("noCriteria", noCriteria),
      CatalogEntry("noFields", noFields),
      CatalogEntry("ahpFailed", ahpFailed),
      CatalogEntry("entropyOneField", entropyOneField),
      CatalogEntry("expert", expert), CatalogEntry("ownCR", ownCR), CatalogEntry("rho", rho),
      CatalogEntry("topField", topField), CatalogEntry("firstShare", firstShare), CatalogEntry("meanRank", meanRank),
      CatalogEntry("enters", enters), CatalogEntry("leaves", leaves), CatalogEntry("topShare", topShare(2)),
      CatalogEntry("panel", panel(experts: 5, aggregate: "mean", groupAHP: true)),
      CatalogEntry("consensus", consensus(w: "0.392", fields: 5, minimum: "0.5", outlier: "E5", rho: "-0.7")),
      CatalogEntry("robustness", robustness(samples: 10000, spread: "30%", seed: 1)),
      CatalogEntry("cutoffSensitivity", cutoffSensitivity(2)),
      CatalogEntry(
        "cutoffMargin",
        cutoffMargin(
          cutoff: 2, inside: "F2", insideScore: "0.673", outside: "F3", outsideScore: "0.671", margin: "0.002")),
      CatalogEntry("samplesNotPositive", samplesNotPositive(0)),
      CatalogEntry("spreadOutOfRange", spreadOutOfRange("150%")),
      CatalogEntry("cannotRank", cannotRank(noFields)),
      CatalogEntry("moreProblems", moreProblems(2)),
    ]
  }
}
