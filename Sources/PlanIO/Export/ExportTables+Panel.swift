import PlanEngine
import PlanLanguage
import PlanModel

/// The expert panel's and the robustness' tables of the exports (SPEC §12), shared by the text,
/// Markdown and HTML exports as ``ExportTables`` shares the rest: the same columns and figures as
/// the `rank` report (``RankingReport``), at the exports' precision (3 places; mean ranks 2).
extension ExportTables {
  /// Expert, name, weight, own CR, ρ with the group, own top field; `nil` when the ranking has no
  /// experts (the plan has none, or the export is one consortium's).
  func experts(_ r: PlanRanking) -> ExportTable? {
    guard let experts = r.experts else { return nil }
    var table = ExportTable(
      header: [
        RankingText.expert, RankingText.name, RankingText.weight, RankingText.ownCR, RankingText.rho,
        RankingText.topField,
      ].map(t),
      numeric: [2, 3, 4], ids: [0, 5])
    let none = t(ExportLabels.none)
    for e in experts {
      table.rows.append([
        e.expert, e.name, Format.number(e.weight), e.cr.map { ExportNumbers.fixed($0, places: 3) } ?? none,
        e.rho.map { ExportNumbers.fixed($0, places: 3) } ?? none, e.topField ?? none,
      ])
    }
    return table
  }

  /// The lines around the experts' table: how the scores and weights were aggregated, then
  /// Kendall's W over the fields every expert ranked, with the outlier and their ρ.
  func panelNotes(_ r: PlanRanking) -> (heading: String, consensus: String?) {
    let heading = t(
      RankingText.panel(
        experts: r.experts?.count ?? 0, aggregate: plan.ratingAggregate, groupAHP: !plan[.judgement].isEmpty))
    guard let consensus = r.consensus, let experts = r.experts else { return (heading, nil) }
    let outlier = consensus.outlier.flatMap { o in experts.first { $0.expert == o } }
    return (
      heading,
      t(
        RankingText.consensus(
          w: consensus.w.map { ExportNumbers.fixed($0, places: 3) }, fields: consensus.fields,
          minimum: Format.number(plan.consensusMin),
          outlier: outlier.map { $0.name.isEmpty ? $0.expert : "\($0.expert) (\($0.name))" },
          rho: outlier?.rho.map { ExportNumbers.fixed($0, places: 3) }))
    )
  }

  /// Field, name, P(rank 1), P(top cutoff) (with a cutoff), mean rank over the weight samples;
  /// `nil` when the export was not asked for robustness.
  func robustness(_ r: PlanRanking) -> ExportTable? {
    guard let robustness = r.robustness else { return nil }
    var header = [RankingText.field, RankingText.name, RankingText.firstShare].map(t)
    if let cutoff = robustness.cutoff { header.append(t(RankingText.topShare(cutoff))) }
    header.append(t(RankingText.meanRank))
    var table = ExportTable(header: header, numeric: Set(2..<header.count), ids: [0])
    for row in robustness.rows {
      table.rows.append(
        [row.field, row.name, ExportNumbers.fixed(row.first, places: 3)]
          + (row.top.map { [ExportNumbers.fixed($0, places: 3)] } ?? [])
          + [ExportNumbers.fixed(row.meanRank, places: 2)])
    }
    return table
  }

  /// The line over the acceptabilities: samples, spread and seed.
  func robustnessNote(_ r: PlanRanking) -> String? {
    r.robustness.map { robustness in
      let o = robustness.options
      return t(RankingText.robustness(samples: o.samples, spread: Format.number(o.spread * 100) + "%", seed: o.seed))
    }
  }

  /// Each criterion's cutoff sensitivity (criterion, weight, the weight at which the top `cutoff`
  /// changes, the fields entering and leaving), with its heading and the margin at the cutoff
  /// below; `nil` when not computed (it comes with robustness and a cutoff).
  func cutoffSensitivity(_ r: PlanRanking) -> (heading: String, table: ExportTable, margin: String?)? {
    guard let flips = r.cutoffSensitivity, let cutoff = r.cutoff else { return nil }
    var table = ExportTable(
      header: [
        RankingText.criterion, RankingText.weight, RankingText.flipsAt, RankingText.enters, RankingText.leaves,
      ].map(t),
      numeric: [1, 2], ids: [0, 3, 4])
    for f in flips {
      table.rows.append([
        f.criterion, ExportNumbers.fixed(f.weight, places: 3),
        f.flipAt.map { ExportNumbers.fixed($0, places: 3) } ?? t(ExportLabels.none), f.entering ?? "",
        f.leaving ?? "",
      ])
    }
    var margin: String?
    if let inside = r.rows.last(where: { $0.rank <= cutoff }), let outside = r.rows.first(where: { $0.rank > cutoff }) {
      margin = t(
        RankingText.cutoffMargin(
          cutoff: cutoff, inside: inside.field, insideScore: ExportNumbers.fixed(inside.score, places: 3),
          outside: outside.field, outsideScore: ExportNumbers.fixed(outside.score, places: 3),
          margin: ExportNumbers.fixed(inside.score - outside.score, places: 3)))
    }
    return (t(RankingText.cutoffSensitivity(cutoff)), table, margin)
  }
}
