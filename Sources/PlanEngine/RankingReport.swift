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
  package static func text(
    _ plan: Plan, method: String?, sensitivity: Bool, robustness: PlanRanking.RobustnessOptions? = nil,
    language: MessageLanguage
  )
    throws(Diagnostic)
    -> String
  {
    text(
      try PlanRanking.compute(plan, method: method, sensitivity: sensitivity, robustness: robustness), plan: plan,
      language: language)
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
        // Keyword values as their terms in Chinese (issue 17 item 7).
        id, entity?.name ?? "", (entity?[Attr.Criterion.tag]?.choice).map { Schema.term($0, language) } ?? "",
        (entity?[Attr.Criterion.type]?.choice).map { Schema.term($0, language) } ?? "",
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
    // Issue 17 item 19: which weights are in force, when the stale direct ones are there too.
    let ignored = RankingText.ignoredWeights(plan)
    if !ignored.isEmpty {
      out += text(RankingText.directWeightsIgnored(ignored, weighting: plan.weighting.lowercased())) + "\n"
    }

    if let rows = ranking.sensitivity {
      out += "\n" + text(RankingText.sensitivity(leaders: ranking.rows.prefix { $0.rank == 1 }.map(\.field))) + "\n"
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
    return out + panelText(ranking, plan: plan, language: language)
  }
}

extension RankingReport {
  /// The `ranking` object of SPEC §9 as JSON, ending in a newline.
  ///
  /// Keys in this order: `method`, `weighting` (`direct`, `ahp` or `entropy`: where the weights
  /// come from),
  /// `weights` (an object keyed by criterion ID, plan order; the weights in force),
  /// `consistency` (AHP only: `lambdaMax`, `ci`, `ri`, `cr`), `rows` (`rank`, `field`, `name`,
  /// `score`), and with `sensitivity` the array `sensitivity` (`criterion`, `weight`, `flipAt`,
  /// null where nothing flips). Numbers at full precision (the shortest text that reads back to
  /// the same double).
  /// - Throws: A ``Diagnostic`` when the plan cannot be ranked.
  /// With experts (SPEC §12) also `experts` (`expert`, `name`, `weight`, `cr`, `rho`, `topField`)
  /// and `consensus` (`w`, `outlier`); with a cutoff and `robustness`,
  /// `cutoffSensitivity` (`criterion`, `weight`, `flipAt`); with `robustness`, `robustness`
  /// (`field`, `first`, `top`, `meanRank`).
  package static func json(
    _ plan: Plan, method: String?, sensitivity: Bool, robustness: PlanRanking.RobustnessOptions? = nil
  ) throws(Diagnostic) -> String {
    try PlanRanking.compute(plan, method: method, sensitivity: sensitivity, robustness: robustness).jsonValue
      .rendered()
  }
}

extension PlanRanking {
  /// The `ranking` object of SPEC §9 (see ``RankingReport/json(_:method:sensitivity:)``), as
  /// `cplan rank --format json` prints it and the JSON export nests it.
  package var jsonValue: JSONValue {
    var members: [(String, JSONValue)] = [
      ("method", .string(method)),
      // Issue 17 item 19: where `weights` come from (the criteria's own `weight` is in force
      // only under direct weighting).
      ("weighting", .string(weighting)),
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
    members += panelMembers
    return .object(members)
  }
}

extension RankingReport {
  /// The panel's and the robustness' part of the `rank` report (SPEC §12): the experts' table
  /// (weight, own CR, ρ, top field) with W and the outlier; with `robustness` the acceptability
  /// table; and the cutoff sensitivity with the margin at the cutoff. Empty when none applies.
  static func panelText(_ ranking: PlanRanking, plan: Plan, language: MessageLanguage) -> String {
    func text(_ t: LocalizedText) -> String { t.text(language) }
    var out = ""
    if let experts = ranking.experts {
      out +=
        "\n"
        + text(
          RankingText.panel(
            experts: experts.count, aggregate: plan.ratingAggregate, groupAHP: !plan[.judgement].isEmpty)) + "\n"
      var table = TextTable(
        header: [
          RankingText.expert, RankingText.name, RankingText.weight, RankingText.ownCR, RankingText.rho,
          RankingText.topField,
        ].map(text),
        alignments: [.left, .left, .right, .right, .right, .left])
      table.ruleUnderEachColumn = true
      let none = text(RankingText.none)
      for e in experts {
        table.add([
          e.expert, e.name, Format.number(e.weight), e.cr.map { fixed($0, 4) } ?? none,
          e.rho.map { fixed($0, 3) } ?? none, e.topField ?? none,
        ])
      }
      out += table.render()
      if let consensus = ranking.consensus {
        let rho = consensus.outlier.flatMap { o in experts.first { $0.expert == o }?.rho }
        let outlier = consensus.outlier.map { o in
          experts.first { $0.expert == o }.map { $0.name.isEmpty ? o : "\(o) (\($0.name))" } ?? o
        }
        out +=
          text(
            RankingText.consensus(
              w: consensus.w.map { fixed($0, 3) }, fields: consensus.fields, minimum: Format.number(plan.consensusMin),
              outlier: outlier, rho: rho.map { fixed($0, 3) })) + "\n"
      }
    }
    if let robustness = ranking.robustness {
      let o = robustness.options
      out +=
        "\n"
        + text(
          RankingText.robustness(samples: o.samples, spread: Format.number(o.spread * 100) + "%", seed: o.seed))
        + "\n"
      var header = [RankingText.field, RankingText.name, RankingText.firstShare].map(text)
      if let cutoff = robustness.cutoff { header.append(text(RankingText.topShare(cutoff))) }
      header.append(text(RankingText.meanRank))
      var table = TextTable(
        header: header, alignments: [.left, .left] + Array(repeating: .right, count: header.count - 2))
      table.ruleUnderEachColumn = true
      for row in robustness.rows {
        table.add(
          [row.field, row.name, fixed(row.first, 3)] + (row.top.map { [fixed($0, 3)] } ?? [])
            + [fixed(row.meanRank, 2)])
      }
      out += table.render()
    }
    if let flips = ranking.cutoffSensitivity, let cutoff = ranking.cutoff {
      out += "\n" + text(RankingText.cutoffSensitivity(cutoff)) + "\n"
      var table = TextTable(
        header: [
          RankingText.criterion, RankingText.weight, RankingText.flipsAt, RankingText.enters,
          RankingText.leaves,
        ].map(text),
        alignments: [.left, .right, .right, .left, .left])
      table.ruleUnderEachColumn = true
      for f in flips {
        table.add([
          f.criterion, fixed(f.weight, 4), f.flipAt.map { fixed($0, 4) } ?? text(RankingText.none), f.entering ?? "",
          f.leaving ?? "",
        ])
      }
      out += table.render()
      // The near-tie at the cutoff: the last field inside and the first outside, by rank.
      let inside = ranking.rows.last { $0.rank <= cutoff }
      let outside = ranking.rows.first { $0.rank > cutoff }
      if let inside, let outside {
        out +=
          "\n"
          + text(
            RankingText.cutoffMargin(
              cutoff: cutoff, inside: inside.field, insideScore: fixed(inside.score, 3), outside: outside.field,
              outsideScore: fixed(outside.score, 3), margin: fixed(inside.score - outside.score, 3))) + "\n"
      }
    }
    return out
  }
}

extension PlanRanking {
  /// The members SPEC §12 adds to the `ranking` object (see ``RankingReport/json(_:method:sensitivity:robustness:)``).
  var panelMembers: [(String, JSONValue)] {
    var members: [(String, JSONValue)] = []
    if let experts {
      members.append(
        (
          "experts",
          .array(
            experts.map { e in
              .object([
                ("expert", .string(e.expert)), ("name", .string(e.name)), ("weight", .number(e.weight)),
                ("cr", .optional(e.cr)), ("rho", .optional(e.rho)),
                ("topField", e.topField.map(JSONValue.string) ?? .null),
              ])
            })
        ))
    }
    if let consensus {
      members.append(
        (
          "consensus",
          .object([("w", .optional(consensus.w)), ("outlier", consensus.outlier.map(JSONValue.string) ?? .null)])
        ))
    }
    if let cutoffSensitivity {
      members.append(
        (
          "cutoffSensitivity",
          .array(
            cutoffSensitivity.map { f in
              .object([
                ("criterion", .string(f.criterion)), ("weight", .number(f.weight)), ("flipAt", .optional(f.flipAt)),
              ])
            })
        ))
    }
    if let robustness {
      members.append(
        (
          "robustness",
          .array(
            robustness.rows.map { r in
              .object([
                ("field", .string(r.field)), ("first", .number(r.first)), ("top", .optional(r.top)),
                ("meanRank", .number(r.meanRank)),
              ])
            })
        ))
    }
    return members
  }
}
