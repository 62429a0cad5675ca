import PlanEngine
import PlanLanguage
import PlanModel

/// The export formats of SPEC §9.
package enum ExportFormat: String, Sendable, CaseIterable {
  case text, markdown, json, csv, html
}

/// Options for an export.
package struct ExportOptions: Sendable {
  package var language: MessageLanguage = .en
  /// Width for text tables in display columns (`--width`); `nil`: 100.
  package var width: Int?
  /// ASCII fallback for the text timeline (`--ascii`).
  package var ascii = false
  /// The plan file's name, for diagnostics in the JSON export.
  package var file: String?
  /// Start the CSV with a UTF-8 byte-order mark (`--bom`), so that Excel on Chinese Windows reads
  /// it as UTF-8 instead of GBK.
  package var byteOrderMark = false

  package init(language: MessageLanguage = .en, width: Int? = nil, ascii: Bool = false, file: String? = nil) {
    self.language = language
    self.width = width
    self.ascii = ascii
    self.file = file
  }
}

/// Writes the roadmap in the formats of SPEC §9.
package enum Exporter {
  /// The export as text (UTF-8, ending in a newline).
  package static func export(_ plan: Plan, format: ExportFormat, options: ExportOptions) -> String {
    switch format {
    case .text: return TextExport(roadmap: Roadmap(plan), options: options).render()
    case .markdown: return MarkdownExport(roadmap: Roadmap(plan), options: options).render()
    case .json: return JSONExport(roadmap: Roadmap(plan), options: options).render()
    case .csv: return (options.byteOrderMark ? "\u{FEFF}" : "") + CSVExport.render(plan)
    case .html: return HTMLExport(roadmap: Roadmap(plan), options: options).render()
    }
  }
}

extension Exporter {
  /// The roadmap part of the text export (`show roadmap`).
  package static func roadmapSection(_ plan: Plan, options: ExportOptions) -> String {
    let text = TextExport(roadmap: Roadmap(plan), options: options)
    return text.render(text.timelineSection() + text.consortiaSection() + text.planWideSection())
      .trimmingLeadingNewlines()
  }

  /// The funding table of the text export (`show funding`).
  package static func fundingSection(_ plan: Plan, options: ExportOptions) -> String {
    let text = TextExport(roadmap: Roadmap(plan), options: options)
    return text.render(text.fundingSection()).trimmingLeadingNewlines()
  }
}

extension String {
  /// The text without the blank line a section starts with.
  fileprivate func trimmingLeadingNewlines() -> String { String(drop { $0 == "\n" }) }
}
