import PlanEngine
import PlanLanguage
import PlanModel

/// The text of `help [TOPIC]` (SPEC §5): commands, kinds with their attributes (type, default),
/// the plan settings and the rules, each with an example, in the session's language.
package enum Help {
  struct Entry {
    var syntax: String
    var en: String
    var zh: String
    var examples: [String]
  }

  static let commands: [(Verb, Entry)] = [
    (
      .add,
      Entry(
        syntax: "add KIND KEY... [NAME] [ATTR VALUE]...", en: "create an entity; error if the key exists",
        zh: "新建条目；键已存在则报错",
        examples: [
          "add field F1 \"新能源汽车\"", "add member K1 faw role lead chain downstream",
          "add funding K1 P1 enterprise 8000",
        ])
    ),
    (
      .set,
      Entry(
        syntax: "set KIND KEY... ATTR VALUE...  |  set plan ATTR VALUE...",
        en: "change attributes (`none` clears an optional one)", zh: "修改属性（`none` 清除可选属性）",
        examples: ["set plan title \"吉林省创新联合体规划\" horizon 2025..2030", "set goal G2 consortium none"])
    ),
    (
      .remove,
      Entry(
        syntax: "remove KIND KEY... [cascade]",
        en: "delete; error if referenced; cascade also removes what refers to it",
        zh: "删除；被引用时报错；cascade 同时删除引用它的条目", examples: ["remove field F5 cascade"])
    ),
    (
      .rename,
      Entry(
        syntax: "rename KIND OLD NEW", en: "change an ID and every reference to it",
        zh: "修改 ID 及所有对它的引用", examples: ["rename org jlu JLU"])
    ),
    (
      .validate,
      Entry(
        syntax: "validate [strict]", en: "run every rule (R01–R33); strict turns warnings into errors",
        zh: "运行全部校验规则（R01–R33）；strict 把警告视为错误", examples: ["validate", "validate strict"])
    ),
    (
      .rank,
      Entry(
        syntax: "rank [method weighted|topsis] [sensitivity]", en: "the priority ranking of the fields",
        zh: "候选领域的优先级排序", examples: ["rank", "rank method topsis sensitivity"])
    ),
    (
      .show,
      Entry(
        syntax: "show plan | show KIND KEY... | show roadmap | show funding", en: "one thing, in full",
        zh: "完整显示一项内容", examples: ["show consortium K1", "show score F1 C2", "show roadmap"])
    ),
    (
      .list,
      Entry(
        syntax: "list KIND | list member|goal|measure|funding CONSORTIUM",
        en: "one line per item; with a consortium, only its members, goals, measures or funding lines",
        zh: "每项一行列出；指定联合体时只列出其成员、目标、措施或资金",
        examples: ["list field", "list member K1"])
    ),
    (
      .export,
      Entry(
        syntax: "export text|markdown|json|csv|html [to PATH] [force] (csv: [bom])",
        en: "write the roadmap; refuses to overwrite a file without force", zh: "导出路线图；不加 force 不覆盖已有文件",
        examples: ["export text", "export markdown to roadmap.md force"])
    ),
    (
      .save,
      Entry(
        syntax: "save [PATH] [force]", en: "write the plan file (atomically)", zh: "保存计划文件（原子写入）",
        examples: ["save", "save plans/jilin.plan"])
    ),
    (
      .load,
      Entry(
        syntax: "load PATH", en: "replace the plan with a plan file (asks once if there are unsaved changes)",
        zh: "载入计划文件替换当前计划（有未保存的修改时先提醒一次）", examples: ["load plans/jilin-2025-2030.plan"])
    ),
    (
      .new,
      Entry(
        syntax: "new", en: "start an empty plan (asks once if there are unsaved changes)",
        zh: "新建空计划（有未保存的修改时先提醒一次）", examples: ["new"])
    ),
    (
      .run,
      Entry(
        syntax: "run PATH",
        en: "execute a script file (a `run` inside it is relative to its folder; other paths to the current directory)",
        zh: "执行脚本文件（其中 run 的相对路径以脚本所在目录为准，其他路径以当前目录为准）", examples: ["run scripts/build.cplan"])
    ),
    (
      .undo,
      Entry(
        syntax: "undo", en: "step back over the last change (a whole run or load is one step)",
        zh: "撤销上一次修改（整个 run 或 load 算一步）", examples: ["undo"])
    ),
    (.redo, Entry(syntax: "redo", en: "step forward again", zh: "重做", examples: ["redo"])),
    (
      .help,
      Entry(
        syntax: "help [TOPIC]", en: "commands, kinds, attributes and rules (help measure, help R27)",
        zh: "命令、类别、属性和规则的帮助（help measure、help R27）", examples: ["help measure", "help R27"])
    ),
    (
      .quit,
      Entry(
        syntax: "quit | exit", en: "leave (asks once if there are unsaved changes; Ctrl-D too)",
        zh: "退出（有未保存的修改时先提醒一次；Ctrl-D 相同）", examples: ["quit"])
    ),
    (.exit, Entry(syntax: "exit", en: "same as quit", zh: "同 quit", examples: ["exit"])),
    (
      .recover,
      Entry(
        syntax: "recover", en: "replay the journal of a session that ended without saving",
        zh: "重放未保存就结束的会话的日志", examples: ["recover"])
    ),
  ]

  /// `R01…R33`: the first and last rule codes.
  static var ruleRange: String {
    "\(RuleCatalog.rules.first?.code ?? "")…\(RuleCatalog.rules.last?.code ?? "")"
  }

  /// Every help topic (for completion and suggestions).
  package static var topics: [String] {
    Verb.allCases.map(\.rawValue) + ["plan"] + Kind.allCases.map(\.rawValue) + RuleCatalog.rules.map(\.code) + ["rules"]
  }

  /// The help text for `topic` (nil: the overview), or `nil` when there is no such topic.
  package static func text(_ topic: String?, language: MessageLanguage) -> String? {
    let zh = language == .zh
    guard let topic else { return overview(zh) }
    let lower = topic.lowercased()
    if let (verb, entry) = commands.first(where: { $0.0.rawValue == lower }) { return command(verb, entry, zh) }
    if lower == "plan" {
      return "set plan ATTR VALUE...\n  " + (zh ? "计划的设置" : "the plan's settings") + "\n\n"
        + attributeTable(Schema.plan, named: false, zh)
        + examples(
          [
            "set plan title \"吉林省创新联合体规划\" region \"吉林省\" horizon 2025..2030",
            "set plan weighting ahp cutoff 3",
          ], zh)
    }
    if let kind = Kind(rawValue: lower) { return kindHelp(kind, zh) }
    if lower == "rules" {
      // Each rule, and under its summary the plan settings that are its thresholds (SPEC §15).
      let severityWidth = zh ? 10 : 16
      let indent = String(repeating: " ", count: 3 + 2 + severityWidth + 2)
      var out = ""
      for rule in RuleCatalog.rules {
        out +=
          "\(rule.code)  \(DisplayWidth.pad(severity(rule, zh), to: severityWidth))  \(rule.summary.text(language))\n"
        if let thresholds = thresholds(rule, zh) { out += indent + thresholds + "\n" }
      }
      return out + (zh ? "\nhelp R27 查看某条规则。\n" : "\nhelp R27 shows one rule.\n")
    }
    if let rule = RuleCatalog.rule(lower) {
      return "\(rule.code)" + (zh ? "（\(severity(rule, zh))）" : " (\(severity(rule, zh)))")
        + "\n  \(rule.summary.text(language))\n"
        + (thresholds(rule, zh).map { "  \($0)\n" } ?? "") + "\n"
        + examples(rule.examples.isEmpty ? ["validate"] : rule.examples, zh)
        + (zh
          ? "\nvalidate 检查全部规则；validate strict 把警告视为错误。\n"
          : "\nvalidate checks every rule; validate strict makes warnings errors.\n")
    }
    return nil
  }

  static func severity(_ rule: RuleSpec, _ zh: Bool) -> String {
    // R27 warns above gov-share-warn and is an error above gov-share-max (SPEC §7).
    rule.severityText?.text(zh ? .zh : .en) ?? rule.severity.label(zh ? .zh : .en)
  }

  /// `thresholds: members-min 5, members-max 30 (set plan …)`: the plan settings that are the
  /// rule's thresholds, with their defaults; `nil` for a rule without.
  static func thresholds(_ rule: RuleSpec, _ zh: Bool) -> String? {
    let settings = rule.thresholds
    guard !settings.isEmpty else { return nil }
    let list = settings.map { setting in
      "\(setting.name) \(setting.defaultValue.map { $0.display(as: setting.type) } ?? "")"
    }
    return zh
      ? "阈值（set plan 可改）：" + list.joined(separator: "、")
      : "thresholds (set plan changes them): " + list.joined(separator: ", ")
  }

  static func heading(_ en: String, _ zh: String, _ isZh: Bool) -> String { isZh ? zh + "：" : en + ":" }

  static func examples(_ lines: [String], _ zh: Bool) -> String {
    heading(lines.count == 1 ? "Example" : "Examples", "示例", zh) + "\n" + lines.map { "  \($0)\n" }.joined()
  }

  /// `help VERB`: syntax, what it does, for the entity verbs the syntax for each kind, examples.
  static func command(_ verb: Verb, _ entry: Entry, _ zh: Bool) -> String {
    var out = "\(entry.syntax)\n  \(zh ? entry.zh : entry.en)\n"
    let kinds: [Kind]
    switch verb {
    case .add, .set, .remove, .show: kinds = Kind.allCases
    case .rename: kinds = Kind.allCases.filter { $0.spec.hasOwnID }
    case .list: kinds = Kind.allCases
    default: kinds = []
    }
    if !kinds.isEmpty {
      out += "\n" + heading("By kind", "各类别", zh) + "\n"
      if verb == .set { out += "  set plan ATTR VALUE...\n" }
      for kind in kinds { out += "  " + syntax(verb, kind) + "\n" }
      if verb == .list { out += "  list member CONSORTIUM\n" }
      out += zh ? "（help KIND 查看各类别的属性）\n" : "(help KIND shows a kind's attributes)\n"
    }
    return out + "\n" + examples(entry.examples, zh)
  }

  /// The syntax of `verb` for `kind`: `add score FIELD CRITERION VALUE [ATTR VALUE]...`.
  static func syntax(_ verb: Verb, _ kind: Kind) -> String {
    let spec = kind.spec
    let keys = spec.keyNames.joined(separator: " ")
    switch verb {
    case .add:
      var s = "add \(kind.rawValue) \(keys)"
      if spec.hasName { s += " [NAME]" }
      if let p = spec.positional { s += " " + spec.attributes[p].name.uppercased() }
      let rest = spec.attributes.indices.filter { $0 != spec.positional }
      return rest.isEmpty ? s : s + " [ATTR VALUE]..."
    case .set: return "set \(kind.rawValue) \(keys) ATTR VALUE..."
    case .remove: return "remove \(kind.rawValue) \(keys) [cascade]"
    case .rename: return "rename \(kind.rawValue) OLD NEW"
    case .show: return "show \(kind.rawValue) \(keys)"
    case .list: return "list \(kind.rawValue)"
    default: return verb.rawValue
    }
  }

  /// `help KIND`: what it is, its syntax, its keys, its attributes (type, default), an example.
  static func kindHelp(_ kind: Kind, _ zh: Bool) -> String {
    let spec = kind.spec
    var out = "\(kind.rawValue) — \(zh ? kind.chineseName : spec.help.en)\n\n"
    for verb in [Verb.add, .set, .remove] + (spec.hasOwnID ? [.rename] : []) {
      out += "  " + syntax(verb, kind) + "\n"
    }
    out += "\n" + heading("Keys", "键", zh) + "\n"
    var rows: [[String]] = []
    for (part, name) in zip(spec.keys, spec.keyNames) {
      switch part {
      case .id:
        rows.append([name, zh ? "ID：字母或汉字开头的词，如 F1、新能源车" : "the ID: a word such as F1 or 新能源车"])
      case .ref(let k): rows.append([name, AttributeType.ref(k).describe.text(zh ? .zh : .en)])
      case .choice(let c): rows.append([name, c.joined(separator: "|")])
      }
    }
    let width = rows.map { DisplayWidth.width($0[0]) }.max() ?? 0
    for row in rows { out += "  " + DisplayWidth.pad(row[0], to: width) + "  " + row[1] + "\n" }
    if let p = spec.positional {
      let a = spec.attributes[p]
      out += zh ? "  （键后的数字即 \(a.name)）\n" : "  (a number after the keys is the \(a.name))\n"
    }
    out += "\n" + attributeTable(spec.attributes, named: spec.hasName, zh)
    out += chineseTermsNote(spec, zh)
    return out + examples([spec.example], zh)
  }

  /// A line saying that the kind's keyword values may be typed as their Chinese terms, with an
  /// example from its first such attribute (项目资助 for grant); empty for a kind without one.
  static func chineseTermsNote(_ spec: KindSpec, _ zh: Bool) -> String {
    var named: [(name: String, values: [String])] = []
    for (part, name) in zip(spec.keys, spec.keyNames) { if case .choice(let c) = part { named.append((name, c)) } }
    for a in spec.attributes { if case .choice(let c) = a.type { named.append((a.name, c)) } }
    let withTerms = named.filter { $0.values.contains { Schema.chineseLabels[$0] != nil } }
    guard let keyword = withTerms.first?.values.first(where: { Schema.chineseLabels[$0] != nil }),
      let term = Schema.chineseLabels[keyword]
    else { return "" }
    let names = withTerms.map(\.name)
    return zh
      ? "  \(names.joined(separator: "、")) 的取值也可以输入导出中使用的中文名称（如 \(term) 即 \(keyword)）。\n\n"
      : "  Values of \(names.joined(separator: ", ")) may also be typed as the Chinese terms the exports print (\(term) for \(keyword)).\n\n"
  }

  /// The attributes as a table: name, type (long lists of values wrap at `|`), default or
  /// `required`, meaning. Aligned by display width.
  static func attributeTable(_ attributes: [AttributeSpec], named: Bool, _ zh: Bool) -> String {
    let language: MessageLanguage = zh ? .zh : .en
    var rows: [(name: String, type: [String], note: String, help: String)] = []
    if named { rows.append(("name", [zh ? "字符串" : "a string"], "", zh ? "名称" : "the name")) }
    for a in attributes {
      var note = ""
      if a.required {
        note = zh ? "必填" : "required"
      } else if let v = a.defaultValue {
        note = "[\(v.display(as: a.type))]"
      }
      rows.append((a.name, wrap(a.type.describe.text(language), width: 36), note, a.help.text(language)))
    }
    let w0 = rows.map { DisplayWidth.width($0.name) }.max() ?? 0
    let w1 = rows.flatMap { $0.type.map { DisplayWidth.width($0) } }.max() ?? 0
    let w2 = rows.map { DisplayWidth.width($0.note) }.max() ?? 0
    var out = heading("Attributes", "属性", zh) + "\n"
    for row in rows {
      for (i, type) in row.type.enumerated() {
        let cells = i == 0 ? [row.name, type, row.note, row.help] : ["", type, "", ""]
        let line =
          "  " + DisplayWidth.pad(cells[0], to: w0) + "  " + DisplayWidth.pad(cells[1], to: w1) + "  "
          + DisplayWidth.pad(cells[2], to: w2) + "  " + cells[3]
        out += line.trimmingTrailingSpaces() + "\n"
      }
    }
    return out + "\n"
  }

  /// Splits a long `a|b|c` list into lines of at most `width` columns, each ending in `|`.
  static func wrap(_ text: String, width: Int) -> [String] {
    guard DisplayWidth.width(text) > width, text.contains("|") else { return [text] }
    var lines: [String] = []
    var line = ""
    for (i, part) in text.split(separator: "|").enumerated() {
      let piece = (i == 0 ? "" : "|") + part
      if !line.isEmpty, DisplayWidth.width(line + piece) > width {
        lines.append(line + "|")
        line = String(part)
      } else {
        line += piece
      }
    }
    return lines + [line]
  }

  static func overview(_ zh: Bool) -> String {
    var out = heading("Commands", "命令", zh) + "\n"
    let shown = commands.filter { $0.0 != .exit }
    let width = shown.map { DisplayWidth.width($0.1.syntax) }.max() ?? 0
    for (_, entry) in shown {
      out += "  " + DisplayWidth.pad(entry.syntax, to: width) + "  " + (zh ? entry.zh : entry.en) + "\n"
    }
    out += "\n" + heading("Kinds", "类别", zh) + " " + Kind.allCases.map(\.rawValue).joined(separator: ", ") + "\n"
    out +=
      zh
      ? "help 命令、help KIND、help plan、help rules、help R27 查看详情；Tab 补全，Ctrl-R 搜索历史。\n"
      : "See help COMMAND, help KIND, help plan, help rules, help R27. Tab completes; Ctrl-R searches history.\n"
    return out
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var s = self
    while s.hasSuffix(" ") { s.removeLast() }
    return s
  }
}

extension Session {
  func help(_ command: Command) -> Bool {
    if command.arguments.count > 1 {
      let t = command.arguments[1]
      return fail(.error(.unexpectedArgument(t.summary), at: t))
    }
    let topicToken = command.arguments.first
    let topic = topicToken.map { t -> String in
      switch t.kind {
      case .word(let w): return w
      default: return t.summary
      }
    }
    guard let text = Help.text(topic, language: settings.language) else {
      var message = Message.unknownTopic(topic ?? "", suggestion: Suggestion.nearest(topic ?? "", in: Help.topics))
      message.notes.append(
        LocalizedText(
          en:
            "topics: the commands, plan, the kinds (\(Kind.allCases.map(\.rawValue).joined(separator: ", "))), rules, \(Help.ruleRange)",
          zh: "可查主题：各命令、plan、各类别（\(Kind.allCases.map(\.rawValue).joined(separator: "、"))）、rules、\(Help.ruleRange)"))
      return fail(.error(message, at: topicToken!))
    }
    output.write(text)
    return true
  }
}
