import PlanEngine
import PlanLanguage
import PlanModel

/// The export formats of SPEC §9 and §13.
package enum ExportFormat: String, Sendable, CaseIterable {
  case text, markdown, json, csv, html
  /// SPEC §13: files only (``isBinary``).
  case xlsx, docx
  /// SQL that SQLite and PostgreSQL both load (SPEC §13): ``SQLExport``.
  case sql
  /// A SQLite database, written to a file only (SPEC §13): ``SQLiteExport``.
  case sqlite

  /// A zip container (workbook, document) rather than text: written to a file only, never to
  /// standard output or the terminal; made by ``Exporter/binary(_:format:options:)``.
  package var isBinary: Bool { self == .xlsx || self == .docx }

  /// Whether the format is written to a file only, never as text to standard output: the binary
  /// formats and the SQLite database (``SQLiteExport``).
  package var isFileOnly: Bool { isBinary || self == .sqlite }

  /// The text formats, which ``Exporter/export(_:format:options:)`` writes.
  package static let textFormats = allCases.filter { !$0.isFileOnly }
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
  /// The consortium whose roadmap alone is exported (`--consortium K`, SPEC §13); `nil`: the
  /// whole plan. It must be a consortium of the plan.
  package var consortium: String?
  /// Leave the IDs out of the document's text (`--no-ids`, `export docx no-ids`; SPEC §13).
  package var hidesIDs = false
  /// Sample the weights (`--robustness`, SPEC §12): the ranking's acceptabilities and cutoff
  /// sensitivity go into the text, Markdown, HTML and JSON exports; `nil`: not sampled. An export
  /// for one consortium never carries them.
  package var robustness: PlanRanking.RobustnessOptions?

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
  /// - Precondition: `format` is not ``ExportFormat/isFileOnly``.
  package static func export(_ plan: Plan, format: ExportFormat, options: ExportOptions) -> String {
    let k = options.consortium
    switch format {
    case .text:
      return TextExport(roadmap: Roadmap(plan, consortium: k, robustness: options.robustness), options: options)
        .render()
    case .markdown:
      return MarkdownExport(roadmap: Roadmap(plan, consortium: k, robustness: options.robustness), options: options)
        .render()
    case .json:
      return JSONExport(roadmap: Roadmap(plan, consortium: k, robustness: options.robustness), options: options)
        .render()
    case .csv:
      return (options.byteOrderMark ? "\u{FEFF}" : "") + CSVExport.render(k.map { plan.part(ofConsortium: $0) } ?? plan)
    case .html:
      return HTMLExport(roadmap: Roadmap(plan, consortium: k, robustness: options.robustness), options: options)
        .render()
    case .sql: return SQLExport(plan, options: options).render()
    case .xlsx, .docx: preconditionFailure("\(format) is written by Exporter.binary")
    case .sqlite: preconditionFailure("sqlite is written to a file only: SQLiteExport.write")
    }
  }

  /// A binary export (SPEC §13): the workbook or the document, as the file's bytes.
  /// - Throws: ``BinaryExportFailure`` when libzip cannot make the archive (out of memory).
  /// - Precondition: `format` is binary.
  package static func binary(_ plan: Plan, format: ExportFormat, options: ExportOptions) throws(BinaryExportFailure)
    -> [UInt8]
  {
    do {
      switch format {
      case .xlsx:
        return try XLSXExport(
          roadmap: Roadmap(plan, consortium: options.consortium, robustness: options.robustness), options: options
        ).render()
      case .docx:
        return try DOCXExport(
          roadmap: Roadmap(plan, consortium: options.consortium, robustness: options.robustness), options: options
        ).render()
      default: preconditionFailure("\(format) is written by Exporter.export")
      }
    } catch {
      throw BinaryExportFailure(reason: error.message)
    }
  }
}

/// Why a workbook or document could not be made: libzip's message.
package struct BinaryExportFailure: Error {
  package var reason: String
}

extension Exporter {
  /// The size of the pieces a streamed export is handed on in: large enough that a `write(2)`
  /// per piece costs nothing, small enough that memory does not grow with the plan (256 KiB:
  /// the buffer is a quarter of a MB; 1 MiB pieces were no faster).
  package static let chunkSize = 1 << 18

  /// The export, handed to `sink` in pieces as it is made: the JSON export in chunks of about
  /// `chunkSize` bytes (the whole document is never held, so memory stays near the plan's
  /// own), the other formats in one piece. The bytes are those of
  /// ``export(_:format:options:)``. `chunkSize: .max` gives every format in one piece, without
  /// the copy into a `String`. The `sql` export is streamed in pieces too.
  /// - Precondition: `format` is not ``ExportFormat/isFileOnly``.
  package static func write(
    _ plan: Plan, format: ExportFormat, options: ExportOptions, chunkSize: Int = chunkSize,
    to sink: (UnsafeRawBufferPointer) -> Void
  ) {
    precondition(!format.isFileOnly, "\(format) is written to a file only")
    if format == .sql {
      SQLExport(plan, options: options).write(chunkSize: chunkSize) { piece in
        var piece = piece
        piece.withUTF8 { sink(UnsafeRawBufferPointer($0)) }
      }
      return
    }
    guard format == .json else {
      var text = export(plan, format: format, options: options)
      text.withUTF8 { sink(UnsafeRawBufferPointer($0)) }
      return
    }
    let json = JSONExport(
      roadmap: Roadmap(plan, consortium: options.consortium, robustness: options.robustness), options: options)
    if chunkSize == .max {
      var out = JSONOutput(capacity: 200 * plan.entityCount + 4096)
      json.write(to: &out)
      out.withBytes(sink)
      return
    }
    withoutActuallyEscaping(sink) { sink in
      var out = JSONOutput(chunkSize: chunkSize, sink: sink)
      json.write(to: &out)
    }
  }

  /// The roadmap part of the text export (`show roadmap`).
  package static func roadmapSection(_ plan: Plan, options: ExportOptions) -> String {
    let text = TextExport(roadmap: Roadmap(plan, validate: false), options: options)
    return text.render(text.timelineSection() + text.consortiaSection() + text.planWideSection())
      .trimmingLeadingNewlines()
  }

  /// The funding table of the text export (`show funding`).
  package static func fundingSection(_ plan: Plan, options: ExportOptions) -> String {
    let text = TextExport(roadmap: Roadmap(plan, validate: false), options: options)
    return text.render(text.fundingSection()).trimmingLeadingNewlines()
  }
}

extension String {
  /// The text without the blank line a section starts with.
  fileprivate func trimmingLeadingNewlines() -> String { String(drop { $0 == "\n" }) }
}
