import PlanLanguage

/// The texts of the `rank` report (SPEC §8) and of why a plan cannot be ranked.
package enum RankingText: TextCatalog {
  // MARK: The report

  /// The title: `Priority ranking (TOPSIS; AHP weights)`.
  package static func title(topsis: Bool, ahp: Bool) -> LocalizedText {
    LocalizedText(
      en: "Priority ranking (\(topsis ? "TOPSIS" : "weighted sum"); \(ahp ? "AHP weights" : "direct weights"))",
      zh: "优先级排序（\(topsis ? "TOPSIS 法" : "加权和法")；\(ahp ? "AHP 权重" : "直接赋权")）")
  }

  package static let rank = LocalizedText(en: "Rank", zh: "名次")
  package static let field = LocalizedText(en: "Field", zh: "领域")
  package static let name = LocalizedText(en: "Name", zh: "名称")
  package static let score = LocalizedText(en: "Score", zh: "得分")
  package static let criterion = LocalizedText(en: "Criterion", zh: "准则")
  package static let tag = LocalizedText(en: "Tag", zh: "标签")
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
  /// whether CR ≤ 0.10.
  package static func consistency(_ figures: String, consistent: Bool) -> LocalizedText {
    let verdict =
      consistent
      ? LocalizedText(en: "≤ 0.10: consistent", zh: "≤ 0.10：一致性可以接受")
      : LocalizedText(en: "> 0.10: the judgements are inconsistent, see R04", zh: "> 0.10：判断不一致，见 R04")
    return LocalizedText(
      en: "AHP consistency: \(figures) (\(verdict.en))", zh: "AHP 一致性：\(figures)（\(verdict.zh)）")
  }

  /// The heading of the sensitivity table; `leader` is the field ranked first.
  package static func sensitivity(leader: String) -> LocalizedText {
    LocalizedText(
      en: "Sensitivity: the weight at which rank 1 (\(leader)) changes, the other weights rescaled",
      zh: "敏感性：某准则权重变到多少时第 1 名（\(leader)）会改变（其余权重按比例调整）")
  }

  // MARK: Why there is no ranking

  package static let noCriteria = LocalizedText(
    en: "the plan has no criteria (add criterion C1 \"…\" tag chain weight 0.4)",
    zh: "计划没有评价准则（add criterion C1 \"…\" tag chain weight 0.4）")
  package static let noFields = LocalizedText(
    en: "the plan has no candidate fields (add field F1 \"…\")", zh: "计划没有候选领域（add field F1 \"…\"）")
  package static let ahpFailed = LocalizedText(en: "the AHP weights did not converge", zh: "AHP 权重计算没有收敛")
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
      CatalogEntry("sensitivity", sensitivity(leader: "F1")),
      CatalogEntry("noCriteria", noCriteria),
      CatalogEntry("noFields", noFields),
      CatalogEntry("ahpFailed", ahpFailed),
      CatalogEntry("entropyOneField", entropyOneField),
      CatalogEntry("cannotRank", cannotRank(noFields)),
      CatalogEntry("moreProblems", moreProblems(2)),
    ]
  }
}
