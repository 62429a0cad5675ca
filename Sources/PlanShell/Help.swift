import PlanEngine
import PlanLanguage
import PlanModel

/// The text of `help [TOPIC]`: commands, kinds, attributes and rules, with an example each.
package enum Help {
  struct Entry {
    var syntax: String
    var en: String
    var zh: String
    var example: String
  }

  static let commands: [(Verb, Entry)] = [
    (.add, Entry(syntax: "add KIND KEY... [NAME] [ATTR VALUE]...", en: "create an entity; error if the key exists",
                 zh: "新建条目；键已存在则报错", example: "add field F1 \"新能源汽车\"")),
    (.set, Entry(syntax: "set KIND KEY... ATTR VALUE...  |  set plan ATTR VALUE...",
                 en: "change attributes (`none` clears an optional one)", zh: "修改属性（`none` 清除可选属性）",
                 example: "set plan title \"吉林省创新联合体规划\" horizon 2025..2030")),
    (.remove, Entry(syntax: "remove KIND KEY... [cascade]", en: "delete; error if referenced; cascade also removes what refers to it",
                    zh: "删除；被引用时报错；cascade 同时删除引用它的条目", example: "remove field F5 cascade")),
    (.rename, Entry(syntax: "rename KIND OLD NEW", en: "change an ID and every reference to it",
                    zh: "修改 ID 及所有对它的引用", example: "rename org jlu JLU")),
    (.validate, Entry(syntax: "validate [strict]", en: "run every rule (R01–R33); strict turns warnings into errors",
                      zh: "运行全部校验规则（R01–R33）；strict 把警告视为错误", example: "validate strict")),
    (.rank, Entry(syntax: "rank [method weighted|topsis] [sensitivity]", en: "the priority ranking of the fields",
                  zh: "候选领域的优先级排序", example: "rank method topsis sensitivity")),
    (.show, Entry(syntax: "show plan | show KIND KEY... | show roadmap | show funding", en: "one thing, in full",
                  zh: "完整显示一项内容", example: "show consortium K1")),
    (.list, Entry(syntax: "list KIND | list member CONSORTIUM", en: "one line per item", zh: "每项一行列出",
                  example: "list member K1")),
    (.export, Entry(syntax: "export text|markdown|json|csv|html [to PATH] [force]",
                    en: "write the roadmap; refuses to overwrite a file without force", zh: "导出路线图；不加 force 不覆盖已有文件",
                    example: "export markdown to roadmap.md")),
    (.save, Entry(syntax: "save [PATH] [force]", en: "write the plan file (atomically)", zh: "保存计划文件（原子写入）",
                  example: "save plans/jilin.plan")),
    (.load, Entry(syntax: "load PATH", en: "replace the plan with a plan file", zh: "载入计划文件替换当前计划",
                  example: "load plans/jilin-2025-2030.plan")),
    (.new, Entry(syntax: "new", en: "start an empty plan", zh: "新建空计划", example: "new")),
    (.run, Entry(syntax: "run PATH", en: "execute a script file (paths in it are relative to its folder)",
                 zh: "执行脚本文件（其中的相对路径以脚本所在目录为准）", example: "run scripts/build.cplan")),
    (.undo, Entry(syntax: "undo", en: "step back over the last change (a whole run or load is one step)",
                  zh: "撤销上一次修改（整个 run 或 load 算一步）", example: "undo")),
    (.redo, Entry(syntax: "redo", en: "step forward again", zh: "重做", example: "redo")),
    (.help, Entry(syntax: "help [TOPIC]", en: "commands, kinds, attributes and rules (help measure, help R27)",
                  zh: "命令、类别、属性和规则的帮助（help measure、help R27）", example: "help R27")),
    (.quit, Entry(syntax: "quit | exit", en: "leave (asks once if there are unsaved changes)",
                  zh: "退出（有未保存的修改时先提醒一次）", example: "quit")),
    (.exit, Entry(syntax: "exit", en: "same as quit", zh: "同 quit", example: "exit")),
    (.recover, Entry(syntax: "recover", en: "replay the journal of a session that ended without saving",
                     zh: "重放未保存就结束的会话的日志", example: "recover")),
  ]

  /// Every help topic (for completion and suggestions).
  package static var topics: [String] {
    Verb.allCases.map(\.rawValue) + ["plan"] + Kind.allCases.map(\.rawValue) + RuleCatalog.rules.map(\.code) + ["rules"]
  }

  /// The help text for `topic` (nil: the overview), or `nil` when there is no such topic.
  package static func text(_ topic: String?, language: MessageLanguage) -> String? {
    let zh = language == .zh
    guard let topic else { return overview(language) }
    let lower = topic.lowercased()
    if let (verb, entry) = commands.first(where: { $0.0.rawValue == lower }) {
      var out = "\(entry.syntax)\n  \(zh ? entry.zh : entry.en)\n"
      if verb == .add || verb == .set {
        out += "\n" + (zh ? "类别" : "Kinds") + ": " + Kind.allCases.map(\.rawValue).joined(separator: ", ") + "\n"
        out += zh ? "（help KIND 查看其属性）\n" : "(help KIND shows its attributes)\n"
      }
      out += "\n" + (zh ? "示例" : "Example") + ":\n  \(entry.example)\n"
      return out
    }
    if lower == "plan" { return attributes(title: "set plan ATTR VALUE...", Schema.plan, example: commands[1].1.example, language) }
    if let kind = Kind(rawValue: lower) {
      let spec = kind.spec
      var syntax = "add \(kind.rawValue) " + spec.keyNames.joined(separator: " ")
      if spec.hasName { syntax += " [NAME]" }
      if let p = spec.positional { syntax += " [\(spec.attributes[p].name.uppercased())]" }
      syntax += " [ATTR VALUE]..."
      var out = attributes(title: syntax, spec.attributes, example: spec.example, language, named: spec.hasName)
      out = "\(kind.rawValue) — \(zh ? kind.chineseName : spec.help.en)\n" + out
      return out
    }
    if lower == "rules" {
      var out = ""
      for rule in RuleCatalog.rules {
        out += "\(rule.code)  \(rule.severity.label(language))  \(rule.summary.text(language))\n"
      }
      return out
    }
    if let rule = RuleCatalog.rule(lower) {
      return "\(rule.code) (\(rule.severity.label(language)))\n  \(rule.summary.text(language))\n\n"
        + (zh ? "示例" : "Example") + ":\n  validate\n  validate strict\n"
    }
    return nil
  }

  static func attributes(title: String, _ attributes: [AttributeSpec], example: String, _ language: MessageLanguage,
                         named: Bool = false) -> String
  {
    let zh = language == .zh
    var out = "\(title)\n\n" + (zh ? "属性" : "Attributes") + ":\n"
    var rows: [[String]] = []
    if named { rows.append(["  name", zh ? "字符串" : "a string", "", zh ? "名称" : "the name"]) }
    for a in attributes {
      var d = ""
      if a.required { d = zh ? "必填" : "required" } else if let v = a.defaultValue { d = "[\(v.display(as: a.type))]" }
      rows.append(["  " + a.name, a.type.describe.text(language), d, a.help.text(language)])
    }
    let widths = (0..<4).map { i in rows.map { DisplayWidth.width($0[i]) }.max() ?? 0 }
    for row in rows {
      let line = (0..<4).map { DisplayWidth.pad(row[$0], to: $0 == 3 ? 0 : widths[$0]) }.joined(separator: "  ")
      out += line.trimmingTrailingSpaces() + "\n"
    }
    out += "\n" + (zh ? "示例" : "Example") + ":\n  \(example)\n"
    return out
  }

  static func overview(_ language: MessageLanguage) -> String {
    let zh = language == .zh
    var out = zh ? "命令：\n" : "Commands:\n"
    let width = commands.map { DisplayWidth.width($0.1.syntax) }.max() ?? 0
    for (_, entry) in commands {
      out += "  " + DisplayWidth.pad(entry.syntax, to: width) + "  " + (zh ? entry.zh : entry.en) + "\n"
    }
    out += "\n" + (zh ? "类别" : "Kinds") + ": " + Kind.allCases.map(\.rawValue).joined(separator: ", ") + "\n"
    out += zh ? "help KIND、help 命令、help R27、help rules 查看详情。\n" : "See help KIND, help COMMAND, help R27, help rules.\n"
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
      return fail(.error(.unknownTopic(topic ?? "", suggestion: Suggestion.nearest(topic ?? "", in: Help.topics)),
                         at: topicToken!))
    }
    output.write(text)
    return true
  }
}
