import PlanEngine
import PlanLanguage
import PlanModel

/// The text export (SPEC §9): the roadmap for a terminal or a document, every table aligned
/// by display width and fitted to ``ExportOptions/width``.
struct TextExport: RoadmapExporter {
  /// One piece of the document: prose lines or a table.
  enum Block {
    case text(String)
    case table(TextTable)

    var rendered: String {
      switch self {
      case .text(let s): s
      case .table(let t): t.render()
      }
    }
  }

  let roadmap: Roadmap
  let options: ExportOptions

  /// The widest a line may be; at least 20.
  var width: Int { max(20, options.width ?? 100) }

  // MARK: Document

  /// Every block of the document, in order.
  var blocks: [Block] {
    [
      header(), rankingSection(), timelineSection(), consortiaSection(), planWideSection(), fundingSection(),
      validationSection(),
    ].joined().map { $0 }
  }

  /// Every table of the document (for checks of their width).
  var tables: [TextTable] {
    blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
  }

  /// The whole text export.
  func render() -> String { render(blocks) }

  func render(_ blocks: [Block]) -> String {
    blocks.map(\.rendered).joined()
  }

  // MARK: Building blocks

  /// A table fitted to the width, indented by `indent` spaces.
  func table(_ content: ExportTable, indent: Int = 0, header: Bool = true) -> Block {
    .table(textTable(content, indent: indent, header: header))
  }

  func textTable(_ content: ExportTable, indent: Int = 0, header: Bool = true) -> TextTable {
    var table = TextTable(
      header: header ? content.header.map(marks) : nil,
      alignments: content.header.indices.map { content.numeric.contains($0) ? .right : .left })
    table.rows = content.rows
    table.wholeWordColumns = content.ids
    table.indent = String(repeating: " ", count: indent)
    table.maxWidth = width
    table.rule = options.ascii ? "-" : "─"
    return table
  }

  /// Prose wrapped to the width, each line indented; ends in a newline.
  func paragraph(_ text: String, indent: Int = 0) -> Block {
    let pad = String(repeating: " ", count: indent)
    return .text(TextWrap.wrap(marks(text), to: width - indent).map { ($0.isEmpty ? "" : pad + $0) + "\n" }.joined())
  }

  /// A heading underlined with `underline`, after a blank line.
  func heading(_ text: String, underline: Character, blankBefore: Bool = true) -> Block {
    let lines = TextWrap.wrap(text, to: width)
    let w = lines.map { DisplayWidth.width($0) }.max() ?? 0
    return .text(
      (blankBefore ? "\n" : "") + lines.map { $0 + "\n" }.joined() + String(repeating: underline, count: w) + "\n")
  }

  /// With `--ascii`, the marks of headings and notes in ASCII (`→` as `->`, `·` as `;`, …).
  func marks(_ text: String) -> String {
    options.ascii ? ExportLabels.asciiMarks(text) : text
  }

  // MARK: Header

  func header() -> [Block] {
    [
      heading(plan.title ?? t(ExportLabels.untitled), underline: "=", blankBefore: false),
      table(shared.facts, header: false),
    ]
  }

  // MARK: Ranking

  func rankingSection() -> [Block] {
    var blocks = [heading(t(ExportLabels.ranking), underline: "-")]
    switch roadmap.ranking {
    case .failure(let d):
      blocks.append(paragraph(t(ExportLabels.rankingUnavailable(d.message.text(language)))))
    case .success(let r):
      let notes = shared.rankingNotes(r)
      blocks.append(paragraph(notes[0]))
      blocks.append(table(shared.ranking(r)))
      blocks.append(contentsOf: notes.dropFirst().map { paragraph($0) })
      blocks.append(.text("\n"))
      blocks.append(paragraph(t(ExportLabels.criteria)))
      blocks.append(table(shared.criteria(r)))
      blocks += panelBlocks(r)
    }
    return blocks
  }

  /// The expert panel and, when asked for, the robustness (SPEC §12); none without either.
  func panelBlocks(_ r: PlanRanking) -> [Block] {
    var blocks: [Block] = []
    if let experts = shared.experts(r) {
      let notes = shared.panelNotes(r)
      blocks += [.text("\n"), paragraph(t(ExportLabels.expertPanel)), paragraph(notes.heading), table(experts)]
      if let consensus = notes.consensus { blocks.append(paragraph(consensus)) }
    }
    if let robustness = shared.robustness(r), let note = shared.robustnessNote(r) {
      blocks += [.text("\n"), paragraph(t(ExportLabels.robustness)), paragraph(note), table(robustness)]
    }
    if let cutoff = shared.cutoffSensitivity(r) {
      blocks += [.text("\n"), paragraph(cutoff.heading), table(cutoff.table)]
      if let margin = cutoff.margin { blocks.append(paragraph(margin)) }
    }
    return blocks
  }

  // MARK: Timeline

  func timelineSection() -> [Block] {
    var blocks = [heading(t(ExportLabels.timeline), underline: "-")]
    guard let span = roadmap.span, !roadmap.phases.isEmpty else {
      blocks.append(paragraph(t(ExportLabels.noPhases)))
      return blocks
    }
    let scale = TimelineScale(span)
    var content = ExportTable(
      header: [
        t(ExportLabels.phase), t(ExportLabels.period), "", t(ExportLabels.goalCount),
        t(ExportLabels.measureCount),
      ], numeric: [3, 4])
    for p in roadmap.phases {
      let (goals, measures) = roadmap.counts(phase: p.id)
      content.rows.append([
        p.id + " " + (p.name ?? ""), p[Attr.Phase.period]?.period?.description ?? "", "",
        String(goals), String(measures),
      ])
    }
    // Up to 6 columns a year; when the other columns leave too little room, the bars take half
    // the width and the phase names wrap.
    let natural = textTable(content).columnWidths()
    let others = natural.enumerated().filter { $0.offset != 2 }.map(\.element).reduce(0, +) + 4 * 2
    let years = scale.years.count
    var perYear = min(6, max(1, (width - others) / years))
    if perYear < 3 { perYear = min(6, max(1, (width / 2) / years)) }
    let columns = perYear * years
    content.header[2] = axis(scale, columns: columns, perYear: perYear)
    for (i, p) in roadmap.phases.enumerated() {
      content.rows[i][2] = bar(p[Attr.Phase.period]?.period, scale: scale, columns: columns)
    }
    var timeline = textTable(content)
    timeline.fixedColumns = [2]
    timeline.firstWordColumns = [0]  // "攻关期 关键技术突破阶段": the phase's ID, then its name
    blocks.append(.table(timeline))
    return blocks
  }

  /// The year labels over the bars: each at the column where its year begins, where it fits.
  func axis(_ scale: TimelineScale, columns: Int, perYear: Int) -> String {
    var line = Array(repeating: Character(" "), count: columns)
    var free = 0
    for (i, year) in scale.years.enumerated() {
      let label = perYear >= 5 ? String(year) : String(String(year).suffix(2))
      let at = i * perYear
      guard at >= free, at + label.count <= columns else { continue }
      for (k, ch) in label.enumerated() { line[at + k] = ch }
      free = at + label.count + 1
    }
    return String(line)
  }

  /// One phase's bar: full blocks where the phase covers a column, half blocks at a ragged
  /// edge, a dot track elsewhere (`#`, `.` with `--ascii`).
  func bar(_ period: Period?, scale: TimelineScale, columns: Int) -> String {
    let track: Character = options.ascii ? "." : "·"
    guard let period else { return String(repeating: track, count: columns) }
    let (lower, upper) = scale.interval(period)
    var out = ""
    for c in 0..<columns {
      let a = Double(c) / Double(columns), b = Double(c + 1) / Double(columns)
      let covered = max(0, min(b, upper) - max(a, lower)) * Double(columns)
      if options.ascii {
        out.append(covered >= 0.5 ? "#" : track)
      } else if covered >= 0.75 {
        out.append("█")
      } else if covered >= 0.25 {
        out.append(lower > a ? "▐" : "▌")
      } else {
        out.append(track)
      }
    }
    return out
  }

  // MARK: Consortia

  func consortiaSection() -> [Block] {
    var blocks = [heading(t(ExportLabels.consortia), underline: "-")]
    if roadmap.consortia.isEmpty { blocks.append(paragraph(t(ExportLabels.noConsortia))) }
    for k in roadmap.consortia.untilInterrupted {
      blocks.append(.text("\n"))
      blocks.append(heading(k.id + " " + (k.name ?? ""), underline: options.ascii ? "~" : "┄", blankBefore: false))
      blocks.append(contentsOf: shared.consortiumFacts(k).map { paragraph($0) })
      let members = shared.members(k.id)
      blocks.append(.text("\n"))
      blocks.append(paragraph(t(ExportLabels.members) + " (\(members.rows.count))", indent: 2))
      blocks.append(members.rows.isEmpty ? paragraph(t(ExportLabels.noMembers), indent: 4) : table(members, indent: 2))
      blocks.append(contentsOf: phaseBlocks(consortium: k.id))
    }
    return blocks
  }

  /// Per phase: its goals and measures for one consortium (or, for `nil`, for none).
  func phaseBlocks(consortium: String?) -> [Block] {
    var blocks: [Block] = []
    for p in roadmap.phases {
      let goals = roadmap.goals(consortium: consortium, phase: p.id)
      let measures = roadmap.measures(consortium: consortium, phase: p.id)
      if consortium == nil, goals.isEmpty, measures.isEmpty { continue }
      blocks.append(.text("\n"))
      blocks.append(
        paragraph(
          ExportLabels.phaseHeading(p.id, p.name ?? "", p[Attr.Phase.period]?.period?.description ?? ""),
          indent: 2))
      blocks.append(paragraph(t(ExportLabels.goals), indent: 4))
      blocks.append(
        goals.isEmpty ? paragraph(t(ExportLabels.noGoals), indent: 6) : table(shared.goals(goals), indent: 4))
      blocks.append(paragraph(t(ExportLabels.measures), indent: 4))
      blocks.append(
        measures.isEmpty
          ? paragraph(t(ExportLabels.noMeasures), indent: 6)
          : table(shared.measures(measures), indent: 4))
    }
    return blocks
  }

  func planWideSection() -> [Block] {
    guard roadmap.hasPlanWideItems else { return [] }
    return [heading(t(ExportLabels.planWide), underline: "-")] + phaseBlocks(consortium: nil)
  }

  // MARK: Funding

  func fundingSection() -> [Block] {
    var blocks = [heading(t(ExportLabels.funding), underline: "-")]
    let funding = shared.funding()
    guard !funding.rows.isEmpty else { return blocks + [paragraph(t(ExportLabels.noFunding))] }
    blocks.append(paragraph(shared.fundingNote))
    // A source a column where the page is wide enough, else government, enterprise and other.
    let full = textTable(funding)
    blocks.append(full.fitsWithoutBreakingWords ? .table(full) : table(shared.compactFunding()))
    return blocks
  }

  // MARK: Validation

  func validationSection() -> [Block] {
    var blocks = [heading(t(ExportLabels.validation), underline: "-"), paragraph(shared.summary)]
    if !roadmap.diagnostics.isEmpty { blocks.append(table(shared.diagnostics())) }
    return blocks
  }
}
