import PlanLanguage
import PlanModel

/// The shell's own text in English and Chinese: the headings and notes of `help`, the notices
/// after commands, the words of `show`. The commands' help is in their table
/// (``ShellCommand/all``); messages with a code are PlanLanguage's ``Message``.
package enum CommandText: TextCatalog {
  // MARK: help

  static let commands = LocalizedText(en: "Commands", zh: "命令")
  static let kinds = LocalizedText(en: "Kinds", zh: "类别")
  static let byKind = LocalizedText(en: "By kind", zh: "各类别")
  static let keys = LocalizedText(en: "Keys", zh: "键")
  static let attributes = LocalizedText(en: "Attributes", zh: "属性")
  static let example = LocalizedText(en: "Example", zh: "示例")
  static let examples = LocalizedText(en: "Examples", zh: "示例")
  /// `help RNN` of a rule with a case: the commands that break it, then the fix.
  static let violation = LocalizedText(en: "Example that breaks the rule", zh: "违反规则的示例")
  static let fix = LocalizedText(en: "Example of the fix", zh: "修正后的示例")
  static let kindAttributesHint = LocalizedText(
    en: "(help KIND shows a kind's attributes)", zh: "（help KIND 查看各类别的属性）")
  static let overviewFooter = LocalizedText(
    en: "See help COMMAND, help KIND, help plan, help rules, help R27. Tab completes; Ctrl-R searches history.",
    zh: "help 命令、help KIND、help plan、help rules、help R27 查看详情；Tab 补全，Ctrl-R 搜索历史。")
  static let idKey = LocalizedText(en: "the ID: a word such as F1 or 新能源车", zh: "ID：字母或汉字开头的词，如 F1、新能源车")
  static let aString = LocalizedText(en: "a string", zh: "字符串")
  static let theName = LocalizedText(en: "the name", zh: "名称")
  static let required = LocalizedText(en: "required", zh: "必填")
  static let planSettings = LocalizedText(en: "the plan's settings", zh: "计划的设置")

  /// `(a number after the keys is the value)`.
  static func positional(_ attribute: String) -> LocalizedText {
    LocalizedText(en: "(a number after the keys is the \(attribute))", zh: "（键后的数字即 \(attribute)）")
  }

  /// That the values of `names` may be typed as their Chinese terms, `term` for `keyword`.
  /// `help KIND`: the headers `import` reads for the kind's columns, each English name with its
  /// Chinese label (`size/企业规模`: either may head the column), and the names of the file or sheet.
  static func importHeaders(_ columns: [(name: String, label: String)], files: String) -> LocalizedText {
    let list = columns.map { $0.name == $0.label.lowercased() ? $0.name : "\($0.name)/\($0.label)" }
    return LocalizedText(
      en: "Import headers (\(files)): " + list.joined(separator: ", ") + ".",
      zh: "导入表头（\(files)）：" + list.joined(separator: "、") + "。")
  }

  static func chineseTerms(_ names: [String], term: String, keyword: String) -> LocalizedText {
    LocalizedText(
      en:
        "Values of \(names.joined(separator: ", ")) may also be typed as the Chinese terms the exports print (\(term) for \(keyword)).",
      zh: "\(names.joined(separator: "、")) 的取值也可以输入导出中使用的中文名称（如 \(term) 即 \(keyword)）。")
  }

  /// The Chinese names a verb or kind may be typed by (SPEC §15).
  static func chineseNames(_ names: [String]) -> LocalizedText {
    LocalizedText(en: "Chinese: \(names.joined(separator: ", "))", zh: "中文名称：\(names.joined(separator: "、"))")
  }

  // MARK: arguments (the errors of ``ShellCommand/parse(_:)``)

  static let anID = LocalizedText(en: "an ID", zh: "ID")
  static let aPath = LocalizedText(en: "a path", zh: "路径")
  static let aYear = LocalizedText(en: "a year", zh: "年份")
  // `rank robustness` (SPEC §12).
  static let sampleCount = LocalizedText(en: "a number of samples (≥ 1)", zh: "样本数（≥ 1）")
  static let spreadPercent = LocalizedText(en: "a spread in percent (0% to 99%)", zh: "扰动幅度百分比（0% 到 99%）")
  static let seedNumber = LocalizedText(en: "a seed (a whole number ≥ 0)", zh: "随机种子（≥ 0 的整数）")
  static let robustnessFormats = LocalizedText(
    en: "robustness goes with export text, markdown, json or html",
    zh: "robustness 只用于 export text、markdown、json 或 html")
  /// A kind's key part: `funding PHASE`.
  static func keyPart(_ kind: String, _ name: String) -> LocalizedText {
    LocalizedText(en: "\(kind) \(name)", zh: "\(kind) 的 \(name)")
  }
  /// An option's value: `a path after 'to'`.
  static func after(_ keyword: String, _ noun: LocalizedText) -> LocalizedText {
    LocalizedText(en: "\(noun.en) after '\(keyword)'", zh: "'\(keyword)' 后的\(noun.zh)")
  }
  /// A choice with its values: `a format (text, markdown, json, csv, html)`.
  static func oneOf(_ noun: LocalizedText, _ values: [String]) -> LocalizedText {
    LocalizedText(
      en: "\(noun.en) (\(values.joined(separator: ", ")))", zh: "\(noun.zh)（\(values.joined(separator: "、"))）")
  }

  /// Why `save -` is refused.
  static let dashIsNoFile = LocalizedText(
    en: "'-' is not a file here: save writes a plan file; to see the plan, type export text",
    zh: "'-' 在此不是文件：save 只写入计划文件；查看计划请输入 export text")

  // MARK: notices

  static func saved(_ path: String) -> LocalizedText { LocalizedText(en: "saved \(path)", zh: "已保存 \(path)") }
  static func loaded(_ path: String) -> LocalizedText { LocalizedText(en: "loaded \(path)", zh: "已载入 \(path)") }
  static func exported(_ path: String) -> LocalizedText { LocalizedText(en: "exported \(path)", zh: "已导出 \(path)") }
  /// `save merge` without conflicts: the changes made on disk (at `when`) were merged in.
  static func mergedFromDisk(_ path: String, when: String) -> LocalizedText {
    LocalizedText(
      en: "merged the changes made to \(path) on disk at \(when)", zh: "已合并磁盘上 \(path) 的修改（\(when)）")
  }
  /// What `remove … cascade` took: `["1 consortium", "2 goal"]`.
  static func removed(_ parts: [(en: String, zh: String)]) -> LocalizedText {
    LocalizedText(
      en: "removed " + parts.map(\.en).joined(separator: ", "), zh: "已删除 " + parts.map(\.zh).joined(separator: "、"))
  }
  /// `ran tour.cplan: 16 changes (criterion +3, field +1)`, after `run` at the prompt.
  static func ran(_ script: String, changes: Int, counts: [(Kind, Int)]) -> LocalizedText {
    func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "−\(-n)" }
    let en = counts.map { "\($0.0.rawValue) \(signed($0.1))" }.joined(separator: ", ")
    let zh = counts.map { "\($0.0.chineseName) \(signed($0.1))" }.joined(separator: "、")
    return LocalizedText(
      en: "ran \(script): \(changes) change\(changes == 1 ? "" : "s")" + (en.isEmpty ? "" : " (\(en))"),
      zh: "已运行 \(script)：\(changes) 处修改" + (zh.isEmpty ? "" : "（\(zh)）"))
  }
  static let undone = LocalizedText(en: "undone", zh: "已撤销")
  static let redone = LocalizedText(en: "redone", zh: "已重做")
  /// `undone: add field F9 "x"`.
  static func step(_ done: LocalizedText, _ command: String) -> LocalizedText {
    LocalizedText(en: "\(done.en): \(command)", zh: "\(done.zh)：\(command)")
  }
  static let none = LocalizedText(en: "(none)", zh: "（无）")
  /// The last line of a clipped list of candidates.
  static func more(_ count: Int) -> LocalizedText { LocalizedText(en: "… and \(count) more", zh: "……另有 \(count) 项") }

  // MARK: show

  static let members = LocalizedText(en: "members", zh: "成员")
  static let definedAt = LocalizedText(en: "defined at", zh: "定义于")
  static let actuals = LocalizedText(en: "actuals", zh: "实际值")
  static func statusAsOf(_ year: Int) -> LocalizedText {
    LocalizedText(en: "status as of \(year)", zh: "截至 \(year) 年状态")
  }
  static func actualOf(_ year: Int, _ value: String) -> LocalizedText {
    LocalizedText(en: "actual \(value) in \(year)", zh: "\(year) 年实际值 \(value)")
  }
  static func expected(_ value: String) -> LocalizedText {
    LocalizedText(en: "expected \(value)", zh: "预期值 \(value)")
  }
  static let byDefault = LocalizedText(en: " (default)", zh: "（默认）")
  static let file = LocalizedText(en: "file", zh: "文件")
  static let unsavedChanges = LocalizedText(en: " (unsaved changes)", zh: "（有未保存的修改）")

  // MARK: What each show and list answers (issue 17 item 10)

  static let consortia = LocalizedText(en: "consortia", zh: "联合体")
  static let goals = LocalizedText(en: "goals", zh: "目标")
  static let measures = LocalizedText(en: "measures", zh: "措施")
  static let scores = LocalizedText(en: "scores", zh: "评分")
  static let fieldHeader = LocalizedText(en: "field", zh: "候选领域")
  static let nameHeader = LocalizedText(en: "name", zh: "名称")
  /// `show field F`'s rank line: `rank 2 of 5 (score 0.754)`.
  static func rankOf(_ rank: Int, of count: Int, score: String) -> LocalizedText {
    LocalizedText(en: "rank \(rank) of \(count) (score \(score))", zh: "排名第 \(rank) 位（共 \(count) 个领域，得分 \(score)）")
  }
  /// `show field F` when the plan cannot be ranked or its ranking cannot be trusted.
  static let notRanked = LocalizedText(
    en: "rank: none (the ranking cannot be trusted: see rank or validate)", zh: "排名：无（排序不可信：见 rank 或 validate）")

  // MARK: show funding K (SPEC §11)

  static let year = LocalizedText(en: "year", zh: "年份")
  static let source = LocalizedText(en: "source", zh: "来源")
  static let planned = LocalizedText(en: "planned", zh: "计划")
  static let paid = LocalizedText(en: "paid", zh: "已拨付")
  /// The totals line under `show funding K`'s table.
  static func fundingToDate(
    _ year: Int, planned: String, paid: String, execution: String, governmentShare: String, currency: String
  ) -> LocalizedText {
    LocalizedText(
      en:
        "to \(year): planned \(planned), paid \(paid) \(currency); execution \(execution), government share of the outlays \(governmentShare)",
      zh: "截至 \(year) 年：计划 \(planned)，已拨付 \(paid) \(currency)；执行率 \(execution)，实际政府占比 \(governmentShare)")
  }

  // MARK: comment (SPEC §15)

  static let commentText = LocalizedText(en: "a quoted comment, or none", zh: "带引号的注释或 none")
  /// `comment org hw` on an entity without a comment.
  static func noComment(_ target: String) -> LocalizedText {
    LocalizedText(en: "\(target) has no comment", zh: "\(target) 没有注释")
  }

  package static var entries: [CatalogEntry] {
    [
      CatalogEntry("commentText", commentText), CatalogEntry("noComment", noComment("org hw")),
      CatalogEntry("dashIsNoFile", dashIsNoFile),
      CatalogEntry("commands", commands), CatalogEntry("kinds", kinds), CatalogEntry("byKind", byKind),
      CatalogEntry("keys", keys), CatalogEntry("attributes", attributes), CatalogEntry("example", example),
      CatalogEntry("examples", examples), CatalogEntry("kindAttributesHint", kindAttributesHint),
      CatalogEntry("violation", violation), CatalogEntry("fix", fix),
      CatalogEntry("overviewFooter", overviewFooter), CatalogEntry("idKey", idKey), CatalogEntry("aString", aString),
      CatalogEntry("theName", theName), CatalogEntry("required", required), CatalogEntry("planSettings", planSettings),
      CatalogEntry("positional", positional("value")),
      CatalogEntry("chineseNames", chineseNames(["添加", "新增"])),
      CatalogEntry("chineseTerms", chineseTerms(["instrument", "funder"], term: "项目资助", keyword: "grant")),
      CatalogEntry(
        "importHeaders", importHeaders([("id", "ID"), ("size", "企业规模")], files: "org.csv, 单位.csv, sheet org/单位")),
      CatalogEntry("anID", anID), CatalogEntry("aPath", aPath), CatalogEntry("aYear", aYear),
      CatalogEntry("keyPart", keyPart("funding", "PHASE")),
      CatalogEntry("sampleCount", sampleCount), CatalogEntry("spreadPercent", spreadPercent),
      CatalogEntry("seedNumber", seedNumber),
      CatalogEntry("robustnessFormats", robustnessFormats),
      CatalogEntry("after", after("to", aPath)),
      CatalogEntry("oneOf", oneOf(LocalizedText(en: "a format", zh: "格式"), ["text", "json"])),
      CatalogEntry("mergedFromDisk", mergedFromDisk("plan.plan", when: "2026-12-07 21:15:03")),
      CatalogEntry("saved", saved("plan.plan")), CatalogEntry("loaded", loaded("plan.plan")),
      CatalogEntry("exported", exported("out.html")),
      CatalogEntry("removed", removed([("1 consortium", "1 个创新联合体"), ("2 goals", "2 个目标")])),
      CatalogEntry("ran", ran("tour.cplan", changes: 16, counts: [(.criterion, 3), (.field, 1)])),
      CatalogEntry("undone", undone), CatalogEntry("redone", redone),
      CatalogEntry("step", step(undone, "add field F9 \"x\"")), CatalogEntry("none", none),
      CatalogEntry("more", more(12)), CatalogEntry("members", members), CatalogEntry("definedAt", definedAt),
      CatalogEntry("byDefault", byDefault), CatalogEntry("file", file), CatalogEntry("unsavedChanges", unsavedChanges),
      CatalogEntry("actuals", actuals), CatalogEntry("statusAsOf", statusAsOf(2026)),
      CatalogEntry("actualOf", actualOf(2026, "150")), CatalogEntry("expected", expected("250")),
      CatalogEntry("consortia", consortia), CatalogEntry("goals", goals), CatalogEntry("measures", measures),
      CatalogEntry("scores", scores), CatalogEntry("fieldHeader", fieldHeader), CatalogEntry("nameHeader", nameHeader),
      CatalogEntry("rankOf", rankOf(2, of: 5, score: "0.754")), CatalogEntry("notRanked", notRanked),
      CatalogEntry("year", year), CatalogEntry("source", source), CatalogEntry("planned", planned),
      CatalogEntry("paid", paid),
      CatalogEntry(
        "fundingToDate",
        fundingToDate(
          2025, planned: "20000", paid: "17500", execution: "87.5%", governmentShare: "14.3%", currency: "万元")),
    ]
  }
}
