import PlanEngine
import PlanLanguage
import PlanModel

/// The Markdown export (SPEC §9): the content of the text export as headings and pipe tables
/// (GitHub-flavoured), the timeline as a fenced text block.
///
/// Text from the plan is escaped: Markdown punctuation gets a backslash, `&` becomes `&amp;`,
/// a newline in a cell becomes `<br>`, so a name never breaks a table or turns into markup.
struct MarkdownExport: RoadmapExporter {
  let roadmap: Roadmap
  let options: ExportOptions

  func render() -> String {
    var out = "# " + Self.escape(plan.title ?? t(ExportLabels.untitled)) + "\n\n"
    for row in shared.facts.rows { out += "- **\(Self.escape(row[0]))**: \(Self.escape(row[1]))\n" }
    out += ranking() + timeline() + consortia() + planWide() + funding() + validation()
    return out
  }

  // MARK: Sections

  func ranking() -> String {
    var out = "\n## " + t(ExportLabels.ranking) + "\n\n"
    switch roadmap.ranking {
    case .failure(let d):
      out += Self.escape(t(ExportLabels.rankingUnavailable(d.message.text(options.language)))) + "\n"
    case .success(let r):
      let notes = shared.rankingNotes(r)
      out += Self.escape(notes[0]) + "\n\n" + Self.table(shared.ranking(r))
      for note in notes.dropFirst() { out += "\n" + Self.escape(note) + "\n" }
      out += "\n### " + t(ExportLabels.criteria) + "\n\n" + Self.table(shared.criteria(r))
      out += panel(r)
    }
    return out
  }

  /// The expert panel and, when asked for, the robustness (SPEC §12); empty without either.
  func panel(_ r: PlanRanking) -> String {
    var out = ""
    if let experts = shared.experts(r) {
      let notes = shared.panelNotes(r)
      out += "\n### " + t(ExportLabels.expertPanel) + "\n\n" + Self.escape(notes.heading) + "\n\n"
      out += Self.table(experts)
      if let consensus = notes.consensus { out += "\n" + Self.escape(consensus) + "\n" }
    }
    if let robustness = shared.robustness(r), let note = shared.robustnessNote(r) {
      out += "\n### " + t(ExportLabels.robustness) + "\n\n" + Self.escape(note) + "\n\n" + Self.table(robustness)
    }
    if let cutoff = shared.cutoffSensitivity(r) {
      out += "\n" + Self.escape(cutoff.heading) + "\n\n" + Self.table(cutoff.table)
      if let margin = cutoff.margin { out += "\n" + Self.escape(margin) + "\n" }
    }
    return out
  }

  func timeline() -> String {
    let text = TextExport(roadmap: roadmap, options: options)
    let body = text.render(Array(text.timelineSection().dropFirst()))
    return "\n## " + t(ExportLabels.timeline) + "\n\n```text\n" + body + "```\n"
  }

  func consortia() -> String {
    var out = "\n## " + t(ExportLabels.consortia) + "\n"
    if roadmap.consortia.isEmpty { out += "\n" + t(ExportLabels.noConsortia) + "\n" }
    for k in roadmap.consortia.untilInterrupted {
      out += "\n### " + Self.escape(k.id + " " + (k.name ?? "")) + "\n\n"
      for fact in shared.consortiumFacts(k) { out += "- " + Self.escape(fact) + "\n" }
      let members = shared.members(k.id, repeatingChain: true)
      out += "\n#### " + t(ExportLabels.members) + " (\(members.rows.count))\n\n"
      out += members.rows.isEmpty ? t(ExportLabels.noMembers) + "\n" : Self.table(members)
      out += phases(consortium: k.id, level: "####")
    }
    return out
  }

  /// Per phase: its goals and measures for one consortium (or, for `nil`, for none).
  func phases(consortium: String?, level: String) -> String {
    var out = ""
    for p in roadmap.phases {
      let goals = roadmap.goals(consortium: consortium, phase: p.id)
      let measures = roadmap.measures(consortium: consortium, phase: p.id)
      if consortium == nil, goals.isEmpty, measures.isEmpty { continue }
      out +=
        "\n\(level) "
        + Self.escape(
          ExportLabels.phaseHeading(
            p.id, p.name ?? "",
            p[Attr.Phase.period]?.period?.description ?? "")) + "\n\n"
      out += "**" + t(ExportLabels.goals) + "**\n\n"
      out += goals.isEmpty ? t(ExportLabels.noGoals) + "\n" : Self.table(shared.goals(goals))
      out += "\n**" + t(ExportLabels.measures) + "**\n\n"
      out += measures.isEmpty ? t(ExportLabels.noMeasures) + "\n" : Self.table(shared.measures(measures))
    }
    return out
  }

  func planWide() -> String {
    guard roadmap.hasPlanWideItems else { return "" }
    return "\n## " + t(ExportLabels.planWide) + "\n" + phases(consortium: nil, level: "###")
  }

  func funding() -> String {
    var out = "\n## " + t(ExportLabels.funding) + "\n\n"
    let table = shared.funding()
    guard !table.rows.isEmpty else { return out + t(ExportLabels.noFunding) + "\n" }
    out += Self.escape(shared.fundingNote) + "\n\n" + Self.table(table)
    return out
  }

  func validation() -> String {
    var out = "\n## " + t(ExportLabels.validation) + "\n\n" + Self.escape(shared.summary) + "\n"
    if !roadmap.diagnostics.isEmpty { out += "\n" + Self.table(shared.diagnostics()) }
    return out
  }

  // MARK: Markdown

  /// A pipe table; numeric columns aligned right; total rows in bold.
  static func table(_ table: ExportTable) -> String {
    func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
    var out = line(table.header.map { $0.isEmpty ? " " : escape($0) })
    out += line(table.header.indices.map { table.numeric.contains($0) ? "---:" : "---" })
    for (i, row) in table.rows.enumerated() {
      let cells = table.header.indices.map { j -> String in
        let cell = j < row.count ? escape(row[j]) : ""
        return table.totalRows.contains(i) && !cell.isEmpty ? "**\(cell)**" : cell
      }
      out += line(cells)
    }
    return out
  }

  /// Plan text made inert in Markdown, table cells included.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in TextWrap.sanitize(text).unicodeScalars {
      switch scalar {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "!": out += "\\" + String(scalar)
      case "&": out += "&amp;"
      case "\n": out += "<br>"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
