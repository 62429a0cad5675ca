import PlanLanguage

/// The texts of the interactive shell around its commands: the banner, the hints on leaving,
/// and the journal's notices (recovering unsaved work after a crash).
package enum ShellText: TextCatalog {
  // MARK: The shell

  /// After `cplan VERSION — ` at start.
  package static let banner = LocalizedText(en: "type 'help' for help, 'quit' to leave", zh: "输入 help 查看帮助，quit 退出")
  /// Ctrl-C on an empty line.
  package static let howToLeave = LocalizedText(
    en: "(to leave, type quit or press Ctrl-D)", zh: "（退出请输入 quit 或按 Ctrl-D）")
  /// Ctrl-D refused while the plan has unsaved changes.
  package static let ctrlDAgain = LocalizedText(
    en: "(press Ctrl-D again to leave without saving)", zh: "（再按一次 Ctrl-D 不保存退出）")

  // MARK: The journal

  /// The journal cannot be written; `failure` is the system's reason.
  package static func journalUnwritable(_ failure: String) -> LocalizedText {
    LocalizedText(
      en: "warning: cannot write the journal (\(failure)); unsaved work cannot be recovered after a crash",
      zh: "警告：无法写入日志（\(failure)）；崩溃后将无法恢复未保存的工作")
  }

  /// At start, when an earlier session left unsaved work: its start time, its plan's name,
  /// its count of changes, and how many more sessions left some.
  package static func recoverable(when: String, plan: String?, changes: Int, moreSessions: Int) -> LocalizedText {
    var en =
      "unsaved work from an earlier session (\(when)\(plan.map { ", plan \($0)" } ?? ""), "
      + "\(changes) change\(changes == 1 ? "" : "s")) can be recovered: type recover"
    var zh = "上次会话（\(when)\(plan.map { "，计划 \($0)" } ?? "")）有 \(changes) 处未保存的修改，可以恢复：输入 recover"
    if moreSessions > 0 {
      en += " (\(moreSessions) more earlier session\(moreSessions == 1 ? "" : "s"))"
      zh += "（另有 \(moreSessions) 个会话的记录）"
    }
    return LocalizedText(en: en, zh: zh)
  }

  /// `recover` could not load the journal's base; the journal is kept.
  package static func journalKept(_ path: String) -> LocalizedText {
    LocalizedText(en: "the journal stays in \(path)", zh: "日志仍保留在 \(path)")
  }

  /// After `recover`: how many changes were replayed, and whether some failed.
  package static func recovered(_ changes: Int, allReplayed: Bool) -> LocalizedText {
    LocalizedText(
      en: "recovered \(changes) change\(changes == 1 ? "" : "s")" + (allReplayed ? "" : " (some failed; see above)"),
      zh: "已恢复 \(changes) 处修改" + (allReplayed ? "" : "（部分失败，见上文）"))
  }

  package static var entries: [CatalogEntry] {
    [
      CatalogEntry("banner", banner),
      CatalogEntry("howToLeave", howToLeave),
      CatalogEntry("ctrlDAgain", ctrlDAgain),
      CatalogEntry("journalUnwritable", journalUnwritable("No space left on device")),
      CatalogEntry("recoverable", recoverable(when: "2026-12-07 09:30", plan: "jilin", changes: 3, moreSessions: 2)),
      CatalogEntry("recoverable", recoverable(when: "2026-12-07 09:30", plan: nil, changes: 1, moreSessions: 0)),
      CatalogEntry("journalKept", journalKept("/tmp/s.journal")),
      CatalogEntry("recovered", recovered(4, allReplayed: true)),
      CatalogEntry("recovered", recovered(4, allReplayed: false)),
    ]
  }
}
