import PlanEngine
import PlanLanguage
import PlanModel

/// The document export (SPEC §13, `export docx`, file only): the roadmap of SPEC §9 as a Word
/// document (``WordDocument``) — the title and the plan's facts; Heading 1 sections for the
/// ranking, the timeline, the consortia, the plan-wide items, the funding and the validation;
/// a Heading 2 per consortium and Heading 3s for its members and phases — with the tables of the
/// text export (``ExportTables``) as Word tables. The timeline is a table of the phases with one
/// column per year of the horizon, the years a phase covers shaded.
///
/// `hidesIDs` (`--no-ids`) leaves the plan's IDs out: headings give names only, ID columns are
/// dropped where a name column stands beside them, and elsewhere (a goal's `after`, the
/// consortia of a field, the funding table's consortium and phase) each ID is replaced by its
/// entity's name. Diagnostics keep their codes and messages as the engine wrote them.
struct DOCXExport {
  let roadmap: Roadmap
  let options: ExportOptions

  var plan: Plan { roadmap.plan }
  var language: MessageLanguage { options.language }
  var shared: ExportTables { ExportTables(roadmap: roadmap, language: language, ascii: false) }
  func t(_ text: LocalizedText) -> String { text.text(language) }

  var hidesIDs: Bool { options.hidesIDs }

  /// The document's bytes.
  /// - Throws: ``ZipContainer/Failure`` when libzip cannot make the archive (out of memory).
  func render() throws(ZipContainer.Failure) -> [UInt8] {
    var doc = WordDocument(language: language)
    let title = plan.title ?? t(ExportLabels.untitled)
    doc.paragraph(title, style: "Title")
    for row in shared.facts.rows { doc.paragraph(row[0] + (language == .zh ? "：" : ": ") + row[1], style: "BodyText") }
    ranking(&doc)
    timeline(&doc)
    consortia(&doc)
    planWide(&doc)
    funding(&doc)
    validation(&doc)
    return try doc.package(title: title)
  }

  // MARK: Sections

  func ranking(_ doc: inout WordDocument) {
    doc.heading(t(ExportLabels.ranking), level: 1)
    switch roadmap.ranking {
    case .failure(let d):
      doc.paragraph(t(ExportLabels.rankingUnavailable(d.message.text(language))), style: "BodyText")
    case .success(let r):
      let notes = shared.rankingNotes(r, byName: hidesIDs)
      doc.paragraph(notes[0], style: "BodyText")
      var table = shared.ranking(r)
      if hidesIDs {
        for (j, c) in r.criteria.enumerated() { table.header[4 + j] = roadmap.name(.criterion, c) ?? c }
        table = replacingIDs(table, column: table.header.count - 1, kind: .consortium)
        table = dropping(table, columns: [1])
      }
      doc.table(table)
      for note in notes.dropFirst() { doc.paragraph(note, style: "BodyText") }
      doc.heading(t(ExportLabels.criteria), level: 2)
      var criteria = shared.criteria(r)
      if hidesIDs {
        // The weight at which the top changes, "0.612 → F3": the field by its name.
        for i in criteria.rows.indices {
          let cell = criteria.rows[i][5]
          guard let arrow = cell.firstRange(of: " \(shared.arrow) ") else { continue }
          let field = String(cell[arrow.upperBound...])
          criteria.rows[i][5] = cell[..<arrow.upperBound] + (roadmap.name(.field, field) ?? field)
        }
        criteria = dropping(criteria, columns: [0])
      }
      doc.table(criteria)
    }
  }

  func timeline(_ doc: inout WordDocument) {
    doc.heading(t(ExportLabels.timeline), level: 1)
    guard let span = roadmap.span, !roadmap.phases.isEmpty else {
      doc.paragraph(t(ExportLabels.noPhases), style: "BodyText")
      return
    }
    let years = Array(span.start.year...max(span.start.year, span.end.year))
    var table = ExportTable(
      header: [t(ExportLabels.phase), t(ExportLabels.period)] + years.map(String.init)
        + [t(ExportLabels.goalCount), t(ExportLabels.measureCount)],
      numeric: [years.count + 2, years.count + 3])
    var shaded: Set<[Int]> = []
    for (i, p) in roadmap.phases.enumerated() {
      let (goals, measures) = roadmap.counts(phase: p.id)
      let period = p[Attr.Phase.period]?.period
      table.rows.append(
        [phaseLabel(p), period?.description ?? ""] + years.map { _ in "" } + [String(goals), String(measures)])
      for (j, year) in years.enumerated() {
        if let period, period.start.year <= year, year <= period.end.year { shaded.insert([i, j + 2]) }
      }
    }
    doc.table(table, shaded: shaded)
  }

  func consortia(_ doc: inout WordDocument) {
    doc.heading(t(ExportLabels.consortia), level: 1)
    if roadmap.consortia.isEmpty { doc.paragraph(t(ExportLabels.noConsortia), style: "BodyText") }
    for k in roadmap.consortia.untilInterrupted {
      doc.heading(hidesIDs ? (k.name ?? k.id) : k.id + " " + (k.name ?? ""), level: 2)
      for fact in consortiumFacts(k) { doc.paragraph(fact, style: "BodyText") }
      var members = shared.members(k.id, repeatingChain: true)
      doc.heading(t(ExportLabels.members) + " (\(members.rows.count))", level: 3)
      if members.rows.isEmpty {
        doc.paragraph(t(ExportLabels.noMembers), style: "BodyText")
      } else {
        if hidesIDs { members = dropping(members, columns: [1]) }
        doc.table(members)
      }
      phases(&doc, consortium: k.id, level: 3)
    }
  }

  /// Per phase: the goals and measures of one consortium (or, for `nil`, of none).
  func phases(_ doc: inout WordDocument, consortium: String?, level: Int) {
    for p in roadmap.phases {
      let goals = roadmap.goals(consortium: consortium, phase: p.id)
      let measures = roadmap.measures(consortium: consortium, phase: p.id)
      if consortium == nil, goals.isEmpty, measures.isEmpty { continue }
      let period = p[Attr.Phase.period]?.period?.description ?? ""
      doc.heading(
        hidesIDs ? "\(p.name ?? p.id) (\(period))" : ExportLabels.phaseHeading(p.id, p.name ?? "", period), level: level
      )
      doc.paragraph(t(ExportLabels.goals), bold: true, keepNext: true)
      if goals.isEmpty {
        doc.paragraph(t(ExportLabels.noGoals), style: "BodyText")
      } else {
        var table = shared.goals(goals)
        if hidesIDs { table = dropping(replacingIDs(table, column: 5, kind: .goal), columns: [0]) }
        doc.table(table)
      }
      doc.paragraph(t(ExportLabels.measures), bold: true, keepNext: true)
      if measures.isEmpty {
        doc.paragraph(t(ExportLabels.noMeasures), style: "BodyText")
      } else {
        var table = shared.measures(measures)
        if hidesIDs { table = dropping(table, columns: [0]) }
        doc.table(table)
      }
    }
  }

  func planWide(_ doc: inout WordDocument) {
    guard roadmap.hasPlanWideItems else { return }
    doc.heading(t(ExportLabels.planWide), level: 1)
    phases(&doc, consortium: nil, level: 2)
  }

  func funding(_ doc: inout WordDocument) {
    doc.heading(t(ExportLabels.funding), level: 1)
    var table = shared.funding()
    guard !table.rows.isEmpty else {
      doc.paragraph(t(ExportLabels.noFunding), style: "BodyText")
      return
    }
    doc.paragraph(shared.fundingNote, style: "BodyText")
    if hidesIDs { table = replacingIDs(replacingIDs(table, column: 0, kind: .consortium), column: 1, kind: .phase) }
    doc.table(table)
  }

  func validation(_ doc: inout WordDocument) {
    doc.heading(t(ExportLabels.validation), level: 1)
    doc.paragraph(shared.summary, style: "BodyText")
    if !roadmap.diagnostics.isEmpty { doc.table(shared.diagnostics()) }
  }

  // MARK: IDs

  func phaseLabel(_ p: Entity) -> String { hidesIDs ? (p.name ?? p.id) : p.id + " " + (p.name ?? "") }

  /// The consortium's field line (by name only with `hidesIDs`) and its governance.
  func consortiumFacts(_ k: Entity) -> [String] {
    guard hidesIDs else { return shared.consortiumFacts(k) }
    let field = k[Attr.Consortium.field]?.ref
    return [
      t(
        ExportLabels.fieldLine(
          field: roadmap.name(.field, field) ?? field ?? "",
          rank: field.flatMap(roadmap.rank(ofField:)).map(String.init),
          period: k[Attr.Consortium.period]?.period?.description))
    ] + shared.consortiumFacts(k).dropFirst()
  }

  /// The table without `columns`.
  func dropping(_ table: ExportTable, columns: Set<Int>) -> ExportTable {
    let kept = table.header.indices.filter { !columns.contains($0) }
    func moved(_ set: Set<Int>) -> Set<Int> { Set(kept.enumerated().filter { set.contains($0.element) }.map(\.offset)) }
    var out = ExportTable(header: kept.map { table.header[$0] })
    out.rows = table.rows.map { row in kept.map { $0 < row.count ? row[$0] : "" } }
    out.numeric = moved(table.numeric)
    out.ids = moved(table.ids)
    out.totalRows = table.totalRows
    return out
  }

  /// The table with each ID in `column` (a comma list of IDs of `kind`) replaced by the entity's
  /// name; a cell that names no entity (a label such as "Total") is kept.
  func replacingIDs(_ table: ExportTable, column: Int, kind: Kind) -> ExportTable {
    var out = table
    let separator = language == .zh ? "、" : ", "
    for i in out.rows.indices where column < out.rows[i].count && !out.rows[i][column].isEmpty {
      let ids = out.rows[i][column].split(separator: ",").map(String.init)
      out.rows[i][column] = ids.map { roadmap.name(kind, $0) ?? $0 }.joined(separator: separator)
    }
    return out
  }
}
