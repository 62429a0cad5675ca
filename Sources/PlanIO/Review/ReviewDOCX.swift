import PlanEngine
import PlanLanguage

/// The review report as a Word document (SPEC §11 and §13: `review --format docx -o FILE`, file
/// only), made by the document export's ``WordDocument`` (A4, page numbers, 黑体/仿宋/宋体 in
/// Chinese): the title as Title, then the sections of ``ReviewText`` as Heading 1 — the counts
/// by status, each consortium with its counts and its goal table, the goals of no consortium,
/// money planned and paid with its note, the changes since approval — with the tables of
/// ``ReviewTables`` as Word tables. The HTML format's charts are not drawn here.
struct ReviewDOCX {
  let report: ReviewReport
  let options: ReviewOptions

  func t(_ text: LocalizedText) -> String { text.text(options.language) }

  /// The document's bytes.
  /// - Throws: ``ZipContainer/Failure`` when libzip cannot make the archive (out of memory).
  func render() throws(ZipContainer.Failure) -> [UInt8] {
    let tables = ReviewTables(report: report, language: options.language)
    var doc = WordDocument(language: options.language)
    doc.paragraph(tables.title, style: "Title")
    if let against = options.against { doc.paragraph(t(ReviewLabels.against(against)), style: "BodyText") }
    doc.heading(t(ReviewLabels.statusCounts), level: 1)
    doc.paragraph(tables.countsLine(report.counts), style: "BodyText")
    if report.goals.isEmpty { doc.paragraph(t(ReviewLabels.noGoals), style: "BodyText") }
    for section in report.consortia where !section.goals.isEmpty {
      doc.heading(tables.label(section.id, section.name), level: 1)
      doc.paragraph(tables.countsLine(section.counts), style: "BodyText")
      doc.table(tables.goals(section.goals))
    }
    if !report.withoutConsortium.isEmpty {
      doc.heading(t(ReviewLabels.planWideGoals), level: 1)
      doc.table(tables.goals(report.withoutConsortium))
    }
    doc.heading(t(ReviewLabels.money), level: 1)
    if tables.hasMoney {
      doc.table(tables.money)
      doc.paragraph(t(ReviewLabels.moneyNote(currency: report.currency)), style: "BodyText")
    } else {
      doc.paragraph(t(ReviewLabels.noMoney), style: "BodyText")
    }
    if let changes = report.changes {
      doc.heading(t(ReviewLabels.changes), level: 1)
      if changes.isEmpty {
        doc.paragraph(t(ReviewLabels.noChanges), style: "BodyText")
      } else {
        doc.table(tables.changes)
      }
    }
    return try doc.package(title: tables.title)
  }
}
