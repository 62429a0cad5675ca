import Foundation
import PlanIO
import PlanLanguage
import PlanModel
import Testing

@testable import PlanEngine

/// The numbers of `plans/jilin-panel.plan` (SPEC §12), computed independently with numpy/scipy:
///
///     # ratings R[e] (5 fields × 4 criteria), judgements J[e], weights w = (1.5, 1, 1, 1, 0.5)
///     G[i,j] = exp(Σₖ wₖ ln J[k][i,j] / Σ w)            # AIJ
///     vals, vecs = np.linalg.eig(G); weights = |principal vector| / sum; CR = (λ − 4)/3/0.90
///     S = Σₖ wₖ R[k] / Σ w; totals = ((S − 1)/9) @ weights
///     own[e] = ((R[e] − 1)/9) @ weights; ranks = scipy.stats.rankdata(-own[e])
///     W = 12·Σ(Rᵢ − m(n+1)/2)² / (m²(n³ − n) − m·Σ(t³ − t)); ρ = scipy.stats.spearmanr(ranks[e], group)
///
/// (the script is /tmp/panel_check.py of the session that wrote the sample, reproduced above).
@Suite("Panel sample")
struct PanelSampleTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func plan() throws -> Plan {
    try PlanLoader.load(path: root.appendingPathComponent("plans/jilin-panel.plan").path)
  }

  @Test func groupWeightsScoresAndAgreementMatchNumpy() throws {
    let ranking = try PlanRanking.compute(try Self.plan(), method: nil, sensitivity: false)
    let weights = [0.25358015379992066, 0.20488964142746663, 0.14621115624462952, 0.3953190485279833]
    for (a, b) in zip(ranking.weights, weights) { #expect(abs(a - b) < 1e-9) }
    #expect(abs((ranking.consistency?.cr ?? 0) - 0.010634667866035051) < 1e-9)
    let totals = [0.7666650369699485, 0.735387636124308, 0.6741291126454998, 0.6459595083220461, 0.6211339271685405]
    #expect(ranking.rows.map(\.field) == ["F1", "F2", "F3", "F4", "F5"])
    for (row, total) in zip(ranking.rows, totals) { #expect(abs(row.score - total) < 1e-9) }
    let experts = try #require(ranking.experts)
    let crs = [
      0.016970105370909302, 0.0038381119410755443, 0.6794936448743982, 0.030101208643074, 0.003838111941074229,
    ]
    for (e, cr) in zip(experts, crs) { #expect(abs((e.cr ?? -1) - cr) < 1e-9, "\(e.expert)") }
    let rhos = [1.0, 1.0, 0.9, 0.9, -0.7]
    for (e, rho) in zip(experts, rhos) { #expect(abs((e.rho ?? -2) - rho) < 1e-12, "\(e.expert)") }
    #expect(experts.map(\.topField) == ["F1", "F1", "F1", "F1", "F3"])
    #expect(abs((ranking.consensus?.w ?? -1) - 0.392) < 1e-12)
    #expect(ranking.consensus?.outlier == "E5")
  }

  @Test func theSameSeedGivesTheSameRobustnessAndAnotherSeedAnother() throws {
    let plan = try Self.plan()
    func text(_ seed: UInt64) throws -> String {
      try RankingReport.json(
        plan, method: "topsis", sensitivity: false,
        robustness: PlanRanking.RobustnessOptions(samples: 2000, spread: 0.9, seed: seed))
    }
    #expect(try text(1) == text(1))
    #expect(try text(1) != text(2))
  }
}
