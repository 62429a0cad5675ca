import Foundation
import PlanIO
import PlanLanguage
import PlanModel
import Testing

@testable import PlanEngine

/// Rules R40–R44 and the panel's wiring (SPEC §12), from the clean fixture with a panel: two
/// experts, E1 (weight 2) and E2, whose ratings replace every score with the same values (so the
/// aggregated scores, the ranking and every verdict of R01–R39 stay as they were).
@Suite("Panel rules")
struct PanelRuleTests {
  /// The fixture's scores: F1 9, F2 6, F3 3 on every criterion.
  static let scores: [(String, String, Int)] = ["F1", "F2", "F3"].enumerated().flatMap { f, field in
    ["C1", "C2", "C3"].map { (field, $0, 9 - 3 * f) }
  }

  /// Every score replaced by E1's and E2's ratings of the same value.
  static let panel: [String] =
    ["add expert E1 \"甲专家\" weight 2", "add expert E2 \"乙专家\""]
    + scores.flatMap { f, c, v in
      ["remove score \(f) \(c)", "add rating E1 \(f) \(c) \(v)", "add rating E2 \(f) \(c) \(v)"]
    }

  static func validate(_ edits: [String]) throws -> [Diagnostic] {
    Engine.validate(try ValidationFixture.plan(panel + edits))
  }

  @Test func aPanelThatAgreesWithTheScoresHasNoDiagnostics() throws {
    let diagnostics = try Self.validate([])
    #expect(diagnostics.isEmpty, "\(ValidationFixture.describe(diagnostics))")
    // The ranking is the fixture's: F1 (9) > F2 (6) > F3 (3), scores (x − 1)/9.
    let ranking = try PlanRanking.compute(try ValidationFixture.plan(Self.panel), method: nil, sensitivity: false)
    #expect(ranking.rows.map(\.field) == ["F1", "F2", "F3"])
    #expect(abs(ranking.rows[0].score - 8.0 / 9) < 1e-12)
    #expect(ranking.consensus?.w == 1)
  }

  @Test func r40AnExpertsOwnInconsistency() throws {
    // E1: C1/C2 = 9, C2/C3 = 9, C3/C1 = 9, a cycle. The matrix [[1,9,1/9],[1/9,1,9],[9,1/9,1]] is
    // circulant: λmax = 1 + 9 + 1/9 = 91/9 = 10.1111, CI = (91/9 − 3)/2 = 32/9 = 3.5556,
    // CR = CI/RI(3) = 3.5556/0.58 = 6.1303 (numpy: max(np.linalg.eigvals(A).real) = 10.1111).
    let d = try Self.validate([
      "add judgement E1 C1 C2 9", "add judgement E1 C2 C3 9", "add judgement E1 C3 C1 9",
    ])
    #expect(Set(d.map(\.code)) == ["R40"], "\(ValidationFixture.describe(d))")
    let message = try #require(d.first).message.en
    #expect(message.contains("E1 (甲专家)") && message.contains("CR = 6.1303") && message.contains("λmax = 10.1111"))
    #expect(d.first?.severity == .warning && d.first?.location?.line == Self.panel.count + 3)
  }

  @Test func r41AnExpertWhoLeftACellUnrated() throws {
    let d = try Self.validate(["remove rating E2 F3 C3"])
    #expect(Set(d.map(\.code)) == ["R41"], "\(ValidationFixture.describe(d))")
    #expect(
      d.count == 1 && d[0].message.en.contains("E2 (乙专家) has not rated 1 of 9") && d[0].message.en.contains("F3 C3"))
  }

  @Test func r41WithAHPAnExpertWhoLeftAPairUnjudged() throws {
    let d = try Self.validate([
      "set plan weighting ahp", "add judgement E1 C1 C2 1", "add judgement E1 C1 C3 1", "add judgement E1 C2 C3 1",
      "add judgement E2 C1 C2 1", "add judgement E2 C1 C3 1",
    ])
    #expect(Set(d.map(\.code)) == ["R41"], "\(ValidationFixture.describe(d))")
    #expect(d.count == 1 && d[0].message.en.contains("E2 (乙专家) has not judged 1 of 3 pairs of criteria (C2 C3)"))
  }

  @Test func r42ExpertsWhoRankTheFieldsOppositeWays() throws {
    // E2 rates F1 3 and F3 9 everywhere: the weighted means (v = 2, 1) are F1 (2·9 + 3)/3 = 7,
    // F2 6, F3 (2·3 + 9)/3 = 5, so the group ranks F1 > F2 > F3 as E1 does, E2 the reverse.
    // Mid-ranks E1 (1, 2, 3), E2 (3, 2, 1): Rᵢ = (4, 4, 4) = m(n + 1)/2, S = 0, W = 0 < 0.5.
    // ρ(E1, group) = 1, ρ(E2, group) = −1: the outlier is E2.
    let d = try Self.validate(
      ["C1", "C2", "C3"].flatMap { c in ["set rating E2 F1 \(c) value 3", "set rating E2 F3 \(c) value 9"] })
    #expect(Set(d.map(\.code)) == ["R42"], "\(ValidationFixture.describe(d))")
    let message = try #require(d.first).message.en
    #expect(message.contains("W = 0 < 0.5") && message.contains("over 3 fields"))
    #expect(message.contains("the outlier is E2 (乙专家), ρ = -1 with the group"))
  }

  @Test(arguments: [
    // Outside C1's scale 1..10 (the mean (11 + 9)/2 = 10 is within it: not R02).
    ["set rating E1 F1 C1 value 11"],
    // ≤ 0 under geomean, on a scale that allows 0.
    ["set criterion C1 scale 0..10", "set plan rating-aggregate geomean", "set rating E1 F1 C1 value 0"],
    // A score beside the ratings of F1 on C1.
    ["add score F1 C1 9"],
  ])
  func r43RatingsTheRankingCannotUse(_ edits: [String]) throws {
    let d = try Self.validate(edits)
    #expect(Set(d.map(\.code)) == ["R43"], "\(ValidationFixture.describe(d))")
    #expect(d.allSatisfy { $0.severity == .error })
    // R43 is an error in the ranking basis: the plan cannot be ranked.
    #expect(throws: Diagnostic.self) {
      try PlanRanking.compute(try ValidationFixture.plan(Self.panel + edits), method: nil, sensitivity: false)
    }
  }

  @Test(arguments: [
    (["add expert E1 \"甲\"", "add judgement E1 C1 C2 1", "add compare C1 C2 1"], "both compare (1)"),
    (["add expert E1 \"甲\"", "add judgement E1 C1 C2 2.5"], "E1 C1 C2 = 2.5 is not a Saaty value"),
  ])
  func r43JudgementsTheRankingCannotUse(_ edits: [String], says: String) throws {
    let d = Engine.validate(try ValidationFixture.plan(edits))
    #expect(Set(d.map(\.code)) == ["R43"], "\(ValidationFixture.describe(d))")
    #expect(d.contains { $0.message.en.contains(says) })
  }

  @Test func r43AJudgementInBothOrdersInAPlanFile() throws {
    // The shell refuses the second order; a plan file may hold both.
    let text =
      ValidationFixture.text.replacingOccurrences(of: "# cplan plan 1\n", with: "# cplan plan 2\n")
      + "add expert E1 \"甲\"\nadd judgement E1 C1 C2 3\nadd judgement E1 C2 C1 3\n"
    let d = Engine.validate(try ValidationFixture.load(text, file: "both.plan"))
    #expect(d.map(\.code) == ["R43"] && d[0].message.en.contains("judges C2 and C1 twice"))
  }

  @Test func r44AnExpertRatesTheFieldOfTheirEmployersConsortium() throws {
    // jlu is a member of K1, whose field is F1; E1 works for jlu and rates F1.
    let d = try Self.validate(["set expert E1 org jlu"])
    #expect(Set(d.map(\.code)) == ["R44"], "\(ValidationFixture.describe(d))")
    #expect(d.count == 1 && d[0].message.en.contains("E1 (甲专家) works for jlu, a member of consortium K1 (汽车联合体)"))
  }

  // MARK: Bad input

  @Test(arguments: [
    ("add rating E9 F1 C1 8", "unknown expert 'E9'; did you mean 'E1'?"),
    ("add rating E1 F9 C1 8", "unknown field 'F9'; did you mean 'F1'?"),
    ("add rating E1 F1 C9 8", "unknown criterion 'C9'; did you mean 'C1'?"),
    ("add judgement E1 C1 C1 3", "a criterion is not compared with itself"),
    ("add judgement E1 C2 C1 3", "already exists"),
    ("add expert E3 \"丙\" weight 0", "an expert's weight is greater than 0"),
    ("add expert E3 \"丙\" weight -1", "an expert's weight is greater than 0"),
  ])
  func editsThatAreRefused(_ edit: String, says: String) throws {
    var plan = try ValidationFixture.plan(["add expert E1 \"甲\"", "add judgement E1 C1 C2 3"])
    #expect {
      try ValidationFixture.apply([edit], to: &plan)
    } throws: { error in
      "\(error)".contains(says)
    }
  }

  @Test func entropyWeightingWithOneFieldCannotRank() throws {
    let plan = try ValidationFixture.load(
      """
      # cplan plan 2
      set plan weighting entropy
      add criterion C1 "链"
      add criterion C2 "领"
      add field F1 "一"
      add score F1 C1 5
      add score F1 C2 6

      """, file: "one.plan")
    #expect {
      try PlanRanking.compute(plan, method: nil, sensitivity: false)
    } throws: { error in
      (error as? Diagnostic)?.message.en.contains("entropy weighting needs at least 2 fields") == true
    }
  }

  @Test func entropyWeightsAreThoseOfTheScores() throws {
    // Every criterion's column is (9, 6, 3): equal entropies, so equal weights 1/3.
    let ranking = try PlanRanking.compute(
      try ValidationFixture.plan(["set plan weighting entropy"]), method: nil, sensitivity: false)
    #expect(ranking.weights.allSatisfy { abs($0 - 1.0 / 3) < 1e-12 })
  }

  @Test(arguments: [
    (PlanRanking.RobustnessOptions(samples: 0), "samples 0: robustness needs at least 1 sample"),
    (PlanRanking.RobustnessOptions(spread: 1.5), "spread 150%: the spread is at least 0% and below 100%"),
  ])
  func robustnessOptionsOutOfRange(_ options: PlanRanking.RobustnessOptions, says: String) throws {
    let plan = try ValidationFixture.plan()
    #expect {
      try PlanRanking.compute(plan, method: nil, sensitivity: false, robustness: options)
    } throws: { error in
      (error as? Diagnostic)?.message.en.contains(says) == true
    }
  }

  @Test func aPairEveryExpertLeftUnjudgedIsMissing() throws {
    let d = try Self.validate([
      "set plan weighting ahp", "add judgement E1 C1 C2 1", "add judgement E1 C1 C3 1", "add judgement E2 C1 C2 1",
      "add judgement E2 C1 C3 1",
    ])
    let r03 = d.filter { $0.code == "R03" }
    #expect(r03.count == 1 && r03[0].message.en.contains("criterion C3 (科教资源) is not compared with C2"))
  }
}
