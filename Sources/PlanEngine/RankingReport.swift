import PlanLanguage
import PlanModel

/// The ranking as the `rank` command prints it (SPEC §8): text for reading, JSON for tools.
package enum RankingReport {
  /// The ranking table of the plan, with the criteria's weights (and AHP consistency), and with
  /// `sensitivity` the flip point of every criterion's weight.
  ///
  /// - Parameters:
  ///   - method: `weighted` or `topsis`; `nil` takes the plan's `method`.
  ///   - language: the language of the headings.
  /// - Returns: Text ending in a newline; tables aligned by display width.
  /// - Throws: A ``Diagnostic`` when the plan cannot be ranked (``PlanRanking/compute(_:method:sensitivity:)``).
  package static func text(_ plan: Plan, method: String?, sensitivity: Bool, language: MessageLanguage)
    throws(Diagnostic)
    -> String
  {
    text(try PlanRanking.compute(plan, method: method, sensitivity: sensitivity), plan: plan, language: language)
  }

  /// The report of an already computed ranking of `plan`.
  package static func text(_ ranking: PlanRanking, plan: Plan, language: MessageLanguage) -> String {
    let zh = language == .zh
    let topsis = ranking.method == "topsis"
    let ahp = ranking.consistency != nil
    var out =
      zh
      ? "优先级排序（\(topsis ? "TOPSIS 法" : "加权和法")；\(ahp ? "AHP 权重" : "直接赋权")）\n\n"
      : "Priority ranking (\(topsis ? "TOPSIS" : "weighted sum"); \(ahp ? "AHP weights" : "direct weights"))\n\n"

    var table = TextColumns(
      header: (zh ? ["名次", "领域", "名称", "得分"] : ["Rank", "Field", "Name", "Score"]) + ranking.criteria)
    table.rightAligned = Set([0] + Array(3..<(4 + ranking.criteria.count)))
    for row in ranking.rows {
      table.rows.append(
        [String(row.rank), row.field, row.name, fixed(row.score, 3)] + row.contributions.map { fixed($0, 3) })
    }
    out += table.render()
    out +=
      topsis
      ? (zh
        ? "（准则列为加权规范化值 vᵢⱼ = wⱼ·rᵢⱼ；得分为贴近度 Cᵢ）\n\n"
        : "(criterion columns: weighted normalised values vᵢⱼ = wⱼ·rᵢⱼ; the score is the closeness Cᵢ)\n\n")
      : (zh
        ? "（准则列为各准则的贡献 wⱼ·nᵢⱼ，合计为得分）\n\n"
        : "(criterion columns: each criterion's contribution wⱼ·nᵢⱼ; they add up to the score)\n\n")

    var criteria = TextColumns(
      header: zh ? ["准则", "名称", "标签", "类型", "权重"] : ["Criterion", "Name", "Tag", "Type", "Weight"])
    criteria.rightAligned = [4]
    for (id, weight) in zip(ranking.criteria, ranking.weights) {
      let entity = plan.entity(.criterion, id)
      criteria.rows.append([
        id, entity?.name ?? "", entity?[Attr.Criterion.tag]?.choice ?? "", entity?[Attr.Criterion.type]?.choice ?? "",
        fixed(weight, 4),
      ])
    }
    out += criteria.render()

    if let c = ranking.consistency {
      let verdict =
        c.cr > RankingRules.maximumCR
        ? (zh ? "> 0.10：判断不一致，见 R04" : "> 0.10: the judgements are inconsistent, see R04")
        : (zh ? "≤ 0.10：一致性可以接受" : "≤ 0.10: consistent")
      let figures =
        "λmax = \(fixed(c.lambdaMax, 4)), CI = \(fixed(c.ci, 4)), RI = \(fixed(c.ri, 2)), CR = \(fixed(c.cr, 4))"
      out += zh ? "\nAHP 一致性：\(figures)（\(verdict)）\n" : "\nAHP consistency: \(figures) (\(verdict))\n"
    }

    if let rows = ranking.sensitivity {
      let leader = ranking.rows.first?.field ?? ""
      out +=
        "\n"
        + (zh
          ? "敏感性：某准则权重变到多少时第 1 名（\(leader)）会改变（其余权重按比例调整）\n"
          : "Sensitivity: the weight at which rank 1 (\(leader)) changes, the other weights rescaled\n")
      var flips = TextColumns(
        header: zh ? ["准则", "权重", "翻转点", "新的第 1 名"] : ["Criterion", "Weight", "Flips at", "New rank 1"])
      flips.rightAligned = [1, 2]
      for s in rows {
        flips.rows.append([
          s.criterion, fixed(s.weight, 4), s.flipAt.map { fixed($0, 4) } ?? (zh ? "无" : "none"), s.overtakenBy ?? "",
        ])
      }
      out += flips.render()
    }
    return out
  }
}

extension RankingReport {
  /// The `ranking` object of SPEC §9 as JSON, ending in a newline.
  ///
  /// Keys in this order: `method`, `weights` (an object keyed by criterion ID, plan order),
  /// `consistency` (AHP only: `lambdaMax`, `ci`, `ri`, `cr`), `rows` (`rank`, `field`, `name`,
  /// `score`), and with `sensitivity` the array `sensitivity` (`criterion`, `weight`, `flipAt`,
  /// null where nothing flips). Numbers at full precision (the shortest text that reads back to
  /// the same double).
  /// - Throws: A ``Diagnostic`` when the plan cannot be ranked.
  package static func json(_ plan: Plan, method: String?, sensitivity: Bool) throws(Diagnostic) -> String {
    try PlanRanking.compute(plan, method: method, sensitivity: sensitivity).jsonValue.rendered()
  }
}

extension PlanRanking {
  /// The `ranking` object of SPEC §9 (see ``RankingReport/json(_:method:sensitivity:)``), as
  /// `cplan rank --format json` prints it and the JSON export nests it.
  package var jsonValue: JSONValue {
    var members: [(String, JSONValue)] = [
      ("method", .string(method)),
      ("weights", .object(zip(criteria, weights).map { ($0, .number($1)) })),
    ]
    if let c = consistency {
      members.append(
        (
          "consistency",
          .object([
            ("lambdaMax", .number(c.lambdaMax)), ("ci", .number(c.ci)), ("ri", .number(c.ri)), ("cr", .number(c.cr)),
          ])
        ))
    }
    members.append(
      (
        "rows",
        .array(
          rows.map { row in
            .object([
              ("rank", .int(row.rank)), ("field", .string(row.field)), ("name", .string(row.name)),
              ("score", .number(row.score)),
            ])
          })
      ))
    if let sensitivity {
      members.append(
        (
          "sensitivity",
          .array(
            sensitivity.map { s in
              .object([
                ("criterion", .string(s.criterion)), ("weight", .number(s.weight)), ("flipAt", .optional(s.flipAt)),
              ])
            })
        ))
    }
    return .object(members)
  }
}
