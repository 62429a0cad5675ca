import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanEngine

/// The sample plan and small plans for ranking through the whole engine.
enum RankingPlans {
  /// `plans/jilin-2025-2030.plan` at the repository's root.
  static var sampleURL: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("plans/jilin-2025-2030.plan")
  }

  static func sample() throws -> Plan {
    try ValidationFixture.load(String(decoding: try Data(contentsOf: sampleURL), as: UTF8.self), file: "jilin.plan")
  }

  /// The 3 × 4 table of ``RankingFixtures/table`` as a plan: C3 a cost criterion on 0..100.
  static let table = """
    # cplan plan 1
    set plan cutoff 1
    add criterion C1 "产业链" tag chain weight 0.4
    add criterion C2 "领军企业" tag leader weight 0.3
    add criterion C3 "投入成本" type cost scale 0..100 weight 0.2
    add criterion C4 "科教资源" tag science weight 0.1
    add field F1 "甲"
    add field F2 "乙"
    add field F3 "丙"
    add score F1 C1 9
    add score F1 C2 7
    add score F1 C3 30
    add score F1 C4 8
    add score F2 C1 6
    add score F2 C2 9
    add score F2 C3 50
    add score F2 C4 7
    add score F3 C1 8
    add score F3 C2 5
    add score F3 C3 20
    add score F3 C4 9

    """

  static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    a.map { abs($0 - b) <= tolerance } ?? false
  }
}

@Suite("Ranking a plan")
struct PlanRankingTests {
  /// numpy (see /tmp-free recipe in ``AHPTests``): eig of the DOMAIN.md judgements, then
  ///     N = (X-1)/9; S = N @ w
  ///     V = X/np.sqrt((X**2).sum(0))*w; C = d⁻/(d⁺+d⁻)
  /// with X the sample's scores (F1 9 9 7 8, F2 8 7 5 9, F3 6 6 9 7, F4 7 8 6 6, F5 8 6 5 6).
  static let jilinWeights = [0.23123597761125328, 0.19454843139268455, 0.1484311819921243, 0.4257844090039378]
  static let jilinWeighted = [
    0.8085948030013126, 0.7539936035149866, 0.6523419949978122, 0.6244814267107358, 0.5904489748033758,
  ]
  static let jilinTOPSIS = [
    0.702092921835555, 0.6315884999794413, 0.3903415641553348, 0.24707295484151806, 0.219218666881897,
  ]

  @Test func sampleAHPWeightsAndConsistencyMatchTheDomainFigures() throws {
    let ranking = try PlanRanking.compute(try RankingPlans.sample(), method: nil, sensitivity: false)
    #expect(ranking.criteria == ["C1", "C2", "C3", "C4"])
    for (w, expected) in zip(ranking.weights, [0.2312, 0.1945, 0.1484, 0.4258]) { #expect(abs(w - expected) < 5e-5) }
    for (w, expected) in zip(ranking.weights, Self.jilinWeights) { #expect(abs(w - expected) < 1e-9) }
    let c = try #require(ranking.consistency)
    #expect(abs(c.lambdaMax - 4.0458) < 5e-5)
    #expect(abs(c.cr - 0.0170) < 5e-5)
    #expect(abs(c.cr - 0.016970105370909302) < 1e-9)
    #expect(c.ri == 0.90)
  }

  @Test(arguments: [("weighted", jilinWeighted), ("topsis", jilinTOPSIS)])
  func sampleScoresMatchNumpy(method: String, scores: [Double]) throws {
    let ranking = try PlanRanking.compute(try RankingPlans.sample(), method: method, sensitivity: false)
    #expect(ranking.method == method)
    #expect(ranking.rows.map(\.field) == ["F1", "F2", "F3", "F4", "F5"])
    #expect(ranking.rows.map(\.rank) == [1, 2, 3, 4, 5])
    for (row, expected) in zip(ranking.rows, scores) { #expect(abs(row.score - expected) < 1e-9) }
    #expect(ranking.rows[0].name == "新能源与智能网联汽车")
  }

  @Test func sampleWeightedSensitivityMatchesNumpy() throws {
    // numpy: for each j and field i, D(t) = S_i(t) − S_F1(t) with the other weights rescaled;
    // the crossing t = D(0)/(D(0) − D(1)) nearest wⱼ: C3 0.5000000000000001 (F3), C4 0.6149849573464183 (F2).
    let ranking = try PlanRanking.compute(try RankingPlans.sample(), method: "weighted", sensitivity: true)
    let s = try #require(ranking.sensitivity)
    #expect(s.map(\.criterion) == ["C1", "C2", "C3", "C4"])
    #expect(s[0].flipAt == nil && s[1].flipAt == nil)
    #expect(RankingPlans.close(s[2].flipAt, 0.5000000000000001))
    #expect(RankingPlans.close(s[3].flipAt, 0.6149849573464183))
    #expect(s[2].overtakenBy == "F3" && s[3].overtakenBy == "F2")
  }

  @Test func tableScoresAndFlipPointsThroughAPlan() throws {
    // numpy (RankingFixtures.table's recipe): S = [0.7733333333333334, 0.6555555555555556, 0.6933333333333334],
    // C = [0.6731924895597076, 0.4205599508681965, 0.5326468237886296]; weighted flips
    // C1 0.0721649484536085 (F2), C2 0.5424836601307191 (F2), C3 0.5555555555555551 (F3), C4 0.4767441860465117 (F3).
    let plan = try ValidationFixture.load(RankingPlans.table, file: "table.plan")
    let weighted = try PlanRanking.compute(plan, method: "weighted", sensitivity: true)
    let scores = Dictionary(uniqueKeysWithValues: weighted.rows.map { ($0.field, $0.score) })
    #expect(RankingPlans.close(scores["F1"], 0.7733333333333334))
    #expect(RankingPlans.close(scores["F2"], 0.6555555555555556))
    #expect(RankingPlans.close(scores["F3"], 0.6933333333333334))
    #expect(weighted.rows.map(\.field) == ["F1", "F3", "F2"])
    let flips = try #require(weighted.sensitivity).map(\.flipAt)
    for (flip, expected) in zip(
      flips, [0.0721649484536085, 0.5424836601307191, 0.5555555555555551, 0.4767441860465117])
    {
      #expect(RankingPlans.close(flip, expected))
    }
    let topsis = try PlanRanking.compute(plan, method: "topsis", sensitivity: false)
    let closeness = Dictionary(uniqueKeysWithValues: topsis.rows.map { ($0.field, $0.score) })
    #expect(RankingPlans.close(closeness["F1"], 0.6731924895597076))
    #expect(RankingPlans.close(closeness["F2"], 0.4205599508681965))
    #expect(RankingPlans.close(closeness["F3"], 0.5326468237886296))
    #expect(topsis.consistency == nil)
  }

  @Test func cyclicJudgementsRankWithTheirCRAndBreakR04() throws {
    // A ≻ B ≻ C ≻ A, each 9: circulant, so λmax = 1 + 9 + 1/9, CI = (λmax − 3)/2, CR = CI/0.58 ≈ 6.1303.
    let plan = try ValidationFixture.plan([
      "set plan weighting ahp", "add compare C1 C2 9", "add compare C2 C3 9", "add compare C3 C1 9",
    ])
    let ranking = try PlanRanking.compute(plan, method: nil, sensitivity: false)
    let c = try #require(ranking.consistency)
    let lambda = 1 + 9 + 1.0 / 9
    #expect(abs(c.lambdaMax - lambda) < 1e-9)
    #expect(abs(c.cr - (lambda - 3) / 2 / 0.58) < 1e-9)
    #expect(c.cr > 0.10)
    let r04 = Engine.validate(plan).filter { $0.code == "R04" }
    #expect(r04.count == 1)
    #expect(r04.first?.message.en.contains("CR = 6.1303 > 0.10") == true)
    #expect(r04.first?.message.en.contains("RI = 0.58") == true)
    let text = try RankingReport.text(plan, method: nil, sensitivity: false, language: .en)
    #expect(text.contains("CR = 6.1303 (> 0.10: the judgements are inconsistent, see R04)"))
  }

  @Test(arguments: [
    (["remove score F2 C3"], "R05", "cannot rank: field F2 (碳纤维) has no score on C3"),
    (["set criterion C1 weight 0.5"], "R01", "cannot rank: the criterion weights sum to 1.1"),
    (
      ["set plan weighting ahp", "add compare C1 C2 3"], "R03",
      "cannot rank: criterion C3 (科教资源) is not compared with C1, C2"
    ),
    (["set score F1 C1 value 12"], "R02", "cannot rank: the score of F1 on C1 is 12"),
  ])
  func plansThatCannotBeRankedSayWhy(edits: [String], code: String, message: String) throws {
    let plan = try ValidationFixture.plan(edits)
    let error = #expect(throws: Diagnostic.self) { try PlanRanking.compute(plan, method: nil, sensitivity: false) }
    #expect(error?.code == code)
    #expect(error?.message.en.hasPrefix(message) == true, "\(error?.message.en ?? "")")
    #expect(error?.message.zh.hasPrefix("无法排序：") == true)
    #expect(error?.location?.file == "<edit>" || error?.location?.file == "fixture.plan")
  }

  @Test func emptyPlansAndUnknownMethodsAreClearErrors() throws {
    let none = #expect(throws: Diagnostic.self) { try PlanRanking.compute(Plan(), method: nil, sensitivity: false) }
    #expect(none?.message.en == "cannot rank: the plan has no criteria (add criterion C1 \"…\" tag chain weight 0.4)")
    let plan = try ValidationFixture.plan()
    let method = #expect(throws: Diagnostic.self) {
      try PlanRanking.compute(plan, method: "topsys", sensitivity: false)
    }
    #expect(method?.message.en.contains("did you mean 'topsis'?") == true)
  }

  @Test func moreThanFifteenCriteriaAreRefusedUnderAHP() throws {
    var edits = ["set plan weighting ahp"]
    for i in 4...16 { edits.append("add criterion C\(i) \"准则\(i)\"") }
    let plan = try ValidationFixture.plan(edits)
    let error = #expect(throws: Diagnostic.self) { try PlanRanking.compute(plan, method: nil, sensitivity: false) }
    #expect(error?.code == "R04")
    #expect(error?.message.en.contains("at most 15 criteria") == true)
    #expect(error?.message.en.contains("the plan has 16") == true)
  }

  @Test func tiedFieldsShareARank() throws {
    let plan = try ValidationFixture.plan([
      "add field F4 \"化工新材料\"", "add score F4 C1 6", "add score F4 C2 6", "add score F4 C3 6",
    ])
    let ranking = try PlanRanking.compute(plan, method: nil, sensitivity: false)
    #expect(ranking.rows.map(\.rank) == [1, 2, 2, 4])
    #expect(ranking.rows.map(\.field) == ["F1", "F2", "F4", "F3"])
  }
}
