import PlanEngine
import PlanIO
import PlanLanguage
import PlanModel

/// The text of `help [TOPIC]` (SPEC §5): commands, kinds with their attributes (type, default),
/// the plan settings and the rules, each with an example, in the session's language.
package enum Help {
  /// `R01…R33`: the first and last rule codes.
  static var ruleRange: String {
    "\(RuleCatalog.rules.first?.code ?? "")…\(RuleCatalog.rules.last?.code ?? "")"
  }

  /// Every help topic (for completion and suggestions).
  package static var topics: [String] {
    ShellCommand.all.map(\.verb.rawValue) + ["plan"] + Kind.allCases.map(\.rawValue) + RuleCatalog.rules.map(\.code) + [
      "rules", "terms",
    ]
  }

  /// The help text for `topic` (nil: the overview), or `nil` when there is no such topic.
  package static func text(_ topic: String?, language: MessageLanguage) -> String? {
    let zh = language == .zh
    guard let topic else { return overview(zh) }
    let lower = topic.lowercased()
    if let command = ShellCommand.all.first(where: { $0.verb.rawValue == lower }) { return Help.command(command, zh) }
    if lower == "plan" {
      return "set plan ATTR VALUE...\n  " + CommandText.planSettings.text(language) + "\n\n"
        + attributeTable(Schema.plan, named: false, zh)
        + examples(
          [
            "set plan title \"吉林省创新联合体规划\" region \"吉林省\" horizon 2025..2030",
            "set plan weighting ahp cutoff 3",
          ], zh)
    }
    if let kind = Kind(rawValue: lower) { return kindHelp(kind, zh) }
    if lower == "terms" { return terms(zh) }
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

  static func heading(_ text: LocalizedText, _ zh: Bool) -> String { zh ? text.zh + "：" : text.en + ":" }

  static func examples(_ lines: [String], _ zh: Bool) -> String {
    heading(lines.count == 1 ? CommandText.example : CommandText.examples, zh) + "\n"
      + lines.map { "  \($0)\n" }.joined()
  }

  /// `help VERB`: syntax, what it does, for the verbs that name a kind the syntax for each kind
  /// (the edit verbs by the schema, the others by their forms), examples.
  static func command(_ command: ShellCommand, _ zh: Bool) -> String {
    let verb = command.verb
    var out = "\(command.syntax)\n  \(command.summary.text(zh ? .zh : .en))\n"
    var lines: [String] = []
    switch verb {
    case .add, .set, .remove: lines = Kind.allCases.map { syntax(verb, $0) }
    case .rename: lines = Kind.allCases.filter { $0.spec.hasOwnID }.map { syntax(verb, $0) }
    default: lines = command.syntaxByKind
    }
    if verb == .set { lines.insert("set plan ATTR VALUE...", at: 0) }
    if !lines.isEmpty {
      out += "\n" + heading(CommandText.byKind, zh) + "\n"
      for line in lines { out += "  " + line + "\n" }
      out += CommandText.kindAttributesHint.text(zh ? .zh : .en) + "\n"
    }
    return out + "\n" + examples(command.examples, zh)
  }

  /// The syntax of `verb` for `kind`: `add score FIELD CRITERION VALUE [ATTR VALUE]...`.
  static func syntax(_ verb: Verb, _ kind: Kind) -> String {
    let spec = kind.spec
    let keys = spec.keyNames.joined(separator: " ")
    switch verb {
    case .add:
      var s = "add \(kind.rawValue) \(keys)"
      if spec.hasName { s += " [NAME]" }
      if let p = spec.positional {
        // Optional where the attribute is (an actual gives a value or a status).
        let name = spec.attributes[p].name.uppercased()
        s += spec.attributes[p].required ? " " + name : " [" + name + "]"
      }
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
    out += "\n" + heading(CommandText.keys, zh) + "\n"
    var rows: [[String]] = []
    for (part, name) in zip(spec.keys, spec.keyNames) {
      switch part {
      case .id:
        rows.append([name, CommandText.idKey.text(zh ? .zh : .en)])
      case .ref(let k): rows.append([name, AttributeType.ref(k).describe.text(zh ? .zh : .en)])
      case .choice(let c): rows.append([name, c.joined(separator: "|")])
      case .year: rows.append([name, AttributeType.year.describe.text(zh ? .zh : .en)])
      }
    }
    let width = rows.map { DisplayWidth.width($0[0]) }.max() ?? 0
    for row in rows { out += "  " + DisplayWidth.pad(row[0], to: width) + "  " + row[1] + "\n" }
    if let p = spec.positional {
      let a = spec.attributes[p]
      out += "  " + CommandText.positional(a.name).text(zh ? .zh : .en) + "\n"
    }
    out += "\n" + attributeTable(spec.attributes, named: spec.hasName, zh)
    out += chineseTermsNote(spec, zh)
    out += importHeadersNote(kind, zh)
    return out + examples([spec.example], zh)
  }

  /// The headers `import` reads for `kind` (SPEC §13; ``WorkbookSheets``): each column's English
  /// name with its Chinese label, and the file and sheet names that give the kind; wrapped to
  /// 96 columns.
  static func importHeadersNote(_ kind: Kind, _ zh: Bool) -> String {
    let columns = WorkbookSheets.columns(kind).map { (name: $0, label: WorkbookSheets.header($0, .zh)) }
    let en = WorkbookSheets.name(.kind(kind), .en)
    let cn = WorkbookSheets.name(.kind(kind), .zh)
    let files = zh ? "\(en).csv、\(cn).csv，工作表 \(en) 或 \(cn)" : "\(en).csv, \(cn).csv, sheet \(en) or \(cn)"
    let text = CommandText.importHeaders(columns, files: files).text(zh ? .zh : .en)
    return TextWrap.wrap(text, to: 96, atPhrases: true).map { "  " + $0 + "\n" }.joined() + "\n"
  }

  /// `help terms`: every keyword value with its Chinese term and further Chinese names, and the
  /// attributes (`kind.attribute`, `plan.setting`, key parts) that take it — the one table of
  /// terms (``Schema/chineseLabels``, ``Schema/chineseSynonyms``), in the order the schema first
  /// uses each keyword.
  static func terms(_ zh: Bool) -> String {
    var order: [String] = []
    var usedBy: [String: [String]] = [:]
    func note(_ values: [String], _ place: String) {
      for v in values {
        if usedBy[v] == nil { order.append(v) }
        if usedBy[v, default: []].last != place { usedBy[v, default: []].append(place) }
      }
    }
    for a in Schema.plan { if case .choice(let c) = a.type { note(c, "plan.\(a.name)") } }
    for spec in Schema.kinds {
      for (part, name) in zip(spec.keys, spec.keyNames) {
        if case .choice(let c) = part { note(c, "\(spec.kind.rawValue).\(name)") }
      }
      for a in spec.attributes { if case .choice(let c) = a.type { note(c, "\(spec.kind.rawValue).\(a.name)") } }
    }
    var table = TextTable(
      header: zh ? ["关键字", "中文名称", "用于"] : ["keyword", "Chinese names", "used by"])
    for keyword in order {
      let names = Schema.chineseNames(of: keyword)
      guard !names.isEmpty else { continue }
      table.add([
        keyword, names.joined(separator: zh ? "、" : ", "), usedBy[keyword, default: []].joined(separator: " "),
      ])
    }
    return table.render()
      + (zh
        ? "\n输入关键字或任一中文名称均可；计划文件保存关键字。\n\n"
        : "\nType the keyword or any of its Chinese names; the plan file keeps the keyword.\n\n")
      + examples(["set org jcfc size 大型 ownership 国企", "add measure M9 \"场景开放\" phase P2 instrument 应用场景"], zh)
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
    return "  " + CommandText.chineseTerms(names, term: term, keyword: keyword).text(zh ? .zh : .en) + "\n\n"
  }

  /// The attributes as a table: name, type (long lists of values wrap at `|`), default or
  /// `required`, meaning. Aligned by display width.
  static func attributeTable(_ attributes: [AttributeSpec], named: Bool, _ zh: Bool) -> String {
    let language: MessageLanguage = zh ? .zh : .en
    var rows: [(name: String, type: [String], note: String, help: String)] = []
    if named { rows.append(("name", [CommandText.aString.text(language)], "", CommandText.theName.text(language))) }
    for a in attributes {
      var note = ""
      if a.required {
        note = CommandText.required.text(language)
      } else if let v = a.defaultValue {
        note = "[\(v.display(as: a.type))]"
      }
      rows.append((a.name, wrap(a.type.describe.text(language), width: 36), note, a.help.text(language)))
    }
    let w0 = rows.map { DisplayWidth.width($0.name) }.max() ?? 0
    let w1 = rows.flatMap { $0.type.map { DisplayWidth.width($0) } }.max() ?? 0
    let w2 = rows.map { DisplayWidth.width($0.note) }.max() ?? 0
    var out = heading(CommandText.attributes, zh) + "\n"
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
    var out = heading(CommandText.commands, zh) + "\n"
    let shown = ShellCommand.all.filter(\.inOverview)
    let width = shown.map { DisplayWidth.width($0.syntax) }.max() ?? 0
    for command in shown {
      out += "  " + DisplayWidth.pad(command.syntax, to: width) + "  " + command.summary.text(zh ? .zh : .en) + "\n"
    }
    out += "\n" + heading(CommandText.kinds, zh) + " " + Kind.allCases.map(\.rawValue).joined(separator: ", ") + "\n"
    out += CommandText.overviewFooter.text(zh ? .zh : .en) + "\n"
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
  func help(_ topicToken: Token?) -> Bool {
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
            "topics: the commands, plan, the kinds (\(Kind.allCases.map(\.rawValue).joined(separator: ", "))), rules, \(Help.ruleRange), terms",
          zh: "可查主题：各命令、plan、各类别（\(Kind.allCases.map(\.rawValue).joined(separator: "、"))）、rules、\(Help.ruleRange)、terms"
        ))
      return fail(.error(message, at: topicToken!))
    }
    output.write(text)
    return true
  }
}
