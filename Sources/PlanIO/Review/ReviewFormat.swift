import PlanEngine
import PlanLanguage

/// The formats of the review report (SPEC §11 "Review": `--format text|markdown|json|csv|html`;
/// SPEC §13: `docx`, file only).
package enum ReviewFormat: String, Sendable, CaseIterable {
  case text, markdown, json, csv, html
  /// A Word document (``ReviewDOCX``): written to a file only, by ``ReviewExporter/binary(_:options:)``.
  case docx

  /// Whether the format is a zip container, written to a file only.
  package var isBinary: Bool { self == .docx }
}

/// Options of a review report.
package struct ReviewOptions: Sendable {
  package var language: MessageLanguage = .en
  /// Width of text tables in display columns; nil: 100.
  package var width: Int?
  /// The approved plan's path as the report names it (`against PATH`), nil when none.
  package var against: String?

  package init(language: MessageLanguage = .en, width: Int? = nil, against: String? = nil) {
    self.language = language
    self.width = width
    self.against = against
  }
}

/// Writes a ``ReviewReport`` in each format of SPEC §11: one file per format
/// (`Review/Review<FORMAT>.swift`), the tables the text, Markdown and HTML formats share in
/// ``ReviewTables``.
package enum ReviewExporter {
  /// The report in `format` (UTF-8 text ending in a newline).
  /// - Precondition: `format` is not ``ReviewFormat/isBinary``.
  package static func render(_ report: ReviewReport, format: ReviewFormat, options: ReviewOptions) -> String {
    switch format {
    case .text: ReviewText(report: report, options: options).render()
    case .markdown: ReviewMarkdown(report: report, options: options).render()
    case .json: ReviewJSON.render(report, against: options.against)
    case .csv: ReviewCSV.render(report)
    case .html: ReviewHTML(report: report, options: options).render()
    case .docx: preconditionFailure("docx is written by ReviewExporter.binary")
    }
  }

  /// The report as a Word document's bytes (`docx`).
  /// - Throws: ``BinaryExportFailure`` when libzip cannot make the archive (out of memory).
  package static func binary(_ report: ReviewReport, options: ReviewOptions) throws(BinaryExportFailure) -> [UInt8] {
    do {
      return try ReviewDOCX(report: report, options: options).render()
    } catch {
      throw BinaryExportFailure(reason: error.message)
    }
  }
}
