import Testing

@testable import PlanEngine

@Suite("Ranking: top-cutoff set (rule R08)")
struct RankingTopSetTests {
  @Test func tiesAtTheCutoffBringInEveryTiedField() {
    let ranking = [
      RankedField(index: 3, rank: 1, score: 0.9, contributions: []),
      RankedField(index: 0, rank: 2, score: 0.8, contributions: []),
      RankedField(index: 2, rank: 2, score: 0.8, contributions: []),
      RankedField(index: 1, rank: 4, score: 0.1, contributions: []),
    ]
    #expect(topSet(ranking, cutoff: 2) == [0, 2, 3])
    #expect(topSet(ranking, cutoff: 1) == [3])
    #expect(topSet(ranking, cutoff: 0) == [])
  }

  @Test(arguments: [1, 2, 3])
  func robustTableIsStable(cutoff: Int) {
    // numpy: S for each w shifted to w[j]·0.9 and w[j]·1.1 (RankingFixtures.table) keeps the
    // order F1 > F3 > F2: the narrowest gap, F3 − F2 at w₁ → .33, is .6827 − .6656.
    #expect(topSetIsStable(RankingFixtures.table, method: .weighted, cutoff: cutoff))
    #expect(topSetChanges(RankingFixtures.table, method: .weighted, cutoff: cutoff).isEmpty)
  }

  @Test func nearTieAtTheCutoffIsUnstable() {
    // 0..1 scales, weights (.5, .5): A = (1, 0) scores .5, B = (0, .98) scores .49, C = .2.
    // w₀ → .45 (w₁ → .55): A .45, B .539, so B takes the single top place; w₀ → .55: A .55, B .441.
    // w₁ → .45: A .55, B .441; w₁ → .55: A .45, B .539.
    let input = RankingFixtures.unitInput(
      weights: [0.5, 0.5],
      scores: [[1, 0], [0, 0.98], [0.2, 0.2]]
    )
    let changes = topSetChanges(input, method: .weighted, cutoff: 1)
    #expect(changes.map(\.criterion) == [0, 1])
    #expect(RankingFixtures.close(changes.map(\.weight), [0.45, 0.55]))
    #expect(changes.allSatisfy { $0.entered == [1] && $0.left == [0] })
    #expect(!topSetIsStable(input, method: .weighted, cutoff: 1))
    #expect(topSetIsStable(input, method: .weighted, cutoff: 2))
  }
}
