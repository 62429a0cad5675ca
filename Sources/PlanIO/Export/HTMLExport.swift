import PlanEngine
import PlanLanguage
import PlanModel

/// The HTML export (SPEC §9): one self-contained UTF-8 page — inline style, inline SVG
/// timeline, no script, no font, image or stylesheet from elsewhere — with the ranking, the
/// timeline, the consortia, the funding and the validation summary. It prints on A4: headings
/// keep with what follows, tables and the timeline stay whole where they fit (a longer table
/// repeats its header), ID cells and spans never wrap, colours are kept, and each page's footer
/// holds "page / pages" (CSS Paged Media margin boxes: Chromium 131 and later, checked by
/// `HTMLPrintIntegration` on headless Chromium's PDF).
struct HTMLExport: RoadmapExporter {
  let roadmap: Roadmap
  let options: ExportOptions

  func e(_ text: String) -> String { Self.escape(text) }

  func render() -> String {
    let title = plan.title ?? t(ExportLabels.untitled)
    var out = """
      <!DOCTYPE html>
      <html lang="\(options.language.languageTag)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="cplan">
      <title>\(e(title))</title>
      <style>
      \(Self.style)</style>
      </head>
      <body>

      """
    out += header(title) + contents() + ranking() + timeline() + consortia() + planWide() + funding() + validation()
    out += "</body>\n</html>\n"
    return out
  }

  // MARK: Sections

  func header(_ title: String) -> String {
    var out = "<header>\n<h1>\(e(title))</h1>\n<dl class=\"facts\">\n"
    for row in shared.facts.rows { out += "<div><dt>\(e(row[0]))</dt><dd>\(e(row[1]))</dd></div>\n" }
    let status = roadmap.errorCount > 0 ? "error" : (roadmap.warningCount > 0 ? "warning" : "ok")
    out +=
      "<div><dt>\(e(t(ExportLabels.validation)))</dt><dd><a class=\"badge \(status)\" href=\"#validation\">"
      + e(shared.summary) + "</a></dd></div>\n</dl>\n</header>\n"
    return out
  }

  func contents() -> String {
    var items: [(String, LocalizedText)] = [
      ("ranking", ExportLabels.ranking), ("timeline", ExportLabels.timeline), ("consortia", ExportLabels.consortia),
    ]
    if roadmap.hasPlanWideItems { items.append(("plan-wide", ExportLabels.planWide)) }
    items += [("funding", ExportLabels.funding), ("validation", ExportLabels.validation)]
    return "<nav><ol>" + items.map { "<li><a href=\"#\($0.0)\">\(e(t($0.1)))</a></li>" }.joined() + "</ol></nav>\n"
  }

  func ranking() -> String {
    var out = "<section id=\"ranking\">\n<h2>\(e(t(ExportLabels.ranking)))</h2>\n"
    switch roadmap.ranking {
    case .failure(let d):
      out += "<p class=\"note\">\(e(t(ExportLabels.rankingUnavailable(d.message.text(options.language)))))</p>\n"
    case .success(let r):
      let notes = shared.rankingNotes(r)
      out += "<p class=\"note\">\(e(notes[0]))</p>\n"
      let cutoff = plan.cutoff ?? 0
      let table = shared.ranking(r)
      out += Self.table(table, caption: nil, rowClass: { i in r.rows[i].rank <= cutoff ? "top" : nil }) { i, j, cell in
        // The score column carries a bar of the score (0…1).
        j == 3
          ? "<span class=\"meter\"><span style=\"width:\(ExportNumbers.fixed(max(0, min(1, r.rows[i].score)) * 100, places: 1))%\"></span></span>\(e(cell))"
          : e(cell)
      }
      for note in notes.dropFirst() { out += "<p class=\"note\">\(e(note))</p>\n" }
      out += "<h3>\(e(t(ExportLabels.criteria)))</h3>\n" + Self.table(shared.criteria(r))
      out += panel(r)
    }
    return out + "</section>\n"
  }

  /// The expert panel and, when asked for, the robustness with its bar chart (SPEC §12); empty
  /// without either.
  func panel(_ r: PlanRanking) -> String {
    var out = ""
    if let experts = shared.experts(r) {
      let notes = shared.panelNotes(r)
      let outlier = r.consensus?.outlier
      out += "<h3>\(e(t(ExportLabels.expertPanel)))</h3>\n<p class=\"note\">\(e(notes.heading))</p>\n"
      out += Self.table(experts, rowClass: { r.experts?[$0].expert == outlier ? "warn" : nil })
      if let consensus = notes.consensus { out += "<p class=\"note\">\(e(consensus))</p>\n" }
    }
    if let robustness = r.robustness, let table = shared.robustness(r), let note = shared.robustnessNote(r) {
      out += "<h3>\(e(t(ExportLabels.robustness)))</h3>\n<p class=\"note\">\(e(note))</p>\n"
      let title = t(ExportLabels.robustnessChart(cutoff: robustness.cutoff))
      let ranks = Dictionary(r.rows.map { ($0.field, $0.rank) }, uniquingKeysWith: { a, _ in a })
      if let svg = SVGRobustnessChart(robustness: robustness, ranks: ranks, title: title).render() {
        out += "<figure>\n" + svg + "<figcaption class=\"note\">\(e(title))</figcaption>\n</figure>\n"
      }
      out += Self.table(table)
    }
    if let cutoff = shared.cutoffSensitivity(r) {
      out += "<p class=\"note\">\(e(cutoff.heading))</p>\n" + Self.table(cutoff.table)
      if let margin = cutoff.margin { out += "<p class=\"note\">\(e(margin))</p>\n" }
    }
    return out
  }

  func timeline() -> String {
    var out = "<section id=\"timeline\">\n<h2>\(e(t(ExportLabels.timeline)))</h2>\n"
    if let svg = SVGTimeline(roadmap: roadmap, language: options.language).render() {
      out += "<figure>\n" + svg + "</figure>\n"
    } else {
      out += "<p>\(e(t(ExportLabels.noPhases)))</p>\n"
    }
    return out + "</section>\n"
  }

  func consortia() -> String {
    var out = "<section id=\"consortia\">\n<h2>\(e(t(ExportLabels.consortia)))</h2>\n"
    if roadmap.consortia.isEmpty { out += "<p>\(e(t(ExportLabels.noConsortia)))</p>\n" }
    for k in roadmap.consortia.untilInterrupted {
      out += "<article class=\"consortium\" id=\"\(e("consortium-" + k.id))\">\n"
      out += "<h3><span class=\"id\">\(e(k.id))</span> \(e(k.name ?? ""))</h3>\n<ul class=\"facts\">"
      out += shared.consortiumFacts(k).map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
      let members = shared.members(k.id)
      out += "<h4>\(e(t(ExportLabels.members))) (\(members.rows.count))</h4>\n"
      out +=
        members.rows.isEmpty
        ? "<p>\(e(t(ExportLabels.noMembers)))</p>\n"
        : Self.table(members, rowClass: { members.rows[$0][0].isEmpty ? nil : "group" })
      out += phases(consortium: k.id)
      out += "</article>\n"
    }
    return out + "</section>\n"
  }

  /// Per phase: its goals and measures for one consortium (or, for `nil`, for none).
  func phases(consortium: String?) -> String {
    var out = ""
    for p in roadmap.phases {
      let goals = roadmap.goals(consortium: consortium, phase: p.id)
      let measures = roadmap.measures(consortium: consortium, phase: p.id)
      if consortium == nil, goals.isEmpty, measures.isEmpty { continue }
      out +=
        "<div class=\"phase\">\n<h4><span class=\"swatch\" style=\"background:\(SVGTimeline.colour(of: p.id, in: roadmap))\"></span>\(e(ExportLabels.phaseHeading(p.id, p.name ?? "", p[Attr.Phase.period]?.period?.description ?? "")))</h4>\n"
      out += "<h5>\(e(t(ExportLabels.goals)))</h5>\n"
      out += goals.isEmpty ? "<p>\(e(t(ExportLabels.noGoals)))</p>\n" : Self.table(shared.goals(goals))
      out += "<h5>\(e(t(ExportLabels.measures)))</h5>\n"
      out += measures.isEmpty ? "<p>\(e(t(ExportLabels.noMeasures)))</p>\n" : Self.table(shared.measures(measures))
      out += "</div>\n"
    }
    return out
  }

  func planWide() -> String {
    guard roadmap.hasPlanWideItems else { return "" }
    return "<section id=\"plan-wide\">\n<h2>\(e(t(ExportLabels.planWide)))</h2>\n" + phases(consortium: nil)
      + "</section>\n"
  }

  func funding() -> String {
    var out = "<section id=\"funding\">\n<h2>\(e(t(ExportLabels.funding)))</h2>\n"
    let table = shared.funding()
    let rows = roadmap.funding.rows
    if table.rows.isEmpty {
      out += "<p>\(e(t(ExportLabels.noFunding)))</p>\n"
    } else {
      out += "<p class=\"note\">\(e(shared.fundingNote))</p>\n"
      out += Self.table(
        table,
        rowClass: { i in
          var classes: [String] = []
          if table.totalRows.contains(i) { classes.append("total") }
          if let share = rows[i].share, rows[i].phase == nil {
            if share > plan.govShareMax {
              classes.append("over")
            } else if share > plan.govShareWarn {
              classes.append("warn")
            }
          }
          return classes.isEmpty ? nil : classes.joined(separator: " ")
        })
    }
    return out + "</section>\n"
  }

  func validation() -> String {
    var out = "<section id=\"validation\">\n<h2>\(e(t(ExportLabels.validation)))</h2>\n<p>\(e(shared.summary))</p>\n"
    if !roadmap.diagnostics.isEmpty {
      let severities = roadmap.diagnostics.map(\.severity.rawValue)
      out += Self.table(shared.diagnostics(), rowClass: { severities[$0] })
    }
    return out + "</section>\n"
  }

  // MARK: HTML

  /// A `<table>`: numeric columns aligned right, an optional class per row, and cells written
  /// by `cell` (escaped text by default).
  static func table(
    _ table: ExportTable, caption: String? = nil, rowClass: (Int) -> String? = { _ in nil },
    cell: (Int, Int, String) -> String = { _, _, text in escape(text) }
  ) -> String {
    var out = "<table>\n"
    if let caption { out += "<caption>\(escape(caption))</caption>\n" }
    out += "<thead><tr>"
    for (j, h) in table.header.enumerated() {
      out += table.numeric.contains(j) ? "<th class=\"num\">\(escape(h))</th>" : "<th>\(escape(h))</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for (i, row) in table.rows.enumerated() {
      out += rowClass(i).map { "<tr class=\"\(escape($0))\">" } ?? "<tr>"
      for j in table.header.indices {
        let text = j < row.count ? row[j] : ""
        out += table.numeric.contains(j) ? "<td class=\"num\">" : table.ids.contains(j) ? "<td class=\"id\">" : "<td>"
        out += cell(i, j, text) + "</td>"
      }
      out += "</tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }

  /// Text for HTML content and attribute values: `&`, `<`, `>`, `"`, `'` as references, a newline
  /// as `<br>`, and other control characters dropped.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in TextWrap.sanitize(text).unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\n": out += "<br>"
      case "\u{FFFD}": break
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static let style = """
    :root { --ink: #1d2733; --muted: #5b6b7c; --rule: #d5dde6; --band: #f3f6f9; --accent: #2f6db5;
            --ok: #2e7d4f; --warn: #b26a00; --error: #b3261e; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 1100px; padding: 24px 32px 48px; color: var(--ink); background: #fff;
           font: 14px/1.55 "Helvetica Neue", Arial, "Liberation Sans", "Noto Sans CJK SC", "Source Han Sans SC",
           "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei", sans-serif; }
    h1 { font-size: 26px; margin: 0 0 12px; line-height: 1.3; }
    h2 { font-size: 20px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
    h3 { font-size: 17px; margin: 24px 0 8px; }
    h4 { font-size: 15px; margin: 18px 0 6px; }
    h5 { font-size: 13px; margin: 10px 0 4px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
    header { border-bottom: 1px solid var(--rule); padding-bottom: 12px; }
    dl.facts { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 0; }
    dl.facts div { display: flex; gap: 8px; }
    dl.facts dt { color: var(--muted); }
    dl.facts dd { margin: 0; font-weight: 600; }
    .badge { padding: 0 8px; border-radius: 10px; color: #fff; text-decoration: none; font-weight: 600; }
    .badge.ok { background: var(--ok); } .badge.warning { background: var(--warn); } .badge.error { background: var(--error); }
    nav ol { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; padding: 0; margin: 12px 0 0; }
    nav a { color: var(--accent); text-decoration: none; }
    p.note { color: var(--muted); margin: 6px 0; }
    ul.facts { list-style: none; padding: 0; margin: 4px 0 8px; color: var(--muted); }
    table { border-collapse: collapse; margin: 6px 0 12px; width: 100%; break-inside: avoid; }
    th, td { text-align: left; vertical-align: top; padding: 4px 10px; border-bottom: 1px solid var(--rule); }
    th { background: var(--band); font-weight: 600; white-space: nowrap; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.top td { background: #eef4fb; }
    tr.top td:nth-child(2) { font-weight: 700; }
    tr.group td { border-top: 2px solid var(--rule); }
    tr.total td { font-weight: 700; background: var(--band); }
    tr.warn td:nth-last-child(-n+2) { color: var(--warn); }
    tr.over td:nth-last-child(-n+2), tr.error td:first-child { color: var(--error); }
    tr.warning td:first-child { color: var(--warn); }
    .meter { display: inline-block; width: 64px; height: 8px; margin-right: 8px; background: var(--band);
             border: 1px solid var(--rule); vertical-align: middle; }
    .meter span { display: block; height: 100%; background: var(--accent); }
    .id { color: var(--accent); white-space: nowrap; }
    td.id { color: inherit; }
    .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 8px; }
    article.consortium { border-top: 1px solid var(--rule); margin-top: 18px; }
    .phase { margin-left: 12px; }
    figure { margin: 8px 0; }
    svg { width: 100%; height: auto; display: block; }
    svg text { font-family: inherit; fill: var(--ink); }
    svg .axis { font-size: 12px; fill: var(--muted); }
    svg .lane-label { font-size: 13px; }
    svg .mark-label { font-size: 9px; fill: var(--muted); }
    svg .phase-label { font-size: 13px; fill: #fff; font-weight: 600; }
    svg .grid { stroke: var(--rule); stroke-width: 1; }
    svg .span { stroke: #9aa8b6; stroke-width: 2; }
    svg .band { fill: var(--band); }
    @page { size: A4; margin: 14mm 14mm 16mm;
            @bottom-center { content: counter(page) " / " counter(pages); font-size: 9px; color: #5b6b7c; } }
    @media print {
      body { max-width: none; padding: 0; font-size: 11px; }
      nav { display: none; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      h1, h2, h3, h4, h5, caption { break-after: avoid; }
      h2, h3, h4, h5 { break-inside: avoid; }
      figure, table, tr, ul.facts { break-inside: avoid; }
      thead { display: table-header-group; }
      svg { max-height: 150mm; }
      a { color: inherit; text-decoration: none; }
    }

    """
}
