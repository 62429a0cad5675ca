import PlanLanguage
import PlanModel

/// What the text, Markdown and HTML exports share: the computed roadmap, the options, and the
/// tables and labels in the export's language.
protocol RoadmapExporter {
  var roadmap: Roadmap { get }
  var options: ExportOptions { get }
  /// The whole export.
  func render() -> String
}

extension RoadmapExporter {
  var plan: Plan { roadmap.plan }
  var language: MessageLanguage { options.language }
  var shared: ExportTables { ExportTables(roadmap: roadmap, language: options.language, ascii: options.ascii) }

  /// A label in the export's language.
  func t(_ text: LocalizedText) -> String { text.text(options.language) }
}
