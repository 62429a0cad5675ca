import PlanLanguage
import Testing

@testable import PlanModel

/// Issue 17 item 6 (SPEC §15): verbs, kinds and attributes have Chinese names, each read as its
/// keyword; no name is read two ways in one position; a near miss is answered over both languages.
@Suite struct ChineseNamesTests {
  @Test func everyVerbButExitHasANameAndNoNameNamesTwoVerbs() {
    for verb in Verb.allCases where verb != .exit {
      #expect(!verb.chineseNames.isEmpty, "\(verb)")
      for name in verb.chineseNames { #expect(Verb(keyword: name) == verb, "\(name)") }
    }
    let names = Verb.allCases.flatMap(\.chineseNames)
    #expect(Set(names).count == names.count)
    #expect(Verb(keyword: "添加") == .add && Verb(keyword: "设置") == .set && Verb(keyword: "删除") == .remove)
  }

  @Test func everyKindHasItsNamesAndNoNameNamesTwoKinds() {
    for kind in Kind.allCases {
      #expect(kind.chineseNames.first == kind.chineseName)
      for name in kind.chineseNames { #expect(Kind(keyword: name) == kind, "\(name)") }
    }
    let names = Kind.allCases.flatMap(\.chineseNames)
    #expect(Set(names).count == names.count)
    // SPEC §15's own examples.
    for (name, kind) in [
      ("领域", Kind.field), ("候选领域", .field), ("联合体", .consortium), ("创新联合体", .consortium), ("目标", .goal),
      ("措施", .measure), ("资金", .funding),
    ] {
      #expect(Kind(keyword: name) == kind, "\(name)")
    }
  }

  /// Every attribute of every kind and every plan setting has a Chinese name that reads as it,
  /// and no two attributes of one kind (nor two settings) share a name.
  @Test(arguments: Kind.allCases)
  func everyAttributeOfAKindHasAChineseName(_ kind: Kind) {
    let spec = kind.spec
    let names = (spec.hasName ? ["name"] : []) + spec.attributes.map(\.name)
    var seen: [String: String] = [:]
    for name in names {
      let zh = Schema.chineseNames(ofAttribute: name)
      #expect(!zh.isEmpty, "\(kind).\(name)")
      for word in zh {
        #expect(seen.updateValue(name, forKey: word) == nil, "\(kind): \(word) names two attributes")
        let expected: KindSpec.AttributeWord =
          name == "name" ? .name : .attribute(spec.attributes.firstIndex { $0.name == name }!)
        #expect(spec.attribute(named: word) == expected, "\(kind).\(word)")
      }
    }
  }

  @Test func everyPlanSettingHasAChineseName() {
    var seen = Set<String>()
    for (i, a) in Schema.plan.enumerated() {
      let zh = Schema.chineseNames(ofAttribute: a.name)
      #expect(!zh.isEmpty, "plan.\(a.name)")
      for word in zh {
        #expect(seen.insert(word).inserted, "\(word)")
        #expect(Schema.planAttributeIndex(word) == i, "\(word)")
      }
    }
  }

  /// A statement typed in Chinese makes the entity the English one makes; 成员 and 单位 are read
  /// by their position (a kind after the verb; a role value; a goal's unit).
  @Test func aChineseStatementMakesTheEnglishOnesEntity() throws {
    func apply(_ text: String) throws -> Plan {
      var plan = Plan()
      let parsed = Parser.parse(text, file: "t")
      #expect(parsed.diagnostics.isEmpty)
      for c in parsed.commands { try plan.apply(c) }
      return plan
    }
    let zh = try apply(
      """
      设置 计划 标题 "江苏" 规划期 2025..2030
      添加 领域 F1 "新能源汽车"
      添加 单位 u1 "某大学" 类型 高校
      添加 联合体 K1 "汽车联合体" 领域 F1 建设期 2025..2029
      添加 成员 K1 u1 角色 成员 产业链位置 上游
      添加 阶段 P1 "攻关期" 期间 2025..2026
      新增 目标 G1 "产能" 阶段 P1 联合体 K1 指标 "产能" 单位 吨 基期值 0 目标值 5 方向 上升
      添加 资金 K1 P1 企业 100

      """)
    let en = try apply(
      """
      set plan title "江苏" horizon 2025..2030
      add field F1 "新能源汽车"
      add org u1 "某大学" type university
      add consortium K1 "汽车联合体" field F1 period 2025..2029
      add member K1 u1 role member chain upstream
      add phase P1 "攻关期" period 2025..2026
      add goal G1 "产能" phase P1 consortium K1 indicator "产能" unit 吨 baseline 0 target 5 direction up
      add funding K1 P1 enterprise 100

      """)
    #expect(zh.settings == en.settings)
    for kind in Kind.allCases {
      let a = zh[kind].map { ($0.key, $0.value.name, $0.value.values) }
      let b = en[kind].map { ($0.key, $0.value.name, $0.value.values) }
      #expect(a.count == b.count, "\(kind)")
      for (x, y) in zip(a, b) { #expect(x.0 == y.0 && x.1 == y.1 && x.2 == y.2, "\(kind) \(x.0)") }
    }
    #expect(zh.entity(.goal, "G1")?[Attr.Goal.unit]?.text == "吨")
  }

  /// "未知类别 '领域'" must not happen; a near miss is answered in the language it was typed in.
  @Test(arguments: [
    ("添加 领 F2 \"x\"", "E100", "领域"), ("add feild F2 \"x\"", "E100", "field"),
    ("添加 领域 F2 \"x\" 备 \"y\"", "E101", "备注"), ("设置 计划 标 \"x\"", "E101", "标题"),
    ("添加 联合 K9 \"x\"", "E100", "联合体"),
  ])
  func aNearMissIsAnsweredOverBothLanguages(line: String, code: String, suggestion: String) throws {
    var plan = Plan()
    let parsed = Parser.parse(line + "\n", file: "t")
    let command = try #require(parsed.commands.first)
    do {
      try plan.apply(command)
      Issue.record("accepted: \(line)")
    } catch {
      #expect(error.code == code)
      #expect(error.message.zh.hasSuffix("是不是 '\(suggestion)'？"), "\(error.message.zh)")
    }
  }

  @Test func anUnknownChineseVerbIsAnsweredWithTheNearestName() throws {
    let parsed = Parser.parse("添 领域 F1 \"x\"\n", file: "t")
    let d = try #require(parsed.diagnostics.first)
    #expect(d.message.zh.hasSuffix("是不是 '添加'？"), "\(d.message.zh)")
  }
}
