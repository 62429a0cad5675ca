/// The words around a diagnostic: its severity and the summary line after validation (SPEC §5).
package enum DiagnosticText: TextCatalog {
  package static let error = LocalizedText(en: "error", zh: "错误")
  package static let warning = LocalizedText(en: "warning", zh: "警告")
  package static let note = LocalizedText(en: "note", zh: "注")

  /// `N errors, M warnings`.
  package static func summary(errors: Int, warnings: Int) -> LocalizedText {
    LocalizedText(
      en: "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")",
      zh: "\(errors) 个错误，\(warnings) 个警告")
  }

  package static var entries: [CatalogEntry] {
    [
      CatalogEntry("error", error),
      CatalogEntry("warning", warning),
      CatalogEntry("note", note),
      CatalogEntry("summary", summary(errors: 1, warnings: 2)),
    ]
  }
}
