import PlanLanguage
import Testing

@testable import PlanModel

/// Applies each line of `text` to `plan`, failing the test on any error.
private func apply(_ text: String, to plan: inout Plan) {
  let parsed = Parser.parse(text, file: "t")
  #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
  for c in parsed.commands {
    do { try plan.apply(c) } catch { Issue.record("\(c.location.line): \(error.message.en)") }
  }
}

/// Applies one line and returns its error.
private func failure(_ line: String, on plan: Plan) -> Diagnostic? {
  var copy = plan
  let parsed = Parser.parse(line, file: "t")
  if let d = parsed.diagnostics.first { return d }
  do {
    try copy.apply(parsed.commands[0])
  } catch {
    #expect(copy == plan, "a failed command changed the plan")
    return error
  }
  return nil
}

private let base = """
  add criterion C1 "产业链" tag chain weight 0.5
  add criterion C2 "领军企业" tag leader weight 0.5
  add field F1 "汽车"
  add score F1 C1 8
  add score F1 C2 7
  add org faw "一汽" type enterprise
  add org jlu "吉大" type university
  add consortium K1 "汽车联合体" field F1
  add member K1 faw role lead chain downstream
  add member K1 jlu
  add phase P1 "一期" period 2025..2026
  add phase P2 "二期" period 2027..2028
  add goal G1 "目标一" phase P1 consortium K1 baseline 1 target 2
  add goal G2 "目标二" phase P2 consortium K1 after G1
  add measure M1 "措施" phase P1 consortium K1 instrument grant funder provincial amount 100
  add funding K1 P1 enterprise 8000
  add compare C1 C2 1/3
  """

@Suite struct EditTests {
  func make() -> Plan {
    var plan = Plan()
    apply(base, to: &plan)
    return plan
  }

  @Test func addStoresTypedValues() throws {
    let plan = make()
    let goal = try #require(plan.entity(.goal, "G2"))
    #expect(goal[Attr.Goal.after] == .refs(["G1"]))
    #expect(goal[Attr.Goal.category] == .choice("tech"))  // default
    #expect(plan[.compare][EntityKey("C1", "C2")]?[Attr.Compare.value] == .number(1.0 / 3.0))
    #expect(plan[.funding][EntityKey("K1", "P1", "enterprise")]?[Attr.Funding.amount] == .number(8000))
    #expect(plan[.member][EntityKey("K1", "jlu")]?[Attr.Member.role] == .choice("member"))
  }

  @Test func setChangesAndNoneClears() throws {
    var plan = make()
    apply("set goal G2 consortium none target 9\nset plan cutoff 2 gov-share-warn 25%", to: &plan)
    let goal = try #require(plan.entity(.goal, "G2"))
    #expect(goal.values[Attr.Goal.consortium] == nil)
    #expect(goal[Attr.Goal.target] == .number(9))
    #expect(goal.location.line == 1)
    #expect(plan.cutoff == 2)
    #expect(abs(plan.govShareWarn - 0.25) < 1e-12)
  }

  @Test func aBareNumberAfterTheKeysIsTheValueForSetToo() throws {
    var plan = make()
    apply("set funding K1 P1 enterprise 9000\nset score F1 C1 9 source \"专家打分\"\nset compare C1 C2 1/5", to: &plan)
    #expect(plan[.funding][EntityKey("K1", "P1", "enterprise")]?[Attr.Funding.amount] == .number(9000))
    #expect(plan[.score][EntityKey("F1", "C1")]?[Attr.Score.value] == .number(9))
    #expect(plan[.compare][EntityKey("C1", "C2")]?[Attr.Compare.value] == .number(0.2))
  }

  @Test func aPercentIsAcceptedWhereAPercentIsExpected() throws {
    // SPEC §15 (§2): `30%` is 0.30 for a PERCENT attribute or setting.
    var plan = make()
    apply("set plan gov-share-warn 25%\nadd org o \"O\" type enterprise rd-intensity 4.5%", to: &plan)
    #expect(plan.setting(Attr.Plan.govShareWarn) == .number(0.25))
    #expect(plan.entity(.org, "o")?[Attr.Org.rdIntensity] == .number(0.045))
  }

  /// (command, column of the value, what the message tells the user to type instead).
  static let percentsWhereNoneIsExpected: [(String, Int, String)] = [
    ("set goal G1 baseline 85%", 22, "type baseline 85, not 85%"),
    ("set goal G1 target 95.5%", 20, "type target 95.5, not 95.5%"),
    ("set criterion C1 weight 40%", 25, "type weight 40, not 40%"),
    ("set score F1 C1 value 80%", 23, "type value 80, not 80%"),
    ("add measure M2 \"x\" phase P1 amount 30%", 36, "type amount 30, not 30%"),
    ("set plan members-min 500%", 22, "type members-min 500, not 500%"),
    ("set goal G1 baseline-year 202500%", 27, "type baseline-year 202500, not 202500%"),
    ("set compare C1 C2 value 300%", 25, "type value 300, not 300%"),
  ]

  @Test(arguments: percentsWhereNoneIsExpected)
  func aPercentWhereNoneIsExpectedIsAnErrorThatSaysWhatToType(_ row: (String, Int, String)) throws {
    // SPEC §15: `baseline 85%` was silently stored as 0.85; now it is refused, located at the value.
    let d = try #require(failure(row.0, on: make()), "\(row.0) should fail")
    #expect(d.code == "E107", "\(row.0): \(d.message.en)")
    #expect(d.location?.column == row.1, "\(row.0): \(d.message.en)")
    #expect(d.message.en.contains("not a percent"), "\(d.message.en)")
    #expect(d.message.en.contains(row.2), "\(d.message.en)")
    #expect(d.message.zh.contains("不是百分数"), "\(d.message.zh)")
  }

  @Test func renameUpdatesEveryReference() throws {
    var plan = make()
    apply("rename field F1 汽车领域\nrename goal G1 G0\nrename criterion C1 链", to: &plan)
    #expect(plan.entity(.field, "F1") == nil)
    #expect(plan.entity(.consortium, "K1")?[Attr.Consortium.field] == .ref("汽车领域"))
    #expect(plan[.score][EntityKey("汽车领域", "链")] != nil)
    #expect(plan[.compare][EntityKey("链", "C2")] != nil)
    #expect(plan.entity(.goal, "G2")?[Attr.Goal.after] == .refs(["G0"]))
    // Order is kept: the renamed field is still first.
    #expect(plan[.field].keys.first == EntityKey("汽车领域"))
  }

  @Test func removeReferencedIsRefusedCascadeRemovesDependents() throws {
    var plan = make()
    let d = try #require(failure("remove consortium K1", on: plan))
    #expect(d.code == "E106")
    #expect(d.message.en.contains("member K1 faw"))
    apply("remove consortium K1 cascade", to: &plan)
    #expect(plan[.consortium].isEmpty && plan[.member].isEmpty && plan[.funding].isEmpty)
    #expect(plan[.goal].isEmpty && plan[.measure].isEmpty)  // they referred to K1
    #expect(plan[.field].count == 1)
  }

  @Test func cascadeFromAnAfterListRemovesOnlyTheLink() throws {
    var plan = make()
    apply("set goal G2 consortium none\nset goal G1 consortium none\nremove goal G1 cascade", to: &plan)
    #expect(plan.entity(.goal, "G2") != nil)
    #expect(plan.entity(.goal, "G2")?.values[Attr.Goal.after] == nil)
  }

  /// (command, code, column).
  static let failures: [(String, String, Int)] = [
    ("add field F1 \"again\"", "E104", 11),
    ("add field F1 \"again\" colour red", "E104", 11),  // the key comes first, bad attribute or not
    ("add goal G1 \"x\" phase P9", "E104", 10),
    ("add goal G3 \"x\" phase P1 phase P2", "E117", 26),
    ("add compare C2 C1 3", "E104", 13),
    ("add compare C1 C1 3", "E108", 13),
    ("set goal G9 target 3", "E105", 10),
    ("add goal G3 \"x\"", "E109", 1),
    ("add goal G3 \"x\" phase P1 after G7", "E103", 32),
    ("add goal G3 \"x\" phase P1 direction sideways", "E102", 36),
    ("add goal G3 \"x\" phase P1 baseline G1", "E107", 35),
    ("add funding K1 P1 social 5 amount 6", "E117", 28),
    ("add score F1 C1 8", "E104", 11),
    ("set score F1 C1 8 value 9", "E117", 19),
    ("set plan horizon 2030..2025", "E108", 18),
    ("set plan members-min 40 members-max 10", "E108", 22),
    ("set plan cutoff 0", "E108", 17),
    ("add measure M2 \"x\" phase P1 amount -1", "E108", 36),
    ("add measure M2 \"x\" phase P1 start 2025", "E107", 35),
    ("set plan horizon 2025-01..2026-12", "E016", 18),
    ("set plan cutoff 1.5", "E107", 17),
    ("set plan gov-share-max 150%", "E108", 24),
    ("set plan colour red", "E101", 10),
    ("add org x \"X\" type enterprise type university", "E117", 31),
    ("rename score F1 C1 F2", "E123", 8),
    ("remove field F1 cascade please", "E012", 25),
    ("set phase P1 period none", "E109", 21),
    ("add funding K1 P1 goverment 5", "E102", 19),
  ]

  @Test(arguments: failures)
  func failedCommandsChangeNothing(_ row: (String, String, Int)) throws {
    let d = try #require(failure(row.0, on: make()), "\(row.0) should fail")
    #expect(d.code == row.1, "\(row.0): \(d.message.en)")
    #expect(d.location?.column == row.2, "\(row.0): \(d.message.en)")
  }

  @Test func keywordValuesInAnyCaseAreStoredAsTheSchemaSpellsThem() throws {
    var plan = make()
    apply(
      "add org x \"X\" type ENTERPRISE size Medium\nadd member K1 x role CORE chain Upstream\n"
        + "set consortium K1 agreement Yes committee NO\nadd funding K1 P2 Provincial 10\n", to: &plan)
    let member = try #require(plan[.member][EntityKey("K1", "x")])
    #expect(member.values == ValueRow([.choice("core"), .choice("upstream")]))
    #expect(plan[.org][EntityKey("x")]?.values[Attr.Org.size] == .choice("medium"))
    let consortium = try #require(plan.entity(.consortium, "K1"))
    #expect(
      consortium[Attr.Consortium.agreement] == .flag(true) && consortium[Attr.Consortium.committee] == .flag(false))
    #expect(plan[.funding].keys.contains(EntityKey("K1", "P2", "provincial")))
    #expect(failure("set consortium K1 agreement maybe", on: plan)?.code == "E102")
    #expect(failure("set member K1 jlu role Boss", on: plan)?.code == "E102")
  }

  /// The Chinese terms the exports print for keyword values are read as those keywords, in
  /// attributes and in keys; a term of another attribute is refused like any wrong value.
  @Test func chineseTermsOfKeywordValuesAreReadAsTheKeywords() throws {
    var plan = make()
    apply(
      "add measure M2 \"揭榜挂帅\" phase P1 consortium K1 instrument 项目资助 funder 省级 amount 50\n"
        + "add org y \"Y\" type 科研院所\nadd member K1 y role 核心成员 chain 上游\nadd funding K1 P2 市级 10\n", to: &plan)
    let measure = try #require(plan.entity(.measure, "M2"))
    #expect(measure[Attr.Measure.instrument] == .choice("grant"))
    #expect(measure[Attr.Measure.funder] == .choice("provincial"))
    #expect(plan.entity(.org, "y")?[Attr.Org.type] == .choice("institute"))
    #expect(plan[.member][EntityKey("K1", "y")]?.values == ValueRow([.choice("core"), .choice("upstream")]))
    #expect(plan[.funding].keys.contains(EntityKey("K1", "P2", "municipal")))
    // 上游 is a chain position, not an instrument; 随便 is no term at all.
    #expect(failure("set measure M2 instrument 上游", on: plan)?.code == "E102")
    #expect(failure("set measure M2 instrument 随便", on: plan)?.code == "E102")
    // Every term names one keyword, and reads back as it.
    for (keyword, term) in Schema.chineseLabels { #expect(Schema.choice(forLabel: term) == keyword) }
  }

  @Test func aDuplicateDefersNoReference() throws {
    var plan = make()
    let deferred = DeferredReferences()
    let parsed = Parser.parse(
      "add goal G1 \"x\" phase P1 after G9\nadd goal G3 \"y\" phase P1 after G8 colour red\n", file: "t")
    #expect(throws: Diagnostic.self) { try plan.apply(parsed.commands[0], deferring: deferred) }
    #expect(deferred.references.isEmpty)
    // A statement that fails after its key keeps what it deferred, as it always has.
    #expect(throws: Diagnostic.self) { try plan.apply(parsed.commands[1], deferring: deferred) }
    #expect(deferred.references.map(\.ids) == [["G8"]])
    #expect(plan == make())
  }

  @Test func numbersAreWrittenWithoutExponent() {
    #expect(Format.number(0.00001) == "0.00001")
    #expect(Format.number(1.5e20) == "150000000000000000000")
    #expect(Format.number(-0.0) == "0")
    #expect(Format.number(8) == "8")
    #expect(Format.percent(0.3) == "30%")
    #expect(Format.saaty(1.0 / 3.0) == "1/3")
    #expect(Format.quoted("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"")
  }
}
