import PlanLanguage
import PlanModel
import Testing

@testable import PlanEngine

/// One change to the clean fixture and the one rule it must break.
struct RuleCase: CustomTestStringConvertible, Sendable {
  var rule: String
  var edits: [String]
  var severity: Diagnostic.Severity
  var testDescription: String { "\(rule): " + edits.joined(separator: "; ") }

  init(_ rule: String, _ edits: [String], severity: Diagnostic.Severity? = nil) {
    self.rule = rule
    self.edits = edits
    self.severity = severity ?? RuleCatalog.rule(rule)!.severity
  }

  /// Every rule at least once; R27 with both severities; R11 without a lead, with two, and with a
  /// lead that is not (known to be) an enterprise.
  static let all: [RuleCase] = [
    RuleCase("R01", ["set criterion C1 weight 0.5"]),
    RuleCase("R01", ["set criterion C1 weight 0", "set criterion C2 weight 0.7"]),
    RuleCase("R01", ["set criterion C3 weight none"]),
    RuleCase("R02", ["set criterion C1 scale 10..1"]),
    RuleCase("R02", ["set score F2 C1 value 11"]),
    RuleCase("R03", ["set plan weighting ahp", "add compare C1 C2 2", "add compare C1 C3 2"]),
    RuleCase("R03", ["set plan weighting ahp", "add compare C1 C2 2.5", "add compare C1 C3 2", "add compare C2 C3 1"]),
    RuleCase("R04", ["set plan weighting ahp", "add compare C1 C2 9", "add compare C2 C3 9", "add compare C3 C1 9"]),
    RuleCase("R05", ["remove score F2 C3"]),
    RuleCase("R06", ["set criterion C3 tag other"]),
    RuleCase("R07", ["add field F4 \"化工新材料\"", "add score F4 C1 6", "add score F4 C2 6", "add score F4 C3 6"]),
    RuleCase("R08", ["set score F2 C1 value 10", "set score F2 C2 value 10", "set score F2 C3 value 6.5"]),
    RuleCase("R09", ["set field F2 justification none"]),
    RuleCase("R10", ["set plan cutoff 3"]),
    RuleCase("R11", ["set member K1 faw role core"]),
    RuleCase("R11", ["set member K1 sme1 role lead"]),
    RuleCase("R11", ["set member K1 faw role core", "set member K1 jlu role lead"]),
    RuleCase("R11", ["set org faw type none"]),
    RuleCase("R12", ["set org jlu type rnd"]),
    RuleCase("R13", ["set member K1 petro chain midstream"]),
    RuleCase("R14", ["set org sme1 size large"]),
    RuleCase("R15", ["set plan members-min 6"]),
    RuleCase("R15", ["set plan members-max 4"]),
    RuleCase("R16", ["set consortium K1 ip-strategy no"]),
    RuleCase("R17", ["set measure M2 instrument scenario"]),
    // Periods that end before 2028 would leave G2 due after them (R46).
    RuleCase("R18", ["set consortium K1 period 2027..2028"]),
    RuleCase("R18", ["set consortium K1 period 2024..2028"]),
    RuleCase("R18", ["set consortium K1 period 2028..2025"]),
    RuleCase("R19", ["set org faw rd-intensity 2%"]),
    RuleCase("R20", ["set phase P3 period 2029..2031"]),
    RuleCase("R20", ["set phase P1 period 2025..2027"]),
    RuleCase("R21", ["set phase P2 period 2027..2027"]),
    RuleCase("R21", ["set phase P3 period 2029..2029"]),
    RuleCase("R22", ["set goal G9 phase P2"]),
    RuleCase("R23", ["set goal G1 target 1"]),
    RuleCase("R23", ["set goal G1 direction down"]),
    RuleCase("R24", ["set goal G2 baseline 2 target 4"]),
    RuleCase("R25", ["set goal G1 category industry", "set goal G2 category industry"]),
    RuleCase("R25", ["set goal G9 category talent"]),
    RuleCase("R26", ["set goal G2 phase P1"]),
    RuleCase("R27", ["set funding K1 P1 provincial amount 6000"], severity: .warning),
    RuleCase("R27", ["set funding K1 P1 provincial amount 20000"], severity: .error),
    RuleCase("R28", ["set measure M1 amount 5000"]),
    RuleCase("R29", ["set measure M1 instrument management"]),
    RuleCase("R30", ["set measure M7 phase P2"]),
    RuleCase("R30", ["set measure M3 start 2027-06"]),
    RuleCase("R31", ["set measure M1 agency none"]),
    RuleCase("R32", ["set goal G1 after G3"]),
    RuleCase("R33", ["set goal G3 after G2"]),
    // R34–R36 and R39 judge as of `as-of`: every goal whose baseline-year (unset: the year
    // before its phase) is before it needs an actual, else R36. G1 (P1 2025..2026): baseline 1
    // in 2024, target 5 in 2026, so expected(2025) = 1 + 4·(1/2) = 3; G3: 100 → 300, expected(2025)
    // = 200; G4: 20 → 30, expected(2025) = 25. G3 and G4 on their expectation (r = 1) are on track.
    RuleCase("R34", asOf2025 + ["add actual G1 2025 1.5"]),  // r = (1.5 − 1)/(3 − 1) = 0.25 < 70%
    RuleCase(
      "R35", ["set plan as-of 2026", "add actual G1 2026 4", "add actual G3 2026 300", "add actual G4 2026 30"]),
    RuleCase("R36", asOf2025),  // G1 has no actual in 2025..2025
    RuleCase("R37", ["add actual G1 2031 3"]),  // outside the horizon 2025..2030
    RuleCase("R37", asOf2025 + ["add actual G1 2025 3", "add actual G1 2026 4"]),  // after as-of
    RuleCase("R37", ["add actual G2 2026 5"]),  // G2's baseline-year is 2026 (P2 starts 2027)
    RuleCase("R37", ["add actual G1 2025 3 status on-track"]),  // both
    RuleCase("R37", ["add actual G1 2025 status on-track"]),  // a status on a goal with baseline and target
    RuleCase("R37", ["add outlay K1 2031 provincial 100"]),  // outside the horizon
    RuleCase("R37", asOf2025 + ["add actual G1 2025 3", "add outlay K1 2026 enterprise 100"]),  // after as-of
    RuleCase("R37", ["add checkpoint G1 2026 4"]),  // not before G1's target-year 2026
    RuleCase("R37", ["add checkpoint G1 2024 2"]),  // not after G1's baseline-year 2024
    RuleCase("R37", ["set plan as-of 2024"]),  // outside the horizon (no goal's baseline-year is before 2024)
    RuleCase("R38", ["set goal G1 target-year 2027"]),  // P1 is 2025..2026
    RuleCase("R38", ["set goal G1 baseline-year 2026"]),  // target-year 2026 not after it
    // Government share of K1's outlays to 2025: 500/(1000 + 500) = 33.3% > 30%; 1500/2500 = 60% > 50%.
    RuleCase(
      "R39",
      asOf2025 + ["add actual G1 2025 3", "add outlay K1 2025 enterprise 1000", "add outlay K1 2025 provincial 500"],
      severity: .warning),
    RuleCase(
      "R39",
      asOf2025 + ["add actual G1 2025 3", "add outlay K1 2025 enterprise 1000", "add outlay K1 2025 provincial 1500"],
      severity: .error),
    RuleCase("R45", ["set measure M1 funder none"]),
    // SPEC §15's rules and the amended R27 and R30.
    RuleCase("R27", ["set funding K1 P2 provincial amount 4000"], severity: .warning),  // P2: 4000/12000 = 33.3%
    RuleCase("R30", ["set measure M1 start none"]),  // undated
    RuleCase("R46", ["set consortium K1 period 2025..2027"]),  // G2 (P2 2027..2028) is due in 2028
    RuleCase("R47", ["add org faw2 \"一汽\" type enterprise"]),
    RuleCase("R48", ["add org ｆａｗ \"一汽集团\" type enterprise"]),
    // The expert panel (SPEC §12), from the fixture with a panel that agrees with its scores
    // (PanelRuleTests.panel); hand-computed values in PanelRuleTests.
    RuleCase(
      "R40",
      PanelRuleTests.panel + ["add judgement E1 C1 C2 9", "add judgement E1 C2 C3 9", "add judgement E1 C3 C1 9"]),
    RuleCase("R41", PanelRuleTests.panel + ["remove rating E2 F3 C3"]),
    RuleCase(
      "R42",
      PanelRuleTests.panel
        + ["C1", "C2", "C3"].flatMap { ["set rating E2 F1 \($0) value 3", "set rating E2 F3 \($0) value 9"] }),
    RuleCase("R43", PanelRuleTests.panel + ["set rating E1 F1 C1 value 11"]),
    RuleCase("R43", ["add expert E1 \"甲\"", "add judgement E1 C1 C2 1", "add compare C1 C2 1"]),
    RuleCase("R44", PanelRuleTests.panel + ["set expert E1 org jlu"]),
  ]

  /// `as-of 2025` with G3 and G4 on track and G1 left to the case.
  static let asOf2025 = ["set plan as-of 2025", "add actual G3 2025 200", "add actual G4 2025 25"]
}

@Suite("Validation rules")
struct ValidationRuleTests {
  @Test func cleanFixtureHasNoDiagnosticsAtAll() throws {
    let diagnostics = Engine.validate(try ValidationFixture.plan(), strict: true)
    #expect(diagnostics.isEmpty, "\(ValidationFixture.describe(diagnostics))")
  }

  @Test func cleanFixtureStaysCleanWithConsistentAHPJudgements() throws {
    let plan = try ValidationFixture.plan([
      "set plan weighting ahp", "add compare C1 C2 1", "add compare C1 C3 1", "add compare C3 C2 1",
    ])
    #expect(Engine.validate(plan).isEmpty)
  }

  @Test func anEmptyPlanHasNoDiagnostics() {
    #expect(Engine.validate(Plan()).isEmpty)
  }

  @Test func everyRuleHasACase() {
    // The catalog is what the rule files declare (RuleBook); every one of them is broken here.
    #expect(Set(RuleCase.all.map(\.rule)) == Set(RuleCatalog.rules.map(\.code)))
  }

  @Test(arguments: RuleCase.all)
  func oneChangeBreaksExactlyOneRule(_ rule: RuleCase) throws {
    let diagnostics = Engine.validate(try ValidationFixture.plan(rule.edits))
    #expect(Set(diagnostics.map(\.code)) == [rule.rule], "\(ValidationFixture.describe(diagnostics))")
    for d in diagnostics {
      #expect(d.severity == rule.severity)
      #expect(d.location != nil)
      #expect(d.message.en != d.message.zh)
    }
  }

  @Test(arguments: RuleCase.all)
  func everyMessageIsInChineseToo(_ rule: RuleCase) throws {
    let diagnostics = Engine.validate(try ValidationFixture.plan(rule.edits))
    #expect(!diagnostics.isEmpty)
    for d in diagnostics {
      let zh = d.message.text(.zh)
      #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "no Chinese: \(zh)")
      // No untranslated English: never three English words in a row (keywords stand alone or in pairs).
      #expect(zh.firstMatch(of: #/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/#) == nil, "English left in: \(zh)")
    }
  }

  @Test func findingsPointAtTheStatementThatLastSetTheEntity() throws {
    // Line 2 of the edits sets faw's R&D intensity: R19 points there, not at `add org faw`.
    let plan = try ValidationFixture.plan(["set plan cutoff 1", "set org faw rd-intensity 2.5%"])
    let d = try #require(Engine.validate(plan).first)
    #expect(d.code == "R19")
    #expect(d.location == SourceLocation(file: "<edit>", line: 2, column: 1))
    #expect(d.message.en.contains("faw (一汽)") && d.message.en.contains("2.5%") && d.message.en.contains("K1"))
  }

  /// R36 does not judge a goal before its phase starts (the newcomer's finding of 2026-12-07):
  /// G2 (phase P2 2027..2028) with a baseline-year of 2024 has no actual as of 2025, but its phase
  /// has not begun — nothing is missing yet; as of 2027 it is missing its 2025..2027 figures.
  @Test func noDataIsNotJudgedBeforeTheGoalsPhaseStarts() throws {
    let before = try ValidationFixture.plan(
      RuleCase.asOf2025 + ["add actual G1 2025 3", "set goal G2 baseline-year 2024"])
    #expect(Engine.validate(before).isEmpty, "\(ValidationFixture.describe(Engine.validate(before)))")
    let begun = try ValidationFixture.plan(
      RuleCase.asOf2025 + ["add actual G1 2025 3", "set goal G2 baseline-year 2024", "set plan as-of 2027"])
    let r36 = Engine.validate(begun).filter { $0.code == "R36" }.map(\.message.en)
    #expect(r36.contains { $0.contains("G2") && $0.contains("2025..2027") }, "\(r36)")
  }

  @Test func strictTurnsWarningsIntoErrors() throws {
    let plan = try ValidationFixture.plan(["set measure M1 agency none"])
    #expect(Engine.validate(plan).map(\.severity) == [.warning])
    #expect(Engine.validate(plan, strict: true).map(\.severity) == [.error])
  }

  @Test func diagnosticsAreSortedByFileAndLine() throws {
    let plan = try ValidationFixture.plan([
      "set measure M3 agency none", "set measure M1 agency none", "set measure M4 agency none",
    ])
    let lines = Engine.validate(plan).compactMap(\.location?.line)
    #expect(lines == [1, 2, 3])
  }

  @Test func resultsDoNotDependOnStatementOrder() throws {
    let broken = ValidationFixture.text
      .replacingOccurrences(of: "agency \"省科技厅\" start 2025-01", with: "start 2025-01")
      .replacingOccurrences(of: "rd-intensity 5%", with: "rd-intensity 1%")
    var lines = broken.split(separator: "\n").map(String.init)
    let header = lines.removeFirst()
    let shuffled = ([header] + lines.reversed()).joined(separator: "\n") + "\n"
    func summary(_ text: String) throws -> [String] {
      Engine.validate(try ValidationFixture.load(text, file: "x.plan")).map { "\($0.code) \($0.message.en)" }.sorted()
    }
    let original = try summary(broken)
    #expect(original.count == 2)
    #expect(try summary(shuffled) == original)
  }

  // MARK: Messages name the entities and the numbers

  @Test(arguments: [
    (["set criterion C1 weight 0.5"], ["0.5 + C2 0.3 + C3 0.3 = 1.1", "sum to 1.1"]),
    (["set funding K1 P1 provincial amount 20000"], ["56.8%", "21000", "37000", "gov-share-max 50%"]),
    (["set funding K1 P1 provincial amount 6000"], ["30.4%", "gov-share-warn 30%"]),
    (
      ["set plan weighting ahp", "add compare C1 C2 9", "add compare C2 C3 9", "add compare C3 C1 9"],
      ["CR = ", "RI = 0.58", "n = 3"]
    ),
    (["set member K1 sme1 role lead"], ["2 lead members (faw, sme1)"]),
    (["set org faw type none"], ["has no type"]),
    (["set measure M1 amount 5000"], ["5000", "1000", "M1", "P1", "provincial"]),
    (["set phase P2 period 2027..2027"], ["gap 2028..2028 between P2 and P3"]),
    (["set goal G2 baseline 2 target 4"], ["target 4", "target 5 of G1", "P1"]),
    (["set goal G1 after G3"], ["G1 → G3 → G1"]),
    (["set plan members-min 6"], ["5 members", "6..30"]),
    // G1: baseline 1 (2024) → target 5 (2026). expected(2025) = 3; r = (1.5 − 1)/(3 − 1) = 25%.
    (RuleCase.asOf2025 + ["add actual G1 2025 1.5"], ["G1 (整车技术攻关)", "2025 actual 1.5", "expected 3", "25%"]),
    // With a checkpoint 2 in 2025 the expectation bends: r = (1.5 − 1)/(2 − 1) = 50%.
    (
      RuleCase.asOf2025 + ["add checkpoint G1 2025 2", "add actual G1 2025 1.5"],
      ["2025 actual 1.5", "expected 2", "50%"]
    ),
    (
      ["set plan as-of 2026", "add actual G1 2026 4", "add actual G3 2026 300", "add actual G4 2026 30"],
      ["2026 actual 4", "target 5 due in 2026"]
    ),
    (RuleCase.asOf2025, ["G1 (整车技术攻关)", "2025..2025", "baseline year 2024"]),
    (["add actual G1 2031 3"], ["actual G1 2031", "2031", "2025..2030"]),
    (["add checkpoint G1 2026 4"], ["baseline year 2024", "target year 2026"]),
    (["set goal G1 target-year 2027"], ["2027", "2025..2026"]),
    // K1's outlays to 2025: government 500 of 1500 = 33.3%; 1500 of 2500 = 60%.
    (
      RuleCase.asOf2025 + [
        "add actual G1 2025 3", "add outlay K1 2025 enterprise 1000", "add outlay K1 2025 provincial 500",
        "add outlay K1 2026 provincial 9000",
      ],
      ["33.3%", "500 of 1500", "to 2025", "gov-share-warn 30%"]
    ),
    (
      RuleCase.asOf2025 + [
        "add actual G1 2025 3", "add outlay K1 2025 enterprise 1000", "add outlay K1 2025 provincial 1500",
      ],
      ["60%", "1500 of 2500", "gov-share-max 50%"]
    ),
  ])
  func messagesNameTheNumbers(edits: [String], fragments: [String]) throws {
    let messages = Engine.validate(try ValidationFixture.plan(edits)).map(\.message.en).joined(separator: "\n")
    for fragment in fragments { #expect(messages.contains(fragment), "\(fragment) not in \(messages)") }
  }

  @Test func r11ReportsAnOrgThatIsNotAnEnterpriseAtTheMember() throws {
    let plan = try ValidationFixture.plan(["set member K1 faw role core", "set member K1 jlu role lead"])
    let d = try #require(Engine.validate(plan).first)
    #expect(d.message.en == "the lead of K1, jlu (吉林大学), is a university, not an enterprise")
    #expect(d.message.zh == "K1 的牵头单位 jlu（吉林大学）是高校（university），不是企业")
    #expect(d.location?.line == 2)
  }

  @Test func r20ReversedPhaseAlsoLeavesTheHorizonUncovered() throws {
    #expect(ValidationFixture.codes(try ValidationFixture.plan(["set phase P3 period 2030..2029"])) == ["R20", "R21"])
  }

  @Test func r04IsReportedAtTheJudgementThatDepartsMost() throws {
    // C1 ≈ C2 ≈ C3 by two judgements; the third says C1 is 9 times C3.
    let plan = try ValidationFixture.plan([
      "set plan weighting ahp", "add compare C1 C2 1", "add compare C2 C3 1", "add compare C1 C3 9",
    ])
    let d = try #require(Engine.validate(plan).first)
    #expect(d.code == "R04")
    #expect(d.location?.line == 4)
    #expect(d.message.en.contains("C1 C3 = 9"))
  }

  /// One of a thing reads as one: "1 year", "the plan's only goal" (not "1 years", "1 goals").
  @Test func messagesCountInTheSingular() throws {
    let oneYear = try #require(
      Engine.validate(try ValidationFixture.plan(["set consortium K1 period 2025..2025"])).first)
    #expect(oneYear.message.en.hasSuffix("lasts 1 year, not 3 to 5"))
    let twoYears = try #require(
      Engine.validate(try ValidationFixture.plan(["set consortium K1 period 2025..2026"])).first)
    #expect(twoYears.message.en.hasSuffix("lasts 2 years, not 3 to 5"))
    let onlyGoal = try ValidationFixture.load(
      "# cplan plan 1\nadd phase P1 \"攻关期\" period 2025..2026\nadd goal G1 \"目标\" phase P1 category tech\n",
      file: "one.plan")
    let r25 = Engine.validate(onlyGoal).filter { $0.code == "R25" }.map(\.message.en)
    #expect(r25 == ["the plan's only goal is not an ecosystem goal (category ecosystem)"])
  }

  @Test func rankingRulesAreSkippedWhenTheRankingCannotBeTrusted() throws {
    // A missing score blocks the ranking: R05 alone, no R07–R10 built on a partial table.
    let plan = try ValidationFixture.plan(["remove score F1 C1", "set plan cutoff 3"])
    #expect(ValidationFixture.codes(plan) == ["R05"])
  }

  // MARK: Thresholds are plan settings (SPEC §15)

  /// Each threshold moved past the case that breaks its rule silences it; left at its default
  /// the rule still fires (the cases above).
  @Test(arguments: [
    // 2027..2028 lasts 2 years: within 2..5.
    (["set consortium K1 period 2027..2028", "set plan period-min 2"], "R18"),
    // faw at 2% against a minimum of 1.5%.
    (["set org faw rd-intensity 2%", "set plan rd-intensity-min 1.5%"], "R19"),
    // M3 starts 2027-06, five months after P2 begins (2027-01): within a grace of 5 months.
    (["set measure M3 start 2027-06", "set plan start-grace 5"], "R30"),
    // a12 = 2, a23 = 2, a13 = 1: λmax = 3.2174, CI = 0.1087, CR = CI/0.58 = 0.187 (numpy
    // eigvals) — above 0.10, within 0.2.
    (
      [
        "set plan weighting ahp", "add compare C1 C2 2", "add compare C2 C3 2", "add compare C1 C3 1",
        "set plan cr-max 0.2",
      ],
      "R04"
    ),
    // F2 at 10, 10, 6.5 against F1's 9: with C3's weight w, the others keeping their 4:3
    // proportion, F2 = 10 − 3.5·w, above 9 once w < 0.2857, a move of 4.76% of 0.30. A 10% move
    // (w = 0.27: F2 = 9.055) changes the top 1; a 4% move (w = 0.288: F2 = 8.992) does not.
    (
      [
        "set score F2 C1 value 10", "set score F2 C2 value 10", "set score F2 C3 value 6.5",
        "set plan weight-move 4%",
      ], "R08"
    ),
  ])
  func aThresholdSettingMovesTheRule(edits: [String], rule: String) throws {
    let broken = try ValidationFixture.plan(Array(edits.dropLast()))
    #expect(ValidationFixture.codes(broken) == [rule])
    #expect(ValidationFixture.codes(try ValidationFixture.plan(edits)).isEmpty)
  }

  @Test func thresholdsShowInTheMessages() throws {
    // Both consortia run 2025..2028: 4 years.
    let r18 = try ValidationFixture.plan(["set plan period-max 3"])
    #expect(
      Engine.validate(r18).map(\.message.en) == [
        "the period 2025..2028 of consortium K1 (汽车联合体) lasts 4 years, not 3 to 3",
        "the period 2025..2028 of consortium K2 (碳纤维联合体) lasts 4 years, not 3 to 3",
      ])
    // faw leads at 5%, jcf at 4%.
    let r19 = try ValidationFixture.plan(["set plan rd-intensity-min 4.5%"])
    #expect(
      Engine.validate(r19).map(\.message.en) == [
        "the lead enterprise jcf (吉林化纤) of K2 has an R&D intensity of 4%, below 4.5%"
      ])
  }

  // MARK: R45

  @Test func r45NamesTheMeasureAndItsAmount() throws {
    let plan = try ValidationFixture.plan(["set measure M4 funder none"])
    let d = try #require(Engine.validate(plan).first)
    #expect(d.code == "R45" && d.severity == .warning && d.location?.line == 1)
    #expect(d.message.en == "measure M4 (揭榜挂帅) has an amount of 800 万元 but no funder; name who pays it (funder)")
    #expect(d.message.zh == "措施 M4（揭榜挂帅）有金额 800 万元，但没有出资方；请注明出资方（funder）")
  }

  /// A measure without an amount needs no funder; an amount of 0 is an amount; a plan-wide
  /// measure is judged too.
  @Test(arguments: [
    (["set measure M1 funder none amount none"], false),
    (["set measure M1 funder none amount 0"], true),
    (["set measure M7 funder none"], true),
  ])
  func r45(edits: [String], fires: Bool) throws {
    #expect(ValidationFixture.codes(try ValidationFixture.plan(edits)) == (fires ? ["R45"] : []))
  }

  // MARK: SPEC §15: R27 per phase, R30 undated, R46, R47, a baseline-year after the horizon

  /// K1's lines: P1 enterprise 8000 + provincial 1000; P2 enterprise 8000 + provincial 4000.
  /// P2 alone: 4000 / 12000 = 33.3% > 30%; all phases: 5000 / 21000 = 23.8%, within the cap.
  @Test func r27JudgesEachPhase() throws {
    let plan = try ValidationFixture.plan(["set funding K1 P2 provincial amount 4000"])
    let findings = Engine.validate(plan)
    let d = try #require(findings.first)
    #expect(findings.count == 1)
    #expect(d.code == "R27" && d.severity == .warning)
    // At P2's first line of K1, the statement `add funding K1 P2 enterprise 8000`.
    let line = try #require(
      ValidationFixture.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
        $0.hasPrefix("add funding K1 P2 enterprise")
      })
    #expect(d.location?.file == "fixture.plan" && d.location?.line == line + 1)
    #expect(
      d.message.en
        == "the government share of consortium K1 (汽车联合体)'s funding in phase P2 is 33.3% (provincial 4000 of 12000 万元), above gov-share-warn 30%"
    )
    #expect(d.message.zh == "联合体 K1（汽车联合体）阶段 P2 资金中政府出资占比 33.3%（省级 4000，共 12000 万元），超过 gov-share-warn 30%")
  }

  /// P2 at 3000 / 4000 = 75% government is an error even though all phases together,
  /// 4000 / 13000 = 30.8%, only warn (the phase's finding first: its first line was last set
  /// by an `<edit>`, which sorts before `fixture.plan`); a consortium funded in one phase gets one finding.
  @Test(arguments: [
    (
      ["set funding K1 P2 enterprise amount 1000", "set funding K1 P2 provincial amount 3000"],
      [Diagnostic.Severity.error, .warning]
    ),
    (
      [
        "remove funding K1 P2 enterprise", "remove funding K1 P2 provincial",
        "set funding K1 P1 provincial amount 4000",
      ], [.warning]
    ),
  ])
  func r27PhaseAndTotal(edits: [String], severities: [Diagnostic.Severity]) throws {
    let findings = Engine.validate(try ValidationFixture.plan(edits)).filter { $0.code == "R27" }
    #expect(findings.map(\.severity) == severities)
  }

  @Test func r30WarnsOfAnUndatedMeasure() throws {
    let plan = try ValidationFixture.plan(["set measure M4 start none"])
    let d = try #require(Engine.validate(plan).first)
    #expect(d.code == "R30" && d.severity == .warning)
    #expect(
      d.message.en
        == "measure M4 (揭榜挂帅) has no start month, so it cannot be checked against its phase P1, which begins 2025-01; set start"
    )
    #expect(d.message.zh == "措施 M4（揭榜挂帅）没有开始月份，无法与所属阶段 P1（2025-01 开始）核对；请设置开始月份（start）")
  }

  /// `start-grace` is the months a measure may start after its phase: M3 (P2 from 2027-01) at
  /// 2027-03 is 2 months late.
  @Test(arguments: [(0, true), (1, true), (2, false), (6, false)])
  func r30Grace(months: Int, fires: Bool) throws {
    let plan = try ValidationFixture.plan(["set measure M3 start 2027-03", "set plan start-grace \(months)"])
    #expect(ValidationFixture.codes(plan) == (fires ? ["R30"] : []))
  }

  @Test func r46NamesTheGoalAndBothYears() throws {
    let plan = try ValidationFixture.plan(["set consortium K1 period 2025..2027"])
    let d = try #require(Engine.validate(plan).first)
    #expect(d.code == "R46" && d.severity == .warning)
    #expect(
      d.message.en
        == "goal G2 (整车规模化) is due in 2028, after consortium K1 (汽车联合体)'s period 2025..2027 ends; set its target-year or the consortium's period"
    )
  }

  /// A goal's own target-year counts before its phase's end; a goal due in the consortium's last
  /// year is on time; plan-wide goals (G9, P3 2029..2030) are not judged.
  @Test(arguments: [
    (["set consortium K1 period 2025..2027", "set goal G2 target-year 2027"], false),
    (["set consortium K2 period 2025..2027", "set goal G5 target-year 2027"], false),
    (["set consortium K2 period 2025..2027"], true),
    (["set goal G9 target-year 2030"], false),
  ])
  func r46(edits: [String], fires: Bool) throws {
    #expect(ValidationFixture.codes(try ValidationFixture.plan(edits)).contains("R46") == fires)
  }

  @Test func r47NamesBothOrgs() throws {
    let plan = try ValidationFixture.plan(["add org faw2 \" 一汽 \" type enterprise"])
    let d = try #require(Engine.validate(plan).first)
    #expect(d.code == "R47" && d.severity == .warning && d.location?.file == "<edit>")
    #expect(
      d.message.en
        == "org faw2 has the same name as org faw (\"一汽\"); if they are one organisation, keep one ID and remove the other, else tell them apart by name"
    )
  }

  /// Names differ by a character, or the second org has none: no finding.
  @Test(arguments: [["add org faw2 \"一汽集团\" type enterprise"], ["add org faw2 type enterprise"]])
  func r47Silent(edits: [String]) throws {
    #expect(ValidationFixture.codes(try ValidationFixture.plan(edits)).isEmpty)
  }

  /// A baseline-year after the horizon (2025..2030) leaves no target-year after it: R38.
  @Test func aBaselineYearAfterTheHorizonIsFound() throws {
    let plan = try ValidationFixture.plan(["set goal G9 baseline-year 2031"])
    let findings = Engine.validate(plan)
    #expect(findings.map(\.code) == ["R38"])
    #expect(findings.first?.message.en == "goal G9 (产业生态)'s target year 2030 is not after its baseline year 2031")
  }
}
