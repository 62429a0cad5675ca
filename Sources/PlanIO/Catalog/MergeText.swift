import PlanLanguage

/// The texts of `merge` (SPEC §14): each conflict named on standard error, and the count line.
package enum MergeText: TextCatalog {
  /// `conflict: goal G101: changed in ours, removed in theirs`.
  package static func conflict(_ subject: String, _ what: LocalizedText) -> LocalizedText {
    LocalizedText(en: "conflict: \(subject): \(what.en)", zh: "冲突：\(subject)：\(what.zh)")
  }

  /// One attribute set differently on the two sides (values as a plan file writes them).
  package static func differs(_ attribute: String, ours: String, theirs: String) -> LocalizedText {
    LocalizedText(
      en: "\(attribute) is \(ours) in ours, \(theirs) in theirs",
      zh: "\(attribute) 在 ours 中为 \(ours)，在 theirs 中为 \(theirs)")
  }

  package static let changedRemoved = LocalizedText(
    en: "changed in ours, removed in theirs", zh: "ours 中修改，theirs 中删除")
  package static let removedChanged = LocalizedText(
    en: "removed in ours, changed in theirs", zh: "ours 中删除，theirs 中修改")
  package static let addedBoth = LocalizedText(
    en: "added differently in ours and theirs", zh: "ours 与 theirs 中新增的内容不同")

  package static func renamedBoth(ours: String, theirs: String) -> LocalizedText {
    LocalizedText(
      en: "renamed to \(ours) in ours, to \(theirs) in theirs", zh: "ours 中改名为 \(ours)，theirs 中改名为 \(theirs)")
  }

  package static let removedInOursReferenced = LocalizedText(
    en: "removed in ours, still referred to in theirs", zh: "ours 中删除，theirs 中仍被引用")
  package static let removedInTheirsReferenced = LocalizedText(
    en: "removed in theirs, still referred to in ours", zh: "theirs 中删除，ours 中仍被引用")
  package static let refersToRemovedInOurs = LocalizedText(
    en: "theirs refers to what ours removed", zh: "theirs 引用了 ours 中删除的条目")
  package static let refersToRemovedInTheirs = LocalizedText(
    en: "ours refers to what theirs removed", zh: "ours 引用了 theirs 中删除的条目")

  /// The last line: how many conflicts the merged text holds.
  package static func summary(conflicts: Int) -> LocalizedText {
    LocalizedText(
      en: "\(conflicts) conflict\(conflicts == 1 ? "" : "s") left between <<<<<<< and >>>>>>> markers",
      zh: "合并留下 \(conflicts) 处冲突，标在 <<<<<<< 与 >>>>>>> 之间")
  }

  package static var entries: [CatalogEntry] {
    [
      CatalogEntry("conflict", conflict("goal G1", changedRemoved)),
      CatalogEntry("differs", differs("target", ours: "800", theirs: "900")),
      CatalogEntry("changedRemoved", changedRemoved),
      CatalogEntry("removedChanged", removedChanged),
      CatalogEntry("addedBoth", addedBoth),
      CatalogEntry("renamedBoth", renamedBoth(ours: "JLU", theirs: "JDX")),
      CatalogEntry("removedInOursReferenced", removedInOursReferenced),
      CatalogEntry("removedInTheirsReferenced", removedInTheirsReferenced),
      CatalogEntry("refersToRemovedInOurs", refersToRemovedInOurs),
      CatalogEntry("refersToRemovedInTheirs", refersToRemovedInTheirs),
      CatalogEntry("summary", summary(conflicts: 2)),
    ]
  }
}
