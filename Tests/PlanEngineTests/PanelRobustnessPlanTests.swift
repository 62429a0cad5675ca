import PlanLanguage
import PlanModel
import Testing

@testable import PlanEngine

/// The robustness sampling of SPEC §12 through a plan: `rank robustness` as `PlanRanking` computes
/// it and `RankingReport` prints it.
@Suite("Panel: robustness of a plan")
struct PanelRobustnessPlanTests {
  /// A plan of two criteria on 0..10 (weights 0.5 each) and the fields' scores `scores`.
  static func plan(_ scores: [[Int]], cutoff: Int? = 1) throws -> Plan {
    var text = "# cplan plan 2\nset plan title \"稳健性\"\(cutoff.map { " cutoff \($0)" } ?? "")\n"
    text += "add criterion C1 \"产业链基础\" tag chain scale 0..10 weight 0.5\n"
    text += "add criterion C2 \"领军企业\" tag leader scale 0..10 weight 0.5\n"
    for (i, row) in scores.enumerated() {
      text += "add field F\(i + 1) \"领域\(i + 1)\"\n"
      for (j, value) in row.enumerated() { text += "add score F\(i + 1) C\(j + 1) \(value)\n" }
    }
    return try ValidationFixture.load(text, file: "robustness.plan")
  }

  @Test(arguments: ["weighted", "topsis"])
  func aFieldThatDominatesIsFirstInEverySample(method: String) throws {
    // F2 is best on both criteria: whatever the weights, it ranks first, so P(rank 1) = 1 and its
    // mean rank 1 exactly (not nearly: every one of the samples), and 0 for the others. A spread
    // of 90% moves the weights as far as the options allow short of 100%.
    let plan = try Self.plan([[6, 7], [9, 8], [3, 8], [8, 2]])
    let options = PlanRanking.RobustnessOptions(samples: 20_000, spread: 0.9, seed: 5)
    let ranking = try PlanRanking.compute(plan, method: method, sensitivity: false, robustness: options)
    let rows = try #require(ranking.robustness?.rows)
    let f2 = try #require(rows.first { $0.field == "F2" })
    #expect(f2.first == 1 && f2.top == 1 && f2.meanRank == 1)
    #expect(rows.filter { $0.field != "F2" }.allSatisfy { $0.first == 0 && $0.top == 0 && $0.meanRank > 1 })
  }

  @Test func aSymmetricPairSplitsEvenlyAtOneHundredThousandSamples() throws {
    // F1 = (10, 0) and F2 = (0, 10) with equal weights: F1 ranks first exactly when its criterion's
    // factor u₁ exceeds u₂, which happens with probability ½. The standard error at 100,000 samples
    // is √(¼/100,000) = 0.00158, so ±0.01 is more than six of them.
    let plan = try Self.plan([[10, 0], [0, 10]])
    let options = PlanRanking.RobustnessOptions(samples: 100_000)
    let ranking = try PlanRanking.compute(plan, method: nil, sensitivity: false, robustness: options)
    let rows = try #require(ranking.robustness?.rows)
    #expect(rows.count == 2)
    for row in rows {
      #expect(abs(row.first - 0.5) <= 0.01, "\(row.field): \(row.first)")
      #expect(abs((row.top ?? -1) - 0.5) <= 0.01)
    }
  }

  @Test(arguments: ["weighted", "topsis"])
  func theSameSeedPrintsTheSameBytesAnotherSeedOthers(method: String) throws {
    // Four fields close together, so that the acceptabilities are not all 0 or 1 and the seed shows.
    let plan = try Self.plan([[7, 6], [6, 7], [8, 5], [5, 8]], cutoff: 2)
    func report(seed: UInt64, json: Bool) throws -> [UInt8] {
      let options = PlanRanking.RobustnessOptions(samples: 3_000, spread: 0.3, seed: seed)
      let text =
        json
        ? try RankingReport.json(plan, method: method, sensitivity: false, robustness: options)
        : try RankingReport.text(plan, method: method, sensitivity: false, robustness: options, language: .en)
      return Array(text.utf8)
    }
    for json in [false, true] {
      let first = try report(seed: 42, json: json)
      #expect(try report(seed: 42, json: json) == first)
      #expect(try report(seed: 43, json: json) != first)
    }
    let text = String(decoding: try report(seed: 42, json: false), as: UTF8.self)
    #expect(text.contains("3000 weight samples") && text.contains("seed 42"))
  }
}
