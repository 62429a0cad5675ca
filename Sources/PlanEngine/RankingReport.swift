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
    let topsis = ranking.method == "topsis"
    func text(_ t: LocalizedText) -> String { t.text(language) }
    var out = text(RankingText.title(topsis: topsis, ahp: ranking.consistency != nil)) + "\n\n"

    var table = TextTable(
      header: [RankingText.rank, RankingText.field, RankingText.name, RankingText.score].map(text) + ranking.criteria,
      alignments: [.right, .left, .left] + Array(repeating: .right, count: 1 + ranking.criteria.count))
    table.ruleUnderEachColumn = true
    for row in ranking.rows {
      table.add([String(row.rank), row.field, row.name, fixed(row.score, 3)] + row.contributions.map { fixed($0, 3) })
    }
    out += table.render()
    out += text(topsis ? RankingText.topsisColumns : RankingText.weightedColumns) + "\n\n"

    var criteria = TextTable(
      header: [RankingText.criterion, RankingText.name, RankingText.tag, RankingText.type, RankingText.weight].map(
        text),
      alignments: [.left, .left, .left, .left, .right])
    criteria.ruleUnderEachColumn = true
    for (id, weight) in zip(ranking.criteria, ranking.weights) {
      let entity = plan.entity(.criterion, id)
      criteria.add([
        id, entity?.name ?? "", entity?[Attr.Criterion.tag]?.choice ?? "", entity?[Attr.Criterion.type]?.choice ?? "",
        fixed(weight, 4),
      ])
    }
    out += criteria.render()

    if let c = ranking.consistency {
      let figures =
        "λmax = \(fixed(c.lambdaMax, 4)), CI = \(fixed(c.ci, 4)), RI = \(fixed(c.ri, 2)), CR = \(fixed(c.cr, 4))"
      out +=
        "\n" + text(RankingText.consistency(figures, consistent: !(c.cr > plan.crMax), limit: fixed(plan.crMax, 2)))
        + "\n"
    }

    if let rows = ranking.sensitivity {
      out += "\n" + text(RankingText.sensitivity(leader: ranking.rows.first?.field ?? "")) + "\n"
      var flips = TextTable(
        header: [RankingText.criterion, RankingText.weight, RankingText.flipsAt, RankingText.newRankOne].map(text),
        alignments: [.left, .right, .right, .left])
      flips.ruleUnderEachColumn = true
      for s in rows {
        flips.add([
          s.criterion, fixed(s.weight, 4), s.flipAt.map { fixed($0, 4) } ?? text(RankingText.none), s.overtakenBy ?? "",
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
