import PlanEngine
import PlanLanguage

/// The review report as one self-contained HTML page (SPEC §11): inline style, no script, no
/// reference outside the page; per consortium its counts and its goals, each goal with a
/// baseline and a target with a small inline SVG chart (``ReviewChart``); statuses coloured and
/// always written as words; money planned and paid; the changes since approval.
struct ReviewHTML {
  let report: ReviewReport
  let options: ReviewOptions

  func t(_ text: LocalizedText) -> String { text.text(options.language) }
  func e(_ text: String) -> String { HTMLExport.escape(text) }

  func render() -> String {
    let tables = ReviewTables(report: report, language: options.language)
    var out = """
      <!DOCTYPE html>
      <html lang="\(options.language.languageTag)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="cplan">
      <title>\(e(tables.title))</title>
      <style>
      \(HTMLExport.style)\(Self.style)</style>
      </head>
      <body>
      <header>
      <h1>\(e(tables.title))</h1>

      """
    if let against = options.against { out += "<p class=\"note\">\(e(t(ReviewLabels.against(against))))</p>\n" }
    out += "<p class=\"counts\">" + counts(report.counts) + "</p>\n</header>\n"
    if report.goals.isEmpty { out += "<p class=\"note\">\(e(t(ReviewLabels.noGoals)))</p>\n" }
    for section in report.consortia where !section.goals.isEmpty {
      out += "<section class=\"consortium\">\n<h2>\(e(tables.label(section.id, section.name)))</h2>\n"
      out += "<p class=\"counts\">" + counts(section.counts) + "</p>\n" + goals(section.goals, tables) + "</section>\n"
    }
    if !report.withoutConsortium.isEmpty {
      out += "<section class=\"consortium\">\n<h2>\(e(t(ReviewLabels.planWideGoals)))</h2>\n"
      out += goals(report.withoutConsortium, tables) + "</section>\n"
    }
    out += "<section id=\"money\">\n<h2>\(e(t(ReviewLabels.money)))</h2>\n"
    if tables.hasMoney {
      out += table(tables.money)
      out += "<p class=\"note\">\(e(t(ReviewLabels.moneyNote(currency: report.currency))))</p>\n"
    } else {
      out += "<p class=\"note\">\(e(t(ReviewLabels.noMoney)))</p>\n"
    }
    out += "</section>\n"
    if let changes = report.changes {
      out += "<section id=\"changes\">\n<h2>\(e(t(ReviewLabels.changes)))</h2>\n"
      out += changes.isEmpty ? "<p class=\"note\">\(e(t(ReviewLabels.noChanges)))</p>\n" : table(tables.changes)
      out += "</section>\n"
    }
    return out + "</body>\n</html>\n"
  }

  /// The counts as coloured status words with their numbers.
  func counts(_ counts: StatusCounts) -> String {
    var parts = counts.nonZero.map { "\(status($0.status)) \($0.count)" }
    parts.append(e(t(ReviewLabels.goalsInAll(counts.total))))
    return parts.joined(separator: " · ")
  }

  /// A status as a coloured word: `<span class="status on-track">on track</span>`.
  func status(_ s: GoalStatus) -> String {
    "<span class=\"status \(s.rawValue)\">\(e(t(ReviewLabels.status(s))))</span>"
  }

  /// The goal table with a chart column.
  func goals(_ indices: [Int], _ tables: ReviewTables) -> String {
    let content = tables.goals(indices)
    var out = "<table class=\"goals\">\n<thead><tr>"
    for (j, h) in content.header.enumerated() {
      out += content.numeric.contains(j) ? "<th class=\"num\">\(e(h))</th>" : "<th>\(e(h))</th>"
    }
    out += "<th>\(e(t(ReviewLabels.chart)))</th></tr></thead>\n<tbody>\n"
    for (row, i) in zip(content.rows, indices) {
      let goal = report.goals[i]
      out += "<tr>"
      for (j, cell) in row.enumerated() {
        if j == row.count - 1 {
          out += "<td>\(status(goal.assessment.status))</td>"
        } else {
          out += content.numeric.contains(j) ? "<td class=\"num\">\(e(cell))</td>" : "<td>\(e(cell))</td>"
        }
      }
      let chart = ReviewChart(track: goal.track, asOf: report.asOf, title: tables.label(goal.id, goal.name)).svg()
      out += "<td class=\"chart\">\(chart ?? "")</td></tr>\n"
    }
    out += "</tbody>\n</table>\n"
    return out + "<p class=\"note\">\(e(t(ReviewLabels.chartLegend)))</p>\n"
  }

  /// A plain table; total rows in bold.
  func table(_ content: ExportTable) -> String {
    var out = "<table>\n<thead><tr>"
    for (j, h) in content.header.enumerated() {
      out += content.numeric.contains(j) ? "<th class=\"num\">\(e(h))</th>" : "<th>\(e(h))</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for (i, row) in content.rows.enumerated() {
      out += content.totalRows.contains(i) ? "<tr class=\"total\">" : "<tr>"
      for (j, cell) in row.enumerated() {
        out += content.numeric.contains(j) ? "<td class=\"num\">\(e(cell))</td>" : "<td>\(e(cell))</td>"
      }
      out += "</tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }

  /// The review's additions to the export's style: status colours, the charts.
  static let style = """
    p.counts { margin: 6px 0 10px; }
    .status { font-weight: 600; padding: 0 6px; border-radius: 8px; white-space: nowrap; }
    .status.achieved { color: #fff; background: #2e7d4f; }
    .status.on-track { color: #2e7d4f; background: #e3f2e8; }
    .status.at-risk { color: #8a5200; background: #fdf0d5; }
    .status.behind { color: #fff; background: #b26a00; }
    .status.missed { color: #fff; background: #b3261e; }
    .status.no-data, .status.not-due, .status.untracked { color: #5b6b7c; background: #f3f6f9; }
    td.chart { width: 230px; }
    table.goals td:first-child { min-width: 14em; }
    svg.goal-chart { width: 220px; height: 84px; }
    svg.goal-chart .expected { fill: none; stroke: #2f6db5; stroke-width: 1.5; }
    svg.goal-chart .actual { fill: #b3261e; }
    svg.goal-chart .axis-line { stroke: #d5dde6; }
    svg.goal-chart .as-of { stroke: #9aa8b6; stroke-dasharray: 3 2; }
    svg.goal-chart .tick { font-size: 9px; fill: #5b6b7c; }

    """
}
