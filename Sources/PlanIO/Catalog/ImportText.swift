import PlanLanguage
import PlanModel

/// The messages of `import` (SPEC §13) that no typed command gives: a file's container,
/// encoding and shape. A bad value, reference or key in a row is reported with the typed
/// command's own message (``Message``), at the row's cell. Codes E140–E149.
package enum ImportText: TextCatalog {
  package static func notWorkbook(_ path: String, reason: LocalizedText) -> Message {
    Message("E140", en: "'\(path)' is not an XLSX workbook: \(reason.en)", zh: "'\(path)' 不是 XLSX 工作簿：\(reason.zh)")
  }
  package static func invalidEncoding(_ encoding: String) -> Message {
    Message(
      "E141", en: "invalid byte sequence for \(encoding)", zh: "无效的 \(encoding) 字节序列",
      notes: [
        LocalizedText(
          en: "hint: save the sheet as CSV UTF-8 (Excel: CSV UTF-8; WPS: UTF-8)",
          zh: "提示：请把表格另存为 UTF-8 编码的 CSV（Excel：CSV UTF-8；WPS：UTF-8）")
      ])
  }
  package static func cellCount(found: Int, expected: Int) -> Message {
    Message(
      "E142", en: "the row has \(found) cells, the header \(expected)", zh: "该行有 \(found) 个单元格，表头有 \(expected) 个")
  }
  package static func emptyFile(_ path: String) -> Message {
    Message("E143", en: "'\(path)' has no header row", zh: "'\(path)' 没有表头行")
  }
  package static func unknownFileKind(_ name: String, suggestion: String?) -> Message {
    var m = Message(
      "E144", en: "cannot tell the kind of '\(name)' from its name; give it: --kind KIND (import … kind KIND)",
      zh: "无法从文件名 '\(name)' 判断类别；请指定：--kind KIND（import … kind KIND）")
    if let suggestion {
      m.text.en += "; did you mean '\(suggestion)'?"
      m.text.zh += "；是不是 '\(suggestion)'？"
    }
    return m
  }
  package static func missingKeyColumn(_ column: String, kind: String) -> Message {
    Message(
      "E145", en: "the header has no column '\(column)', which a \(kind) needs as part of its key",
      zh: "表头缺少 '\(column)' 列，\(kind) 的键需要它")
  }
  package static func repeatedColumn(_ column: String) -> Message {
    Message("E146", en: "column '\(column)' is given twice", zh: "列 '\(column)' 重复出现")
  }
  package static func formulaWithoutValue() -> Message {
    Message(
      "E147", en: "formula cell without a cached value", zh: "公式单元格没有缓存的计算结果",
      notes: [
        LocalizedText(
          en: "hint: open and save the workbook in Excel or WPS, which stores each formula's value",
          zh: "提示：用 Excel 或 WPS 打开并保存工作簿，以保存各公式的计算结果")
      ])
  }
  package static func badMapRule(_ reason: LocalizedText) -> Message {
    Message("E148", en: "bad map rule: \(reason.en)", zh: "映射规则有误：\(reason.zh)")
  }
  package static func badSettingRow() -> Message {
    Message("E149", en: "a settings row is a setting's name and its value", zh: "设置行应为设置项名称及其值")
  }

  // MARK: Reasons and reports

  static let notZip = LocalizedText(en: "not a zip archive", zh: "不是 zip 压缩包")
  static let noWorkbookPart = LocalizedText(en: "no xl/workbook.xml in the archive", zh: "压缩包中没有 xl/workbook.xml")
  static func badPart(_ part: String) -> LocalizedText {
    LocalizedText(en: "unreadable part \(part)", zh: "无法读取部件 \(part)")
  }
  static let mapRuleSyntax = LocalizedText(
    en: "expected 'HEADER -> COLUMN', 'COLUMN = VALUE', 'kind KIND' or 'skip HEADER'",
    zh: "应为 'HEADER -> COLUMN'、'COLUMN = VALUE'、'kind KIND' 或 'skip HEADER'")

  /// The note of E104 for a row whose entity exists, in an import without `update`.
  static let updateHint = LocalizedText(
    en: "hint: to change existing entities, add --update (in the shell: import PATH update)",
    zh: "提示：要修改已有的条目，请加上 --update（在交互环境中：import PATH update）")

  /// What an import did or would do: `added 3 org, 1 goal; updated 2 goal`; in Chinese by the
  /// kinds' names (`新增 3 个单位、1 个目标`; the settings: `修改 2 项规划设置`).
  package static func summary(added: [(String, Int)], updated: [(String, Int)], dryRun: Bool) -> LocalizedText {
    func listEn(_ counts: [(String, Int)]) -> String {
      counts.map { EnglishCount.count($0.1, $0.0 == "plan" ? "plan setting" : $0.0) }.joined(separator: ", ")
    }
    func zhList(_ counts: [(String, Int)]) -> String {
      counts.map { name, n in
        guard let kind = Kind(keyword: name) else { return "\(n) 项规划设置" }
        return "\(n) 个\(kind.chineseName)"
      }.joined(separator: "、")
    }
    var en: [String] = []
    var zh: [String] = []
    if !added.isEmpty {
      en.append((dryRun ? "would add " : "added ") + listEn(added))
      zh.append((dryRun ? "将新增 " : "新增 ") + zhList(added))
    }
    if !updated.isEmpty {
      en.append((dryRun ? "would update " : "updated ") + listEn(updated))
      zh.append((dryRun ? "将修改 " : "修改 ") + zhList(updated))
    }
    if en.isEmpty {
      return LocalizedText(en: dryRun ? "would change nothing" : "nothing changed", zh: dryRun ? "不会有任何修改" : "没有修改")
    }
    return LocalizedText(en: en.joined(separator: "; "), zh: zh.joined(separator: "；"))
  }

  package static var entries: [CatalogEntry] {
    [
      CatalogEntry("notWorkbook", notWorkbook("plan.xlsx", reason: notZip)),
      CatalogEntry("invalidEncoding", invalidEncoding("GB18030")),
      CatalogEntry("cellCount", cellCount(found: 5, expected: 4)),
      CatalogEntry("emptyFile", emptyFile("org.csv")),
      CatalogEntry("unknownFileKind", unknownFileKind("orgs.csv", suggestion: "org")),
      CatalogEntry("missingKeyColumn", missingKeyColumn("consortium", kind: "member")),
      CatalogEntry("repeatedColumn", repeatedColumn("name")),
      CatalogEntry("formulaWithoutValue", formulaWithoutValue()),
      CatalogEntry("badMapRule", badMapRule(mapRuleSyntax)),
      CatalogEntry("badSettingRow", badSettingRow()),
      CatalogEntry("notZip", notZip),
      CatalogEntry("noWorkbookPart", noWorkbookPart),
      CatalogEntry("badPart", badPart("xl/sharedStrings.xml")),
      CatalogEntry("mapRuleSyntax", mapRuleSyntax),
      CatalogEntry("updateHint", updateHint),
      CatalogEntry("summary", summary(added: [("org", 3)], updated: [("goal", 2)], dryRun: false)),
      CatalogEntry("summary", summary(added: [], updated: [("plan", 2)], dryRun: false)),
      CatalogEntry("summary", summary(added: [("org", 3)], updated: [], dryRun: true)),
      CatalogEntry("summary", summary(added: [], updated: [], dryRun: true)),
    ]
  }
}
