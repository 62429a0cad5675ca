/// A message with its code, in both languages: the one catalog of lexical, syntax,
/// command and file messages (`E0xx`, `E1xx`). Rule messages (`Rxx`) live in PlanEngine's catalog.
package struct Message: Sendable, Hashable {
  package var code: String
  package var text: LocalizedText
  package var notes: [LocalizedText]

  package init(_ code: String, en: String, zh: String, notes: [LocalizedText] = []) {
    self.code = code
    self.text = LocalizedText(en: en, zh: zh)
    self.notes = notes
  }

  /// Adds a "did you mean" suffix when a suggestion exists.
  fileprivate func suggesting(_ suggestion: String?) -> Message {
    guard let suggestion else { return self }
    var m = self
    m.text.en += "; did you mean '\(suggestion)'?"
    m.text.zh += "；是不是 '\(suggestion)'？"
    return m
  }
}

// MARK: - Lexical and syntax errors (E0xx)

extension Message {
  package static func invalidUTF8() -> Message {
    Message("E001", en: "invalid UTF-8 byte sequence", zh: "无效的 UTF-8 字节序列")
  }
  package static func unterminatedString() -> Message {
    Message("E002", en: "unterminated string", zh: "字符串没有结束引号")
  }
  package static func unexpectedCharacter(_ c: String) -> Message {
    Message("E003", en: "unexpected character '\(c)'", zh: "意外的字符 '\(c)'")
  }
  package static func fullWidthDigit(_ text: String) -> Message {
    Message(
      "E004", en: "full-width digits are not numbers: '\(text)'", zh: "全角数字不是数字：'\(text)'",
      notes: [
        LocalizedText(
          en: "hint: type ASCII digits 0-9 (switch the input method to half-width)",
          zh: "提示：请输入半角数字 0-9（把输入法切换到半角）")
      ])
  }
  package static func malformedNumber(_ text: String) -> Message {
    let text = clipped(text)
    return Message("E005", en: "malformed number '\(text)'", zh: "数字格式错误：'\(text)'")
  }
  /// A long spelling (a million digits, a word of a million letters) cut to 40 characters and `…`,
  /// so that the message stays readable; the caret still shows the whole token.
  static func clipped(_ text: String) -> String {
    text.utf8.count > 40 && text.count > 40 ? String(text.prefix(40)) + "…" : text
  }
  package static func divisionByZero(_ text: String) -> Message {
    Message("E006", en: "fraction '\(text)' divides by zero", zh: "分数 '\(text)' 的分母为零")
  }
  package static func badMonth(_ text: String) -> Message {
    Message(
      "E007", en: "'\(text)' is not a month (YYYY-MM with MM from 01 to 12)",
      zh: "'\(text)' 不是月份（格式 YYYY-MM，MM 为 01 到 12）")
  }
  package static func unknownEscape(_ c: String) -> Message {
    Message(
      "E008", en: "unknown escape '\\\(c)' in string (use \\\" \\\\ \\n \\t)",
      zh: "字符串中未知的转义 '\\\(c)'（可用 \\\" \\\\ \\n \\t）")
  }
  package static func badList() -> Message {
    Message(
      "E009", en: "expected an ID after ',' (lists are IDs separated by commas without spaces)",
      zh: "',' 后应为 ID（列表是用逗号分隔、不带空格的 ID）")
  }
  package static func unknownCommand(_ word: String, suggestion: String?) -> Message {
    let word = clipped(word)
    return Message("E010", en: "unknown command '\(word)'", zh: "未知命令 '\(word)'").suggesting(suggestion)
  }
  package static func expected(_ what: LocalizedText, found: String) -> Message {
    Message("E011", en: "expected \(what.en), found \(found)", zh: "此处应为\(what.zh)，实际是 \(found)")
  }
  package static func unexpectedArgument(_ found: String) -> Message {
    Message("E012", en: "unexpected \(found)", zh: "多余的 \(found)")
  }
  package static func missing(_ what: LocalizedText) -> Message {
    Message("E013", en: "missing \(what.en)", zh: "缺少\(what.zh)")
  }
  package static func continuationAtEnd() -> Message {
    Message("E014", en: "line continuation '\\' at end of input", zh: "输入在续行符 '\\' 处结束")
  }
  package static func numberOutOfRange(_ text: String) -> Message {
    let text = clipped(text)
    return Message("E015", en: "number '\(text)' is out of range", zh: "数字 '\(text)' 超出范围")
  }
  package static func badPeriod(_ text: String, reason: LocalizedText) -> Message {
    Message("E016", en: "invalid period '\(text)': \(reason.en)", zh: "无效的期间 '\(text)'：\(reason.zh)")
  }
  package static func unresolvedConflict(_ marker: String) -> Message {
    Message(
      "E017", en: "unresolved merge conflict ('\(marker)' marker)", zh: "未解决的合并冲突（'\(marker)' 标记）",
      notes: [
        LocalizedText(
          en: "hint: keep one of the two versions between '<<<<<<<' and '>>>>>>>' and delete the marker lines",
          zh: "提示：保留 '<<<<<<<' 与 '>>>>>>>' 之间两个版本中的一个，并删除标记行")
      ])
  }
}

// MARK: - Commands and references (E1xx)

extension Message {
  package static func unknownKind(_ word: String, suggestion: String?) -> Message {
    let word = clipped(word)
    return Message("E100", en: "unknown kind '\(word)'", zh: "未知类别 '\(word)'").suggesting(suggestion)
  }
  package static func unknownAttribute(_ word: String, kind: String, suggestion: String?) -> Message {
    let word = clipped(word)
    return Message("E101", en: "unknown attribute '\(word)' for \(kind)", zh: "\(KindTerms.zh(kind)) 没有属性 '\(word)'")
      .suggesting(suggestion)
  }
  /// - Parameter terms: the keywords with their Chinese terms (`grant（项目资助）`), for the Chinese
  ///   message; `allowed` when nil.
  package static func badEnumValue(
    _ word: String, attribute: String, allowed: [String], terms: [String]? = nil, suggestion: String?
  ) -> Message {
    let list = allowed.joined(separator: "|")
    let zhList = (terms ?? allowed).joined(separator: "|")
    let word = clipped(word)
    return Message(
      "E102", en: "invalid value '\(word)' for \(attribute) (one of \(list))",
      zh: "\(attribute) 的值 '\(word)' 无效（可选 \(zhList)）"
    ).suggesting(suggestion)
  }
  package static func unknownReference(kind: String, id: String, suggestion: String?) -> Message {
    let id = clipped(id)
    return Message("E103", en: "unknown \(kind) '\(id)'", zh: "未知的\(KindTerms.zh(kind)) '\(id)'").suggesting(suggestion)
  }
  package static func duplicate(kind: String, key: String) -> Message {
    Message("E104", en: "\(kind) '\(key)' already exists", zh: "\(KindTerms.zh(kind)) '\(key)' 已存在")
  }
  package static func notFound(kind: String, key: String, suggestion: String?) -> Message {
    Message("E105", en: "\(kind) '\(key)' does not exist", zh: "\(KindTerms.zh(kind)) '\(key)' 不存在").suggesting(
      suggestion)
  }
  package static func referenced(kind: String, key: String, by: [String], more: Int) -> Message {
    let list = by.joined(separator: ", ") + (more > 0 ? " (+\(more))" : "")
    return Message(
      "E106", en: "cannot remove \(kind) '\(key)': referenced by \(list)",
      zh: "不能删除\(KindTerms.zh(kind)) '\(key)'：被 \(list) 引用",
      notes: [
        LocalizedText(
          en: "hint: add 'cascade' to remove what refers to it as well",
          zh: "提示：加上 'cascade' 可同时删除引用它的条目")
      ])
  }
  package static func wrongType(attribute: String, expected: LocalizedText, found: String) -> Message {
    Message(
      "E107", en: "\(attribute) expects \(expected.en), found \(found)",
      zh: "\(attribute) 应为\(expected.zh)，实际是 \(found)")
  }
  /// A percent typed where the attribute is not a PERCENT (SPEC §15, §2): `baseline 85%`.
  /// - Parameters:
  ///   - typed: the token as typed (`85%`); `plain`: the number without its sign (`85`).
  package static func percentNotExpected(attribute: String, expected: LocalizedText, typed: String, plain: String)
    -> Message
  {
    Message(
      "E107", en: "\(attribute) expects \(expected.en), not a percent: type \(attribute) \(plain), not \(typed)",
      zh: "\(attribute) 应为\(expected.zh)，不是百分数：请输入 \(attribute) \(plain)，而不是 \(typed)",
      notes: [
        LocalizedText(
          en: "hint: a unit such as % belongs in the goal's unit (unit \"%\"), not in its values",
          zh: "提示：% 这样的单位写在目标的 unit 中（unit \"%\"），不写在数值里")
      ])
  }
  package static func outOfRange(attribute: String, value: String, requirement: LocalizedText) -> Message {
    Message(
      "E108", en: "\(attribute) \(value) is out of range: \(requirement.en)",
      zh: "\(attribute) 的值 \(value) 超出范围：\(requirement.zh)")
  }
  package static func missingAttribute(_ attribute: String, kind: String) -> Message {
    Message("E109", en: "\(kind) needs the attribute '\(attribute)'", zh: "\(KindTerms.zh(kind)) 必须有属性 '\(attribute)'")
  }
  package static func actionInPlanFile(_ verb: String) -> Message {
    Message(
      "E110", en: "a plan file holds only add/set/remove/rename statements; '\(verb)' is an action and is refused",
      zh: "计划文件只能包含 add/set/remove/rename 语句；'\(verb)' 是操作，已拒绝")
  }
  package static func runCycle(_ chain: [String]) -> Message {
    let path = chain.joined(separator: " → ")
    return Message("E111", en: "run cycle: \(path)", zh: "run 形成循环：\(path)")
  }
  package static func cannotRead(_ path: String, reason: String) -> Message {
    Message("E112", en: "cannot read '\(path)': \(reason)", zh: "无法读取 '\(path)'：\(reason)")
  }
  package static func newerVersion(_ path: String, found: Int, supported: Int) -> Message {
    Message(
      "E113", en: "'\(path)' is plan format \(found); this cplan reads format \(supported) and older — upgrade cplan",
      zh: "'\(path)' 是第 \(found) 版计划格式；本 cplan 只能读取第 \(supported) 版及更早版本，请升级 cplan")
  }
  package static func refuseOverwrite(_ path: String) -> Message {
    Message(
      "E114", en: "'\(path)' exists and is not this plan's file; add 'force' to overwrite it",
      zh: "'\(path)' 已存在且不是本计划的文件；加上 'force' 才会覆盖")
  }
  // MARK: Save conflicts (SPEC §14, issue 18 item 1)

  /// `save` found the plan's file changed on disk (its content) since this session loaded or
  /// saved it; `when` is the file's modification time.
  package static func changedOnDisk(_ path: String, when: String) -> Message {
    Message(
      "E114",
      en:
        "'\(path)' was changed on disk at \(when), after this session loaded or saved it; 'save merge' merges those changes with this session's, 'save force' overwrites them",
      zh: "'\(path)' 在本会话载入或保存之后被修改过（\(when)）；'save merge' 把那些修改与本会话的合并，'save force' 会覆盖它们")
  }
  /// `save merge` met conflicts (each reported above): nothing saved, the disk's file the new base.
  package static func saveConflicts(_ path: String, count: Int) -> Message {
    Message(
      "E114",
      en:
        "\(count) conflict\(count == 1 ? "" : "s") between this session and '\(path)' on disk; what merged cleanly is applied, this session's values are kept where they conflict, and nothing was saved: 'save' now writes this version",
      zh: "本会话与磁盘上的 '\(path)' 有 \(count) 处冲突；能合并的已合并，冲突处保留本会话的值，尚未保存：现在 'save' 会写入这个版本",
      notes: [LocalizedText(en: "ours is this session, theirs the file on disk", zh: "ours 是本会话，theirs 是磁盘上的文件")])
  }
  /// `fmt` found the file changed (by a save) between reading it and replacing it.
  package static func changedWhileFormatting(_ path: String, when: String) -> Message {
    Message(
      "E114", en: "'\(path)' was changed on disk at \(when) while fmt ran; nothing was written: run fmt again",
      zh: "fmt 运行期间 '\(path)' 被修改过（\(when)）；未写入：请再运行一次 fmt")
  }
  package static func refuseOverwriteExport(_ path: String, option: String) -> Message {
    Message("E114", en: "'\(path)' exists; add '\(option)' to overwrite it", zh: "'\(path)' 已存在；加上 '\(option)' 才会覆盖")
  }
  package static func unsavedChanges(_ verb: String) -> Message {
    Message(
      "E115", en: "the plan has unsaved changes; repeat '\(verb)' to confirm, or 'save' first",
      zh: "计划有未保存的修改；再输入一次 '\(verb)' 以确认，或先 'save'")
  }
  package static func nothingTo(_ verb: String) -> Message {
    Message("E116", en: "nothing to \(verb)", zh: verb == "undo" ? "没有可撤销的操作" : "没有可重做的操作")
  }
  package static func repeatedAttribute(_ attribute: String) -> Message {
    Message("E117", en: "attribute '\(attribute)' is given twice", zh: "属性 '\(attribute)' 重复出现")
  }
  package static func cannotWrite(_ path: String, reason: String) -> Message {
    Message("E118", en: "cannot write '\(path)': \(reason)", zh: "无法写入 '\(path)'：\(reason)")
  }
  package static func validationFailed(errors: Int) -> Message {
    Message("E119", en: "validation found \(errors) error\(errors == 1 ? "" : "s")", zh: "校验发现 \(errors) 个错误")
  }
  package static func noFile() -> Message {
    Message("E120", en: "the plan has no file yet; give a path: save PATH", zh: "计划还没有文件；请指定路径：save PATH")
  }
  package static func notAPlanFile(_ path: String) -> Message {
    Message(
      "E121", en: "'\(path)' is not a cplan plan file (first line must be '# cplan plan 1')",
      zh: "'\(path)' 不是 cplan 计划文件（第一行应为 '# cplan plan 1'）")
  }
  package static func unknownTopic(_ word: String, suggestion: String?) -> Message {
    Message("E122", en: "no help on '\(clipped(word))'", zh: "没有关于 '\(clipped(word))' 的帮助").suggesting(suggestion)
  }
  package static func cannotRename(kind: String) -> Message {
    Message("E123", en: "\(kind) has no ID of its own and cannot be renamed", zh: "\(KindTerms.zh(kind)) 没有独立 ID，不能改名")
  }
  package static func commandFailed(_ what: LocalizedText) -> Message {
    Message("E124", en: what.en, zh: what.zh)
  }
  /// A command stopped by Ctrl-C in the shell (issue 18 item 12): the plan is as it was.
  package static func interrupted() -> Message {
    Message("E124", en: "interrupted (Ctrl-C): nothing was changed", zh: "已中断（Ctrl-C）：未做任何修改")
  }
  package static func nothingToRecover() -> Message {
    Message("E125", en: "there is no unsaved work to recover", zh: "没有可恢复的未保存工作")
  }
  /// A plan file in GB18030 (GBK) rather than UTF-8 (issue 18 item 11): `meant` is the line where
  /// it shows, read as GB18030; `conversion` the command that converts the file.
  package static func likelyGB18030(_ path: String, meant: String, conversion: String) -> Message {
    let sample = meant.count > 40 ? String(meant.prefix(40)) + "…" : meant
    return Message(
      "E127",
      en:
        "'\(path)' is not UTF-8: it looks like Chinese saved as GB18030 (GBK), where this line reads \"\(sample)\"; nothing is loaded. Convert it: \(conversion) '\(path)' > NEW.plan",
      zh:
        "'\(path)' 不是 UTF-8 编码：它像是以 GB18030（GBK）保存的中文，此行应为“\(sample)”；未载入任何内容。请转换：\(conversion) '\(path)' > NEW.plan"
    )
  }
  /// A journal line whose command is not a change (SPEC §15, issue 18 item 8): a journal is data,
  /// like a plan file, and `recover` replays only add/set/remove/rename, undo and redo.
  package static func actionInJournal(_ verb: String) -> Message {
    Message(
      "E126",
      en:
        "a journal holds only add/set/remove/rename changes and undo/redo; '\(verb)' is an action and is refused: nothing of this journal is replayed",
      zh: "日志只能包含 add/set/remove/rename 修改和 undo/redo；'\(verb)' 是操作，已拒绝：此日志的内容一概不重放")
  }
  /// `none` as a new entity's ID (issue 18 item 13): `none` is the keyword that clears a value,
  /// so a reference to such an entity could not be written.
  package static func noneIsNoID(kind: String) -> Message {
    Message(
      "E128", en: "'none' cannot be the ID of a \(kind): it is the keyword for no value; choose another ID",
      zh: "'none' 不能用作 \(kind) 的 ID：它是表示“无值”的关键字；请换一个 ID")
  }
  /// A workbook or document asked for without a file (SPEC §13: `xlsx` and `docx` are file only).
  package static func exportNeedsFile(_ format: String, option: String) -> Message {
    Message(
      "E130", en: "'\(format)' is written to a file only; add '\(option)'",
      zh: "'\(format)' 只能写入文件；请加上 '\(option)'")
  }

  // MARK: Database exports (SPEC §13)

  /// `--append` to a file that is not a cplan database: E129, its own code (E121 is a file that
  /// is not a plan file), so that a script can tell the two apart.
  package static func notACplanDatabase(_ path: String, reason: String?) -> Message {
    Message(
      "E129", en: "'\(path)' is not a cplan database" + (reason.map { " (\($0))" } ?? "") + "; nothing was added",
      zh: "'\(path)' 不是 cplan 数据库" + (reason.map { "（\($0)）" } ?? "") + "；未写入任何内容")
  }
  /// `--append` to a cplan database of a newer layout: E113, as a newer plan file.
  package static func newerDatabase(_ path: String, found: Int, supported: Int) -> Message {
    Message(
      "E113", en: "'\(path)' is cplan database layout \(found); this cplan writes layout \(supported) — upgrade cplan",
      zh: "'\(path)' 是第 \(found) 版 cplan 数据库结构；本 cplan 只能写入第 \(supported) 版，请升级 cplan")
  }
}
