import PlanEngine
import PlanLanguage
import PlanModel
import Testing

@testable import PlanShell

/// `help`: every command, kind, rule and the plan settings, with an example each, in both languages.
@Suite struct HelpTests {
  @Test(arguments: MessageLanguage.allCases)
  func everyTopicHasHelpWithAnExample(_ language: MessageLanguage) throws {
    for topic in Help.topics where topic != "rules" {
      let text = try #require(Help.text(topic, language: language), "\(topic)")
      #expect(text.contains(language == .zh ? "示例：" : "Example"), "\(topic)")
    }
    #expect(Help.text("nonsense", language: language) == nil)
    #expect(Help.text(nil, language: language)?.contains("recover") == true)
  }

  @Test(arguments: Kind.allCases)
  func aKindListsEveryAttributeWithItsTypeAndDefault(_ kind: Kind) throws {
    let text = try #require(Help.text(kind.rawValue, language: .en, width: 1000))
    #expect(text.contains(Help.syntax(.add, kind)))
    for a in kind.spec.attributes {
      #expect(text.contains("  \(a.name)  "), "\(kind) \(a.name)")
      if let d = a.defaultValue { #expect(text.contains("[\(d.display(as: a.type))]"), "\(kind) \(a.name)") }
      if a.required { #expect(text.contains("required")) }
    }
    #expect(text.contains(kind.spec.example))
    #expect(try #require(Help.text(kind.rawValue, language: .zh)).contains(kind.chineseName))
  }

  /// A kind with keyword values says they may be typed in Chinese; one without says nothing.
  @Test func keywordValuesMayBeTypedAsChineseTerms() throws {
    // Wide enough for the sentence on one line (item 17's wrapping is HelpLayoutTests').
    let measure = try #require(Help.text("measure", language: .en, width: 1000))
    #expect(
      measure.contains(
        "Values of instrument, funder may also be typed as the Chinese terms the exports print (项目资助 for grant)."))
    #expect(
      try #require(Help.text("funding", language: .zh, width: 1000)).contains(
        "SOURCE 的取值也可以输入导出中使用的中文名称（如 中央 即 central）。"))
    #expect(try #require(Help.text("phase", language: .en)).contains("Chinese terms") == false)
  }

  /// `help KIND` lists the headers `import` reads for the kind: each column's name with its
  /// Chinese label (what the workbook export writes), so a planner need not export a workbook to
  /// find 企业规模.
  @Test(arguments: MessageLanguage.allCases)
  func aKindListsItsImportHeaders(_ language: MessageLanguage) throws {
    let org = try #require(Help.text("org", language: language))
    // Lines joined: the list wraps at 80 columns (at a space in English, after 、 in Chinese).
    let lines = org.split(separator: "\n").map { String($0.drop { $0 == " " }) }
    let joined = lines.joined(separator: language == .zh ? "" : " ")
    let expected =
      language == .zh
      ? "导入表头（org.csv、单位.csv，工作表 org 或 单位）：id、name/名称、type/类型、size/企业规模、ownership/所有制、rd-intensity/研发投入强度。"
      : "Import headers (org.csv, 单位.csv, sheet org or 单位): id, name/名称, type/类型, size/企业规模, ownership/所有制, rd-intensity/研发投入强度."
    #expect(joined.contains(expected), "\(org)")
    let from = try #require(lines.firstIndex { $0.hasPrefix(language == .zh ? "导入表头" : "Import headers") })
    for line in lines[from...].prefix(while: { !$0.isEmpty }) {
      #expect(DisplayWidth.width(line) <= 80, "\(line)")
    }
  }

  @Test func measureAndR27InChinese() throws {
    let measure = try #require(Help.text("measure", language: .zh))
    #expect(measure.hasPrefix("measure — 支持措施\n"))
    #expect(measure.contains("属性："))
    #expect(measure.contains("instrument  grant|subsidy|"))
    #expect(measure.contains("必填"))
    let r27 = try #require(Help.text("r27", language: .zh))
    #expect(r27.hasPrefix("R27（警告或错误）\n"))
    #expect(r27.contains("gov-share-max"))
    #expect(try #require(Help.text("R27", language: .en)).contains("add funding K1 P1 provincial 2000"))
  }

  /// The kinds of SPEC §11: a year key, an optional value (an actual gives a value or a status).
  @Test func actualCheckpointAndOutlayHaveTheirSyntax() throws {
    let actual = try #require(Help.text("actual", language: .en))
    #expect(actual.contains("add actual GOAL YEAR [VALUE] [ATTR VALUE]..."))
    #expect(actual.contains("  YEAR  a year (YYYY)"))
    #expect(actual.contains("status  achieved|on-track|at-risk|behind"))
    #expect(try #require(Help.text("checkpoint", language: .en)).contains("add checkpoint GOAL YEAR VALUE\n"))
    #expect(try #require(Help.text("outlay", language: .en)).contains("add outlay CONSORTIUM YEAR SOURCE AMOUNT\n"))
    #expect(try #require(Help.text("actual", language: .zh)).hasPrefix("actual — 实际值\n"))
  }

  @Test func helpAddGivesTheSyntaxOfEveryKind() throws {
    let text = try #require(Help.text("add", language: .en))
    #expect(text.contains("add score FIELD CRITERION VALUE [ATTR VALUE]..."))
    #expect(text.contains("add funding CONSORTIUM PHASE SOURCE AMOUNT\n"))
    #expect(text.contains("add member CONSORTIUM ORG [ATTR VALUE]..."))
  }

  @Test func longListsOfValuesWrapAtBars() {
    let values = Schema.instruments.joined(separator: "|")
    let lines = Help.wrap(values, width: 36)
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { DisplayWidth.width($0) <= 36 })
    #expect(lines.joined() == values)
    #expect(Help.wrap("yes or no", width: 36) == ["yes or no"])
  }

  @Test func everyRuleHasAnExampleInItsHelp() throws {
    for rule in RuleCatalog.rules {
      #expect(!rule.examples.isEmpty, "\(rule.code)")
      let help = try #require(Help.text(rule.code, language: .en, width: 1000))
      for line in rule.examples { #expect(help.contains("  \(line)\n"), "\(rule.code): \(line)") }
    }
  }

  @Test func helpRulesListsEveryRuleAndItsThresholdsWithTheirDefaults() throws {
    let help = try #require(Help.text("rules", language: .en, width: 1000))
    for rule in RuleCatalog.rules { #expect(help.contains("\n\(rule.code)  ") || help.hasPrefix("\(rule.code)  ")) }
    // The version-1 values of SPEC §7 (R15 5..30, R18 3..5 years, R19 3%, R27 30%/50%, R30 none).
    for fragment in [
      "members-min 5, members-max 30", "period-min 3, period-max 5", "rd-intensity-min 3%",
      "gov-share-warn 30%, gov-share-max 50%", "start-grace 0",
    ] {
      #expect(help.contains(fragment), "\(fragment)")
    }
    let r27 = try #require(Help.text("R27", language: .zh, width: 1000))
    #expect(r27.contains("阈值（set plan 可改）：gov-share-warn 30%、gov-share-max 50%"))
  }
}
