import PlanLanguage

/// The texts of `diff` (SPEC §8): what happened to an entity, and the count line at the end.
package enum DiffText: TextCatalog {
  package static let added = LocalizedText(en: "added", zh: "新增")
  package static let removed = LocalizedText(en: "removed", zh: "删除")
  package static let changed = LocalizedText(en: "changed", zh: "修改")
  /// A value not set (`none` in a plan file).
  package static let notSet = LocalizedText(en: "none", zh: "无")

  /// `3 differences: 1 added, 1 removed, 1 changed`.
  package static func count(total: Int, added: Int, removed: Int, changed: Int) -> LocalizedText {
    LocalizedText(
      en: "\(total) difference\(total == 1 ? "" : "s"): \(added) added, \(removed) removed, \(changed) changed",
      zh: "共 \(total) 处不同：新增 \(added) 个，删除 \(removed) 个，修改 \(changed) 个")
  }

  package static var entries: [CatalogEntry] {
    [
      CatalogEntry("added", added),
      CatalogEntry("removed", removed),
      CatalogEntry("changed", changed),
      CatalogEntry("notSet", notSet),
      CatalogEntry("count", count(total: 6, added: 1, removed: 2, changed: 3)),
    ]
  }
}
