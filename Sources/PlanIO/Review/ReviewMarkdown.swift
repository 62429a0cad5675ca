import PlanEngine
import PlanLanguage

/// The review report as Markdown (SPEC §11): the content of ``ReviewText`` as headings and pipe
/// tables (GitHub-flavoured), text from the plan escaped as the Markdown export escapes it.
struct ReviewMarkdown {
  let report: ReviewReport
  let options: ReviewOptions

  func t(_ text: LocalizedText) -> String { text.text(options.language) }

  func render() -> String {
    let tables = ReviewTables(report: report, language: options.language)
    let e = MarkdownExport.escape
    var out = "# " + e(tables.title) + "\n"
    if let against = options.against { out += "\n" + e(t(ReviewLabels.against(against))) + "\n" }
    out += "\n## " + t(ReviewLabels.statusCounts) + "\n\n" + e(tables.countsLine(report.counts)) + "\n"
    if report.goals.isEmpty { out += "\n" + t(ReviewLabels.noGoals) + "\n" }
    for section in report.consortia where !section.goals.isEmpty {
      out += "\n## " + e(tables.label(section.id, section.name)) + "\n\n"
      out += e(tables.countsLine(section.counts)) + "\n\n" + MarkdownExport.table(tables.goals(section.goals))
    }
    if !report.withoutConsortium.isEmpty {
      out +=
        "\n## " + t(ReviewLabels.planWideGoals) + "\n\n" + MarkdownExport.table(tables.goals(report.withoutConsortium))
    }
    out += "\n## " + t(ReviewLabels.money) + "\n\n"
    if tables.hasMoney {
      out += MarkdownExport.table(tables.money) + "\n" + e(t(ReviewLabels.moneyNote(currency: report.currency))) + "\n"
    } else {
      out += t(ReviewLabels.noMoney) + "\n"
    }
    if let changes = report.changes {
      out += "\n## " + t(ReviewLabels.changes) + "\n\n"
      out += changes.isEmpty ? t(ReviewLabels.noChanges) + "\n" : MarkdownExport.table(tables.changes)
    }
    return out
  }
}
