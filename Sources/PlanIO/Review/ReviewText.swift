import PlanEngine
import PlanLanguage
import PlanModel

/// The review report as text (SPEC §11): the title, the counts by status, per consortium its
/// counts and goal table, the goals of no consortium, money planned and paid, and the changes
/// since approval; tables aligned by display width and fitted to ``ReviewOptions/width``.
struct ReviewText {
  let report: ReviewReport
  let options: ReviewOptions

  var tables: ReviewTables { ReviewTables(report: report, language: options.language) }
  var width: Int { max(40, options.width ?? 100) }
  func t(_ text: LocalizedText) -> String { text.text(options.language) }

  func render() -> String {
    let tables = tables
    var out = heading(tables.title, underline: "=", blankBefore: false)
    if let against = options.against { out += paragraph(t(ReviewLabels.against(against))) }
    out += heading(t(ReviewLabels.statusCounts), underline: "-")
    out += paragraph(tables.countsLine(report.counts))
    if report.goals.isEmpty { out += paragraph(t(ReviewLabels.noGoals)) }
    for section in report.consortia where !section.goals.isEmpty {
      out += heading(tables.label(section.id, section.name), underline: "-")
      out += paragraph(tables.countsLine(section.counts))
      out += "\n" + table(tables.goals(section.goals))
    }
    if !report.withoutConsortium.isEmpty {
      out += heading(t(ReviewLabels.planWideGoals), underline: "-")
      out += "\n" + table(tables.goals(report.withoutConsortium))
    }
    out += heading(t(ReviewLabels.money), underline: "-")
    if tables.hasMoney {
      out += table(tables.money) + "\n" + paragraph(t(ReviewLabels.moneyNote(currency: report.currency)))
    } else {
      out += paragraph(t(ReviewLabels.noMoney))
    }
    if let changes = report.changes {
      out += heading(t(ReviewLabels.changes), underline: "-")
      out += changes.isEmpty ? paragraph(t(ReviewLabels.noChanges)) : table(tables.changes)
    }
    return out
  }

  /// A table fitted to the width; numeric columns aligned right, IDs never broken.
  func table(_ content: ExportTable) -> String {
    var table = TextTable(
      header: content.header, alignments: content.header.indices.map { content.numeric.contains($0) ? .right : .left })
    table.rows = content.rows
    table.wholeWordColumns = content.ids
    table.maxWidth = width
    table.rule = "─"
    return table.render()
  }

  /// Prose wrapped to the width, where phrases end (not inside a Chinese word); ends in a newline.
  func paragraph(_ text: String) -> String {
    TextWrap.wrap(text, to: width, atPhrases: true).map { $0 + "\n" }.joined()
  }

  /// A heading underlined with `underline`, after a blank line.
  func heading(_ text: String, underline: Character, blankBefore: Bool = true) -> String {
    let lines = TextWrap.wrap(text, to: width, atPhrases: true)
    let w = lines.map { DisplayWidth.width($0) }.max() ?? 0
    return (blankBefore ? "\n" : "") + lines.map { $0 + "\n" }.joined() + String(repeating: underline, count: w) + "\n"
  }
}
