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

  /// After `recover`: how many changes were replayed, of which plan, from when, and whether
  /// some failed.
  package static func recovered(_ changes: Int, allReplayed: Bool, plan: String? = nil, when: String? = nil)
    -> LocalizedText
  {
    let source = LocalizedText(
      en: [plan.map { "plan \($0)" }, when.map { "from \($0)" }].compactMap { $0 }.joined(separator: ", "),
      zh: [plan.map { "计划 \($0)" }, when.map { "\($0) 的会话" }].compactMap { $0 }.joined(separator: "，"))
    return LocalizedText(
      en: "recovered \(changes) change\(changes == 1 ? "" : "s")" + (source.en.isEmpty ? "" : " (\(source.en))")
        + (allReplayed ? "" : " (some failed; see above)"),
      zh: "已恢复 \(changes) 处修改" + (source.zh.isEmpty ? "" : "（\(source.zh)）") + (allReplayed ? "" : "（部分失败，见上文）"))
  }

  // MARK: State folders (issue 18 item 9)

  /// A state folder or file owned by another user (`owner`) than the one cplan runs as (`user`).
  package static func stateForeignOwner(_ path: String, owner: UInt32, user: UInt32) -> LocalizedText {
    LocalizedText(
      en:
        "warning: not using '\(path)': it is owned by uid \(owner), not by you (uid \(user)); "
        + "\(stateOff.en). Fix: chown \(user) '\(path)', or set XDG_STATE_HOME to a folder of yours",
      zh:
        "警告：不使用 '\(path)'：它属于 uid \(owner)，不属于你（uid \(user)）；\(stateOff.zh)。"
        + "修复：chown \(user) '\(path)'，或把 XDG_STATE_HOME 设为你自己的文件夹")
  }
  /// A state folder or file others may write to.
  package static func stateWritableByOthers(_ path: String) -> LocalizedText {
    LocalizedText(
      en: "warning: not using '\(path)': other users may write to it; \(stateOff.en). Fix: chmod o-w '\(path)'",
      zh: "警告：不使用 '\(path)'：其他用户可以写入它；\(stateOff.zh)。修复：chmod o-w '\(path)'")
  }
  /// What is off while a state folder is refused.
  static let stateOff = LocalizedText(
    en: "history or the crash journal kept there is off", zh: "保存在那里的历史记录或崩溃日志已停用")
  /// The history path names a folder.
  package static func historyIsFolder(_ path: String) -> LocalizedText {
    LocalizedText(
      en: "warning: the history file '\(path)' is a folder; history is not kept. Fix: set CPLAN_HISTORY to a file",
      zh: "警告：历史记录文件 '\(path)' 是一个文件夹；不保存历史记录。修复：把 CPLAN_HISTORY 设为一个文件")
  }
  /// The history path names a file that does not begin with the history's version line.
  package static func notHistory(_ path: String, header: String) -> LocalizedText {
    LocalizedText(
      en:
        "warning: '\(path)' is not a cplan history file (its first line is not '\(header)'); "
        + "it is left alone and history is not kept. Fix: set CPLAN_HISTORY to another file",
      zh:
        "警告：'\(path)' 不是 cplan 历史记录文件（第一行不是 '\(header)'）；"
        + "不读取也不改动它，不保存历史记录。修复：把 CPLAN_HISTORY 设为另一个文件")
  }

  // MARK: The terminal's encoding (issue 18 item 10)

  /// The shell refuses to start under a locale whose encoding is multibyte but not UTF-8.
  package static func nonUTF8Locale(_ locale: String, codeset: String) -> LocalizedText {
    LocalizedText(
      en:
        "cplan: the locale \(locale) uses the \(codeset) encoding, but the shell reads and writes UTF-8 only: "
        + "typed Chinese would be stored as wrong characters. Set a UTF-8 locale, e.g. export LANG=zh_CN.UTF-8 "
        + "(and LC_ALL, if it is set), set the terminal or SSH client to UTF-8, and start cplan again. "
        + "Scripts (cplan run, cplan < FILE) are not affected.",
      zh:
        "cplan：区域设置 \(locale) 使用 \(codeset) 编码，但交互界面只读写 UTF-8：输入的中文会被存成错误的字符。"
        + "请设置 UTF-8 区域，例如 export LANG=zh_CN.UTF-8（如设置了 LC_ALL 也一并修改），"
        + "并把终端或 SSH 客户端设为 UTF-8，然后重新启动 cplan。脚本（cplan run、cplan < FILE）不受影响。")
  }

  // MARK: Recovery that loses nothing (issue 17 item 14, issue 18 items 3 and 4)

  /// `recover` would replace this session's plan (of file `current`) by another file's work.
  package static func recoverReplaces(current: String?, plan: String?, when: String, changes: Int) -> LocalizedText {
    let what = changes == 1 ? "1 change" : "\(changes) changes"
    let mine = current.map { "plan \($0)" } ?? "this session's plan"
    let theirs = plan.map { "plan \($0)" } ?? "a plan without a file"
    return LocalizedText(
      en:
        "recover replaces \(mine) with the unsaved work on \(theirs) from \(when) (\(what)); repeat 'recover' to confirm",
      zh: "recover 会用 \(when) 的会话对\(plan.map { "计划 \($0)" } ?? "无文件计划")的 \(changes) 处未保存修改替换"
        + "\(current.map { "计划 \($0)" } ?? "本会话的计划")；再输入一次 'recover' 以确认")
  }

  /// The base file of a journal changed since the journal began: the replay goes onto it as it is.
  package static func baseChanged(_ file: String, when: String) -> LocalizedText {
    LocalizedText(
      en:
        "warning: \(file) was changed at \(when), after the journal began; its changes are replayed onto the file as it is now — check the result",
      zh: "警告：\(file) 在日志开始之后被修改过（\(when)）；日志中的修改将重放到它现在的内容上，请检查结果")
  }

  /// Quit, load or new while recovered work is not saved (the plan itself is as saved).
  package static func recoveredNotSaved(_ verb: String, journal: String) -> LocalizedText {
    LocalizedText(
      en: "the work recovered from \(journal) is not saved; repeat '\(verb)' to discard it, or 'save' first",
      zh: "从 \(journal) 恢复的修改尚未保存；再输入一次 '\(verb)' 将丢弃它，或先 'save'")
  }

  /// Neither HOME nor XDG_STATE_HOME, and no home in the password database: no history, no journal.
  package static let noStateFolder = LocalizedText(
    en:
      "warning: no folder for history and the crash journal (set HOME or XDG_STATE_HOME): unsaved work is not journaled",
    zh: "警告：没有存放历史和崩溃日志的文件夹（请设置 HOME 或 XDG_STATE_HOME）：未保存的修改不会记入日志")

  /// The one line after an edit that made a finding (issue 17 item 12): `new warning [R21]: …`.
  package static func newFinding(severity: String, code: String, message: String, more: Int) -> LocalizedText {
    LocalizedText(
      en: "new \(severity) [\(code)]: \(message)" + (more > 0 ? " (+\(more) more; validate lists them)" : ""),
      zh: "新的\(severity) [\(code)]：\(message)" + (more > 0 ? "（另有 \(more) 条；validate 列出全部）" : ""))
  }

  /// Where a line typed at the prompt is located in a message (`<shell>:3:5`, `<交互>:3:5`).
  package static let shellSource = LocalizedText(en: "<shell>", zh: "<交互>")
  /// Where a `-c` command is located in a message (`<command 2>:1:6`, `<命令 2>:1:6`).
  package static func commandSource(_ n: Int) -> LocalizedText { LocalizedText(en: "<command \(n)>", zh: "<命令 \(n)>") }

  package static var entries: [CatalogEntry] {
    [
      CatalogEntry("newFinding", newFinding(severity: "warning", code: "R21", message: "…", more: 2)),
      CatalogEntry("shellSource", shellSource), CatalogEntry("commandSource", commandSource(2)),
      CatalogEntry("nonUTF8Locale", nonUTF8Locale("zh_CN.GBK", codeset: "GBK")),
      CatalogEntry("stateForeignOwner", stateForeignOwner("/s/cplan", owner: 65534, user: 1000)),
      CatalogEntry("stateWritableByOthers", stateWritableByOthers("/s/cplan")),
      CatalogEntry("stateOff", stateOff),
      CatalogEntry("historyIsFolder", historyIsFolder("/s/cplan/history")),
      CatalogEntry("notHistory", notHistory("/s/cplan/history", header: "# cplan history 1")),
      CatalogEntry("banner", banner),
      CatalogEntry("howToLeave", howToLeave),
      CatalogEntry("ctrlDAgain", ctrlDAgain),
      CatalogEntry("journalUnwritable", journalUnwritable("No space left on device")),
      CatalogEntry("recoverable", recoverable(when: "2026-12-07 09:30", plan: "jilin", changes: 3, moreSessions: 2)),
      CatalogEntry("recoverable", recoverable(when: "2026-12-07 09:30", plan: nil, changes: 1, moreSessions: 0)),
      CatalogEntry("journalKept", journalKept("/tmp/s.journal")),
      CatalogEntry("recovered", recovered(4, allReplayed: true)),
      CatalogEntry("recovered", recovered(4, allReplayed: false)),
      CatalogEntry("recovered", recovered(1, allReplayed: true, plan: "jilin", when: "2026-12-07 09:30")),
      CatalogEntry(
        "recoverReplaces", recoverReplaces(current: "jilin", plan: "hebei", when: "2026-12-07 09:30", changes: 3)),
      CatalogEntry("recoverReplaces", recoverReplaces(current: nil, plan: nil, when: "2026-12-07 09:30", changes: 1)),
      CatalogEntry("baseChanged", baseChanged("/home/a/jilin.plan", when: "2026-12-07 21:15:03")),
      CatalogEntry("recoveredNotSaved", recoveredNotSaved("quit", journal: "/tmp/s.journal")),
      CatalogEntry("noStateFolder", noStateFolder),
    ]
  }
}
