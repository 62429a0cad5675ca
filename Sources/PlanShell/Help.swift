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

  /// The Chinese names of the topics (SPEC §15: help topics in both languages): the commands'
  /// and the kinds' names, 计划, 规则 and 术语.
  package static var chineseTopics: [String] {
    ShellCommand.all.flatMap(\.verb.chineseNames) + Kind.allCases.flatMap(\.chineseNames) + [
      Schema.chinesePlanName, "规则", "术语",
    ]
  }

  /// The topic a name stands for: itself (any case), or the English topic of a Chinese name
  /// (资金 → funding, 添加 → add, 规则 → rules).
  static func topic(named name: String) -> String {
    if name.isASCII { return name.lowercased() }
    if let verb = Verb(keyword: name) { return verb.rawValue }
    if let kind = Kind(keyword: name) { return kind.rawValue }
    switch name {
    case Schema.chinesePlanName: return "plan"
    case "规则": return "rules"
    case "术语": return "terms"
    default: return name
    }
  }

  /// The help text for `topic` (nil: the overview), or `nil` when there is no such topic. The
  /// topic may be named in Chinese (``chineseTopics``).
  /// - Parameter width: the columns the text is laid out for (``HelpLayout/width(environment:)``):
  ///   descriptions wrap with a hanging indent.
  package static func text(_ topic: String?, language: MessageLanguage, width: Int = 80) -> String? {
    let zh = language == .zh
    guard let topic else { return overview(zh, width: width) }
    let lower = Help.topic(named: topic)
    if let command = ShellCommand.all.first(where: { $0.verb.rawValue == lower }) {
      return Help.command(command, zh, width: width)
    }
    if lower == "plan" {
      return "set plan ATTR VALUE...\n"
        + HelpLayout.paragraph(CommandText.planSettings.text(language), indent: 2, width: width)
        + "\n"
        + attributeTable(Schema.plan, named: false, zh, width: width)
        + examples(
          [
            "set plan title \"吉林省创新联合体规划\" region \"吉林省\" horizon 2025..2030",
            "set plan weighting ahp cutoff 3",
          ], zh, width: width)
    }
    if let kind = Kind(rawValue: lower) { return kindHelp(kind, zh, width: width) }
    if lower == "terms" { return terms(zh) }
    if lower == "rules" {
      // Each rule, and under its summary the plan settings that are its thresholds (SPEC §15);
      // the summary beside the code and severity where it has room, else under them.
      let severityWidth = zh ? 10 : 16
      let lead = 3 + 2 + severityWidth + 2
      let beside = width - lead >= HelpLayout.narrowestDescription
      let indent = beside ? lead : 4
      var out = ""
      for rule in RuleCatalog.rules {
        let head = "\(rule.code)  \(DisplayWidth.pad(severity(rule, zh), to: severityWidth))  "
        var body = HelpLayout.paragraph(rule.summary.text(language), indent: indent, width: width)
        if beside { body.removeFirst(indent) } else { out += head.trimmingTrailingSpaces() + "\n" }
        out += (beside ? head : "") + body
        if let thresholds = thresholds(rule, zh) {
          out += HelpLayout.paragraph(thresholds, indent: indent, width: width)
        }
      }
      return out + (zh ? "\nhelp R27 查看某条规则。\n" : "\nhelp R27 shows one rule.\n")
    }
    if let rule = RuleCatalog.rule(lower) {
      return "\(rule.code)" + (zh ? "（\(severity(rule, zh))）" : " (\(severity(rule, zh)))")
        + "\n" + HelpLayout.paragraph(rule.summary.text(language), indent: 2, width: width)
        + (thresholds(rule, zh).map { HelpLayout.paragraph($0, indent: 2, width: width) } ?? "") + "\n"
        + (rule.violation.isEmpty
          ? examples(rule.examples.isEmpty ? ["validate"] : rule.examples, zh, width: width)
          : heading(CommandText.violation, zh) + "\n" + rule.violation.map { "  \($0)\n" }.joined() + "\n"
            + heading(CommandText.fix, zh) + "\n" + rule.examples.map { "  \($0)\n" }.joined())
        + "\n"
        + HelpLayout.paragraph(
          zh
            ? "validate 检查全部规则；validate strict 把警告视为错误。"
            : "validate checks every rule; validate strict makes warnings errors.",
          indent: 0, width: width)
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

  static func examples(_ lines: [String], _ zh: Bool, width: Int = 1000) -> String {
    heading(lines.count == 1 ? CommandText.example : CommandText.examples, zh) + "\n"
      + lines.map { "  " + exampleLines($0, width: width).joined(separator: " \\\n    ") + "\n" }.joined()
  }

  /// An example command laid out in `width` columns: broken only at spaces outside quotes, each
  /// line but the last continued by ` \` (SPEC §2), so that it stays a command to copy.
  static func exampleLines(_ line: String, width: Int) -> [String] {
    var words: [String] = []
    var word = ""
    var quoted = false
    for ch in line {
      if ch == "\"" { quoted.toggle() }
      if ch == " " && !quoted {
        if !word.isEmpty { words.append(word) }
        word = ""
      } else {
        word.append(ch)
      }
    }
    if !word.isEmpty { words.append(word) }
    var lines: [String] = []
    var current = ""
    for w in words {
      // The first line starts 2 in, the others 4; each but the last ends in " \".
      let room = width - (lines.isEmpty ? 2 : 4) - 2
      if !current.isEmpty, DisplayWidth.width(current + " " + w) > room {
        lines.append(current)
        current = w
      } else {
        current += (current.isEmpty ? "" : " ") + w
      }
    }
    return lines + [current]
  }

  /// `help VERB`: syntax, what it does, for the verbs that name a kind the syntax for each kind
  /// (the edit verbs by the schema, the others by their forms), examples.
  static func command(_ command: ShellCommand, _ zh: Bool, width: Int = 80) -> String {
    let verb = command.verb
    let syntaxLines = TextWrap.wrap(command.syntax, to: width - 4, keepingWords: true)
    var out = syntaxLines.enumerated().map { ($0.offset == 0 ? "" : "    ") + $0.element + "\n" }.joined()
    out += HelpLayout.paragraph(command.summary.text(zh ? .zh : .en), indent: 2, width: width)
    let names = verb.chineseNames
    if !names.isEmpty { out += "  " + CommandText.chineseNames(names).text(zh ? .zh : .en) + "\n" }
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
    return out + "\n" + examples(command.examples, zh, width: width)
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
  static func kindHelp(_ kind: Kind, _ zh: Bool, width: Int = 80) -> String {
    let spec = kind.spec
    var out = TextWrap.wrap("\(kind.rawValue) — \(zh ? kind.chineseName : spec.help.en)", to: width).enumerated().map {
      ($0.offset == 0 ? "" : "  ") + $0.element + "\n"
    }.joined()
    out += "  " + CommandText.chineseNames(kind.chineseNames).text(zh ? .zh : .en) + "\n\n"
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
    let keyWidth = rows.map { DisplayWidth.width($0[0]) }.max() ?? 0
    for row in rows {
      // A list of keywords wraps at `|`, under itself.
      for (i, line) in wrap(row[1], width: max(12, width - 2 - keyWidth - 2)).enumerated() {
        out += "  " + DisplayWidth.pad(i == 0 ? row[0] : "", to: keyWidth) + "  " + line + "\n"
      }
    }
    if let p = spec.positional {
      let a = spec.attributes[p]
      out += "  " + CommandText.positional(a.name).text(zh ? .zh : .en) + "\n"
    }
    out += "\n" + attributeTable(spec.attributes, named: spec.hasName, zh, width: width)
    out += chineseTermsNote(spec, zh, width: width)
    out += importHeadersNote(kind, zh, width: width)
    return out + examples([spec.example], zh, width: width)
  }

  /// The headers `import` reads for `kind` (SPEC §13; ``WorkbookSheets``): each column's English
  /// name with its Chinese label, and the file and sheet names that give the kind; wrapped to
  /// `width`.
  static func importHeadersNote(_ kind: Kind, _ zh: Bool, width: Int = 80) -> String {
    let columns = WorkbookSheets.columns(kind).map { (name: $0, label: WorkbookSheets.header($0, .zh)) }
    let en = WorkbookSheets.name(.kind(kind), .en)
    let cn = WorkbookSheets.name(.kind(kind), .zh)
    let files = zh ? "\(en).csv、\(cn).csv，工作表 \(en) 或 \(cn)" : "\(en).csv, \(cn).csv, sheet \(en) or \(cn)"
    let text = CommandText.importHeaders(columns, files: files).text(zh ? .zh : .en)
    return TextWrap.wrap(text, to: max(20, width - 2), atPhrases: true).map { "  " + $0 + "\n" }.joined() + "\n"
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
    return table.render() + "\n" + namesTables(zh)
      + (zh
        ? "\n输入关键字或任一中文名称均可；计划文件保存关键字。\n\n"
        : "\nType the keyword or any of its Chinese names; the plan file keeps the keyword.\n\n")
      + examples(["set org jcfc size 大型 ownership 国企", "add measure M9 \"场景开放\" phase P2 instrument 应用场景"], zh)
  }

  /// The verbs', kinds' and attributes' Chinese names (SPEC §15), three tables of `help terms`:
  /// each keyword with its names, an attribute with the kinds (and `plan`) that have it.
  static func namesTables(_ zh: Bool) -> String {
    let separator = zh ? "、" : ", "
    var verbs = TextTable(header: zh ? ["命令", "中文名称"] : ["command", "Chinese names"])
    for command in ShellCommand.all where !command.verb.chineseNames.isEmpty {
      verbs.add([command.verb.rawValue, command.verb.chineseNames.joined(separator: separator)])
    }
    var kinds = TextTable(header: zh ? ["类别", "中文名称"] : ["kind", "Chinese names"])
    kinds.add(["plan", Schema.chinesePlanName])
    for kind in Kind.allCases { kinds.add([kind.rawValue, kind.chineseNames.joined(separator: separator)]) }
    var order: [String] = []
    var usedBy: [String: [String]] = [:]
    func note(_ name: String, _ owner: String) {
      if usedBy[name] == nil { order.append(name) }
      usedBy[name, default: []].append(owner)
    }
    for a in Schema.plan { note(a.name, "plan") }
    for spec in Schema.kinds {
      if spec.hasName { note("name", spec.kind.rawValue) }
      for a in spec.attributes { note(a.name, spec.kind.rawValue) }
    }
    var attributes = TextTable(header: zh ? ["属性", "中文名称", "用于"] : ["attribute", "Chinese names", "used by"])
    for name in order {
      attributes.add([
        name, Schema.chineseNames(ofAttribute: name).joined(separator: separator),
        usedBy[name, default: []].joined(separator: " "),
      ])
    }
    return verbs.render() + "\n" + kinds.render() + "\n" + attributes.render()
  }

  /// A line saying that the kind's keyword values may be typed as their Chinese terms, with an
  /// example from its first such attribute (项目资助 for grant); empty for a kind without one.
  static func chineseTermsNote(_ spec: KindSpec, _ zh: Bool, width: Int = 80) -> String {
    var named: [(name: String, values: [String])] = []
    for (part, name) in zip(spec.keys, spec.keyNames) { if case .choice(let c) = part { named.append((name, c)) } }
    for a in spec.attributes { if case .choice(let c) = a.type { named.append((a.name, c)) } }
    let withTerms = named.filter { $0.values.contains { Schema.chineseLabels[$0] != nil } }
    guard let keyword = withTerms.first?.values.first(where: { Schema.chineseLabels[$0] != nil }),
      let term = Schema.chineseLabels[keyword]
    else { return "" }
    let names = withTerms.map(\.name)
    return HelpLayout.paragraph(
      CommandText.chineseTerms(names, term: term, keyword: keyword).text(zh ? .zh : .en), indent: 2, width: width)
      + "\n"
  }

  /// The attributes as a table: name, type (long lists of values wrap at `|`), default or
  /// `required`, meaning. Aligned by display width; the meaning wraps in its column, or stands
  /// under the row, indented, when its column would be narrower than
  /// ``HelpLayout/narrowestDescription``.
  static func attributeTable(_ attributes: [AttributeSpec], named: Bool, _ zh: Bool, width: Int = 80) -> String {
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
      rows.append((a.name, [a.describe.text(language)], note, a.help.text(language)))
    }
    let w0 = rows.map { DisplayWidth.width($0.name) }.max() ?? 0
    // Lists of values wrap at `|` in 36 columns, or in what the line leaves beside the name and
    // the default (not below 12).
    let typeWidth = max(12, min(36, width - 2 - w0 - 2 - 2 - (rows.map { DisplayWidth.width($0.note) }.max() ?? 0)))
    for i in rows.indices { rows[i].type = wrap(rows[i].type[0], width: typeWidth) }
    let w1 = rows.flatMap { $0.type.map { DisplayWidth.width($0) } }.max() ?? 0
    let w2 = rows.map { DisplayWidth.width($0.note) }.max() ?? 0
    var out = heading(CommandText.attributes, zh) + "\n"
    let lead = 2 + w0 + 2 + w1 + 2 + w2 + 2
    let beside = width - lead >= HelpLayout.narrowestDescription
    for row in rows {
      var help = beside ? TextWrap.wrap(row.help, to: width - lead) : []
      for (i, type) in row.type.enumerated() {
        let cells = i == 0 ? [row.name, type, row.note] : ["", type, ""]
        let line =
          "  " + DisplayWidth.pad(cells[0], to: w0) + "  " + DisplayWidth.pad(cells[1], to: w1) + "  "
          + DisplayWidth.pad(cells[2], to: w2) + "  " + (help.isEmpty ? "" : help.removeFirst())
        out += line.trimmingTrailingSpaces() + "\n"
      }
      let hanging = String(repeating: " ", count: lead)
      for line in help { out += (hanging + line).trimmingTrailingSpaces() + "\n" }
      if !beside { out += HelpLayout.paragraph(row.help, indent: 6, width: width) }
    }
    return out + "\n"
  }

  /// Splits a long `a|b|c` list into lines of at most `width` columns, each ending in `|`; other
  /// text wraps at spaces (``TextWrap``).
  static func wrap(_ text: String, width: Int) -> [String] {
    guard DisplayWidth.width(text) > width else { return [text] }
    guard text.contains("|") else { return TextWrap.wrap(text, to: width) }
    var lines: [String] = []
    var line = ""
    for (i, part) in text.split(separator: "|").enumerated() {
      let piece = (i == 0 ? "" : "|") + part
      // Room for the `|` that ends the line if it breaks after this piece.
      if !line.isEmpty, DisplayWidth.width(line + piece) + 1 > width {
        lines.append(line + "|")
        line = String(part)
      } else {
        line += piece
      }
    }
    return lines + [line]
  }

  static func overview(_ zh: Bool, width: Int = 80) -> String {
    var out = heading(CommandText.commands, zh) + "\n"
    let shown = ShellCommand.all.filter(\.inOverview)
    out += HelpLayout.columns(shown.map { ($0.syntax, $0.summary.text(zh ? .zh : .en)) }, width: width)
    out +=
      "\n"
      + HelpLayout.paragraph(
        heading(CommandText.kinds, zh) + " " + Kind.allCases.map(\.rawValue).joined(separator: ", "), indent: 0,
        width: width)
    out += HelpLayout.paragraph(CommandText.overviewFooter.text(zh ? .zh : .en), indent: 0, width: width)
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
    guard let text = Help.text(topic, language: settings.language, width: HelpLayout.width()) else {
      var message = Message.unknownTopic(
        topic ?? "", suggestion: Suggestion.nearestName(topic ?? "", in: Help.topics + Help.chineseTopics))
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
