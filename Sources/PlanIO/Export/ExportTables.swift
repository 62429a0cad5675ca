import PlanEngine
import PlanLanguage
import PlanModel

/// A table's content before it is laid out: the text export aligns it by display width, the
/// Markdown export writes a pipe table, the HTML export a `<table>`.
struct ExportTable {
  var header: [String]
  var rows: [[String]] = []
  /// Columns of numbers, aligned right.
  var numeric: Set<Int> = []
  /// Rows that sum others (funding totals), set in bold where the format can.
  var totalRows: Set<Int> = []
  /// Columns of IDs, lists of IDs and codes: never broken inside an ID (`储能联合体`).
  var ids: Set<Int> = []
}

/// The tables of the roadmap, shared by the text, Markdown and HTML exports so that they show
/// the same content, in the export's language.
struct ExportTables {
  let roadmap: Roadmap
  let language: MessageLanguage
  /// Plain ASCII for arrows and marks (`--ascii`).
  let ascii: Bool

  var plan: Plan { roadmap.plan }

  func t(_ text: LocalizedText) -> String { text.text(language) }
  func v(_ keyword: String?) -> String { ExportLabels.value(keyword, language) }

  /// The header facts: region, horizon, currency.
  var facts: ExportTable {
    var table = ExportTable(header: [t(ExportLabels.name), ""])
    if let region = plan.region { table.rows.append([t(ExportLabels.region), region]) }
    if let horizon = plan.horizon { table.rows.append([t(ExportLabels.horizon), horizon.description]) }
    table.rows.append([t(ExportLabels.currency), plan.currency])
    return table
  }

  // MARK: Ranking

  /// Rank, field, name, score, each criterion's contribution, and the field's consortia.
  func ranking(_ r: PlanRanking) -> ExportTable {
    var table = ExportTable(
      header: [t(ExportLabels.rank), t(ExportLabels.field), t(ExportLabels.name), t(ExportLabels.score)] + r.criteria
        + [t(ExportLabels.consortium)],
      numeric: Set([0, 3]).union(4..<(4 + r.criteria.count)), ids: [1, 4 + r.criteria.count])
    let consortia = Dictionary(grouping: roadmap.consortia, by: { $0[Attr.Consortium.field]?.ref ?? "" })
    for row in r.rows {
      table.rows.append(
        [String(row.rank), row.field, row.name, ExportNumbers.fixed(row.score, places: 3)]
          + row.contributions.map { ExportNumbers.fixed($0, places: 3) }
          + [(consortia[row.field] ?? []).map(\.id).joined(separator: ",")])
    }
    return table
  }

  /// Each criterion with its basis, type, weight and the weight at which the top field changes.
  func criteria(_ r: PlanRanking) -> ExportTable {
    var table = ExportTable(
      header: [
        t(ExportLabels.criterion), t(ExportLabels.name), t(ExportLabels.tag), t(ExportLabels.type),
        t(ExportLabels.weight), t(ExportLabels.flipAt),
      ],
      numeric: [4, 5], ids: [0])
    for (j, id) in r.criteria.enumerated() {
      let c = plan.entity(.criterion, id)
      var flip = ""
      if let s = r.sensitivity?.first(where: { $0.criterion == id }) {
        flip =
          s.flipAt.map { ExportNumbers.fixed($0, places: 3) + (s.overtakenBy.map { " \(arrow) \($0)" } ?? "") }
          ?? t(ExportLabels.none)
      }
      table.rows.append([
        id, c?.name ?? "", v(c?[Attr.Criterion.tag]?.choice), v(c?[Attr.Criterion.type]?.choice),
        ExportNumbers.fixed(r.weights[j], places: 3), flip,
      ])
    }
    return table
  }

  /// The lines under the ranking: method, cutoff, AHP consistency.
  /// - Parameter byName: fields named by their names rather than their IDs (the document's `--no-ids`).
  func rankingNotes(_ r: PlanRanking, byName: Bool = false) -> [String] {
    var notes = [t(ExportLabels.rankingMethod(r.method, weighting: plan.weighting))]
    if let cutoff = plan.cutoff { notes.append(t(ExportLabels.cutoff(cutoff))) }
    // Why a field is worth a consortium beyond its rank (R09), in rank order.
    for row in r.rows {
      guard let field = plan.entity(.field, row.field), let text = field[Attr.Field.justification]?.text,
        !text.allSatisfy(\.isWhitespace)
      else { continue }
      notes.append(t(ExportLabels.justification(field: byName ? row.name : row.field, rank: row.rank, text: text)))
    }
    if let c = r.consistency {
      notes.append(
        t(
          ExportLabels.consistency(
            lambdaMax: ExportNumbers.fixed(c.lambdaMax, places: 3), ci: ExportNumbers.fixed(c.ci, places: 3),
            ri: ExportNumbers.fixed(c.ri, places: 2), cr: ExportNumbers.fixed(c.cr, places: 3), ok: c.cr <= plan.crMax,
            limit: ExportNumbers.fixed(plan.crMax, places: 2), group: !plan[.judgement].isEmpty)))
    }
    return notes
  }

  // MARK: Consortia

  /// The lines under a consortium's heading: field, rank and period; governance.
  func consortiumFacts(_ k: Entity) -> [String] {
    let field = k[Attr.Consortium.field]?.ref
    return [
      t(
        ExportLabels.fieldLine(
          field: roadmap.label(.field, field), rank: field.flatMap(roadmap.rank(ofField:)).map(String.init),
          period: k[Attr.Consortium.period]?.period?.description)),
      t(
        ExportLabels.governance(
          agreement: k[Attr.Consortium.agreement]?.flag ?? false,
          ip: k[Attr.Consortium.ipStrategy]?.flag ?? false,
          committee: k[Attr.Consortium.committee]?.flag ?? false)),
    ]
  }

  /// The lead's mark after its role.
  var leadMark: String { ascii ? " *" : " ★" }

  /// Members grouped by chain position; the position is written on the first row of its group,
  /// or on every row with `repeatingChain` (Markdown and documents, where a blank cell would
  /// read as "no chain position", issue 17 item 10).
  func members(_ consortium: String, repeatingChain: Bool = false) -> ExportTable {
    var table = ExportTable(
      header: [
        t(ExportLabels.chain), t(ExportLabels.org), t(ExportLabels.name), t(ExportLabels.type),
        t(ExportLabels.role),
      ], ids: [1])
    for group in roadmap.members(of: consortium) {
      for (i, m) in group.rows.enumerated() {
        let chain = i == 0 || repeatingChain ? (group.chain.map(v) ?? t(ExportLabels.noChain)) : ""
        table.rows.append([chain, m.org, m.name, v(m.type), v(m.role) + (m.isLead ? leadMark : "")])
      }
    }
    return table
  }

  func goals(_ goals: [Entity]) -> ExportTable {
    var table = ExportTable(
      header: [
        "ID", t(ExportLabels.goal), t(ExportLabels.indicator),
        t(ExportLabels.baselineTarget), t(ExportLabels.category), t(ExportLabels.after),
      ], ids: [0, 5])
    for g in goals {
      table.rows.append([
        g.id, g.name ?? "", g[Attr.Goal.indicator]?.text ?? "", change(g), v(g[Attr.Goal.category]?.choice),
        g[Attr.Goal.after]?.refs?.joined(separator: ",") ?? "",
      ])
    }
    // SPEC §11: a plan with checkpoints shows each goal's beside it, in year order (`2026: 250`).
    if !plan[.checkpoint].isEmpty {
      table.header.append(t(ExportLabels.checkpoints))
      for (i, g) in goals.enumerated() { table.rows[i].append(checkpoints(of: g.id)) }
    }
    // SPEC §11: with actuals, each goal's latest actual (and its year) and its status.
    if let statuses = roadmap.goalStatuses {
      table.header += [t(ReviewLabels.actual), t(ReviewLabels.statusAsOf(statuses.year))]
      for (i, g) in goals.enumerated() {
        guard let a = statuses.byGoal[g.id] else {
          table.rows[i] += ["", ""]
          continue
        }
        let actual = a.actualYear.map { y in a.actual.map { "\(ReviewTables.value($0)) (\(y))" } ?? "(\(y))" } ?? "—"
        table.rows[i] += [actual, t(ReviewLabels.status(a.status))]
      }
    }
    return table
  }

  var arrow: String { ascii ? "->" : "→" }

  /// A goal's checkpoints in year order: `2026: 250; 2027: 400`.
  func checkpoints(of goal: String) -> String {
    roadmap.checkpoints(of: goal).map { c in
      c.key.b + ": " + (c[Attr.Checkpoint.value]?.number.map(Format.number) ?? "?")
    }.joined(separator: "; ")
  }

  /// `20 (2024) → 40 %`, with `↓` for a goal that should fall.
  func change(_ goal: Entity) -> String {
    var baseline = goal[Attr.Goal.baseline]?.number.map(Format.number) ?? "?"
    if let year = goal[Attr.Goal.baselineYear]?.integer { baseline += " (\(year))" }
    var s = "\(baseline) \(arrow) \(goal[Attr.Goal.target]?.number.map(Format.number) ?? "?")"
    if let unit = goal[Attr.Goal.unit]?.text, !unit.isEmpty { s += " " + unit }
    if goal[Attr.Goal.direction]?.choice == "down" { s += ascii ? " (down)" : " ↓" }
    return s
  }

  func measures(_ measures: [Entity]) -> ExportTable {
    var table = ExportTable(
      header: [
        "ID", t(ExportLabels.measure), t(ExportLabels.instrument), t(ExportLabels.funder),
        t(ExportLabels.amount), t(ExportLabels.agency), t(ExportLabels.start),
      ],
      numeric: [4], ids: [0])
    for m in measures {
      table.rows.append([
        m.id, m.name ?? "", v(m[Attr.Measure.instrument]?.choice), v(m[Attr.Measure.funder]?.choice),
        m[Attr.Measure.amount]?.number.map(ExportNumbers.amount) ?? "", m[Attr.Measure.agency]?.text ?? "",
        m[Attr.Measure.start]?.month?.description ?? "",
      ])
    }
    return table
  }

  // MARK: Funding

  /// The note over the funding table: currency, how the share is computed, warning and cap.
  var fundingNote: String {
    t(
      ExportLabels.fundingNote(
        currency: plan.currency, warn: Format.percent(plan.govShareWarn),
        cap: Format.percent(plan.govShareMax)))
  }

  /// By consortium and phase, one column per source that occurs, the total, the government
  /// share, and on each total row the share against warning and cap.
  func funding() -> ExportTable {
    let funding = roadmap.funding
    let n = funding.sources.count
    var table = ExportTable(
      header: [t(ExportLabels.consortium), t(ExportLabels.phase)] + funding.sources.map(v)
        + [t(ExportLabels.total), t(ExportLabels.govShare), t(ExportLabels.status)],
      numeric: Set(2..<(n + 4)), ids: [0, 1])
    for (i, row) in funding.rows.enumerated() {
      var status = ""
      if row.phase == nil {
        table.totalRows.insert(i)
        status = row.share.map { t(ExportLabels.shareStatus($0, warn: plan.govShareWarn, cap: plan.govShareMax)) } ?? ""
      }
      table.rows.append(
        [row.consortium ?? t(ExportLabels.allConsortia), row.phase ?? t(ExportLabels.total)]
          + row.amounts.map { $0.map(ExportNumbers.amount) ?? "" }
          + [ExportNumbers.amount(row.total), row.share.map(ExportNumbers.share) ?? "", status])
    }
    return table
  }

  /// The funding table for narrow pages: the sources summed as government (central,
  /// provincial, municipal), enterprise and other.
  func compactFunding() -> ExportTable {
    let funding = roadmap.funding
    var table = ExportTable(
      header: [
        t(ExportLabels.consortium), t(ExportLabels.phase), t(ExportLabels.government), v("enterprise"),
        t(ExportLabels.otherSources), t(ExportLabels.total), t(ExportLabels.govShare), t(ExportLabels.status),
      ],
      numeric: Set(2..<7), ids: [0, 1])
    for (i, row) in funding.rows.enumerated() {
      var enterprise: Double?
      var other: Double?
      for (source, amount) in zip(funding.sources, row.amounts) {
        guard let amount, !Schema.governmentSources.contains(source) else { continue }
        if source == "enterprise" { enterprise = (enterprise ?? 0) + amount } else { other = (other ?? 0) + amount }
      }
      let government =
        zip(funding.sources, row.amounts).contains { Schema.governmentSources.contains($0) && $1 != nil }
        ? row.government : nil
      var status = ""
      if row.phase == nil {
        table.totalRows.insert(i)
        status = row.share.map { t(ExportLabels.shareStatus($0, warn: plan.govShareWarn, cap: plan.govShareMax)) } ?? ""
      }
      table.rows.append(
        [row.consortium ?? t(ExportLabels.allConsortia), row.phase ?? t(ExportLabels.total)]
          + [government, enterprise, other].map { $0.map(ExportNumbers.amount) ?? "" }
          + [ExportNumbers.amount(row.total), row.share.map(ExportNumbers.share) ?? "", status])
    }
    return table
  }

  // MARK: Validation

  /// Where a finding points, as a document shows it: `file:line:column` in a plan file; nothing
  /// for a statement typed in the shell, run from standard input or replayed from a journal
  /// (`<shell>:27:1` is no place a reader of the document can open; saving the plan first
  /// locates every finding in the saved file, issue 17 item 15).
  static func place(_ location: SourceLocation) -> String? {
    location.file.hasPrefix("<") ? nil : "\(location.file):\(location.line):\(location.column)"
  }

  var summary: String { t(DiagnosticText.summary(errors: roadmap.errorCount, warnings: roadmap.warningCount)) }

  func diagnostics() -> ExportTable {
    var table = ExportTable(
      header: [
        t(ExportLabels.severity), t(ExportLabels.code), t(ExportLabels.location),
        t(ExportLabels.message),
      ], ids: [1, 2])
    for d in roadmap.diagnostics {
      table.rows.append([
        d.severity.label(language), d.code, d.location.flatMap(Self.place) ?? "",
        d.message.text(language),
      ])
    }
    return table
  }
}
