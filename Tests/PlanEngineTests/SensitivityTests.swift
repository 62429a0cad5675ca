import Testing

@testable import PlanEngine

@Suite("Sensitivity of the rank-1 field")
struct SensitivityTests {
  @Test func weightedFlipPointsAreExact() {
    // For criterion j, Sᵢ(w′) = Aᵢ + w′(nᵢⱼ − Aᵢ) with Aᵢ = Σₖ≠ⱼ wₖnᵢₖ/(1 − wⱼ); the leader F1
    // is overtaken where the lines meet. numpy (X, w, N as in RankingFixtures.table):
    //   A = (np.delete(N,j,1)*np.delete(w,j)).sum(1)/(1-w[j]); B = N[:,j]
    //   da = A[i]-A[0]; db = B[i]-B[0]; crossing = da/(da-db) where da > 0 or db > 0
    //   j=0: F2 at 0.0721649484536085 (7/97)   j=1: F2 at 0.5424836601307189 (83/153)
    //   j=2: F3 at 0.5555555555555554 (5/9)    j=3: F3 at 0.4767441860465117 (41/86)
    // By hand for j=2 (the cost criterion, n = .7/.5/.8): A(F1) = .63333/.8 = .791667,
    // A(F3) = .53333/.8 = .666667, so D(0) = −.125, D(1) = .8 − .7 = .1, w′ = .125/.225 = 5/9.
    // A dense grid (np.linspace(0, 1, 100001), argmax per point) finds the same leader changes.
    let results = sensitivity(RankingFixtures.table, method: .weighted)
    #expect(results.map(\.criterion) == [0, 1, 2, 3])
    #expect(results.map(\.weight) == [0.4, 0.3, 0.2, 0.1])
    #expect(results.allSatisfy { $0.leader == 0 })
    let expected: [(Double, Int)] = [(7.0 / 97, 1), (83.0 / 153, 1), (5.0 / 9, 2), (41.0 / 86, 2)]
    for (result, (flip, field)) in zip(results, expected) {
      #expect(result.flipAt.map { RankingFixtures.close($0, flip) } == true)
      #expect(result.overtakenBy == field)
    }
  }

  @Test func topsisFlipPointsMatchABruteForceSearch() {
    // numpy: leader(j, x) = argmax of C (RankingFixtures.table) with w shifted to x; grid
    // np.linspace(0, 1, 100001), then 60 bisection steps around each change of leader:
    //   j=0: none; j=1: F3 → F1 at 0.08264470627749101, F1 → F2 at 0.459993881667751 (nearer to .3)
    //   j=2: F1 → F3 at 0.3343287717476008; j=3: F1 → F3 at 0.4757840243736494
    let results = sensitivity(RankingFixtures.table, method: .topsis)
    #expect(results.allSatisfy { $0.leader == 0 })
    #expect(results[0].flipAt == nil && results[0].overtakenBy == nil)
    let expected: [(Double, Int)] = [
      (0.459993881667751, 1), (0.3343287717476008, 2), (0.4757840243736494, 2),
    ]
    for (result, (flip, field)) in zip(results.dropFirst(), expected) {
      #expect(result.flipAt.map { RankingFixtures.close($0, flip, 1e-8) } == true)
      #expect(result.overtakenBy == field)
    }
  }

  @Test(arguments: RankingMethod.allCases)
  func dominantLeaderNeverFlips(method: RankingMethod) {
    // F1 is best on every criterion (highest benefits, lowest cost): no weights in [0, 1] unseat it.
    var input = RankingFixtures.table
    input.scores[0] = [10, 10, 10, 10]
    let results = sensitivity(input, method: method)
    #expect(results.count == 4)
    #expect(results.allSatisfy { $0.leader == 0 && $0.flipAt == nil && $0.overtakenBy == nil })
  }

  @Test func fullWeightSharesTheRestEqually() {
    // Weights (1, 0, 0) on 0..1 scales. For criterion 0 the others get (1 − w′)/2 each:
    // S1 = w′, S2 = 0.5w′ + (1 − w′)·(1 + 1)/2 = 1 − 0.5w′; they meet at w′ = 2/3.
    // For criterion 1 (weight 0), criterion 0 gets 1 − w′: S1 = 1 − w′, S2 = 0.5(1 − w′) + w′;
    // they meet at w′ = 1/3 (criterion 2 likewise).
    let input = RankingFixtures.unitInput(weights: [1, 0, 0], scores: [[1, 0, 0], [0.5, 1, 1]])
    let results = sensitivity(input, method: .weighted)
    let flips = results.map { $0.flipAt ?? -1 }
    #expect(RankingFixtures.close(flips, [2.0 / 3, 1.0 / 3, 1.0 / 3]))
    #expect(results.allSatisfy { $0.overtakenBy == 1 })
  }

  @Test(arguments: RankingMethod.allCases)
  func singleCriterionCannotMove(method: RankingMethod) {
    let input = RankingFixtures.unitInput(weights: [1], scores: [[0.9], [0.4]])
    #expect(
      sensitivity(input, method: method) == [
        SensitivityResult(criterion: 0, weight: 1, leader: 0, flipAt: nil, overtakenBy: nil)
      ])
  }

  @Test(arguments: RankingMethod.allCases)
  func identicalLeadersStayTiedAndDoNotFlip(method: RankingMethod) {
    // F1 and F2 have the same scores, so every weighting ties them; F3 trails everywhere.
    let input = RankingFixtures.unitInput(
      weights: [0.6, 0.4],
      scores: [[0.8, 0.7], [0.8, 0.7], [0.2, 0.3]]
    )
    let results = sensitivity(input, method: method)
    #expect(results.allSatisfy { $0.leader == 0 && $0.flipAt == nil })
  }

  @Test(arguments: RankingMethod.allCases)
  func aContestedTopFlipsAtTheCurrentWeight(method: RankingMethod) {
    // F1 = (1, 0) and F2 = (0, 1) tie at weights (.5, .5); moving either weight puts one ahead,
    // so the rank-1 field is already contested: the flip is at 0.5 itself, and F2 is the other.
    let input = RankingFixtures.unitInput(weights: [0.5, 0.5], scores: [[1, 0], [0, 1]])
    let results = sensitivity(input, method: method)
    #expect(results.map(\.flipAt) == [0.5, 0.5])
    #expect(results.map(\.overtakenBy) == [1, 1])
  }

  @Test func noFieldsGiveNoResults() {
    let input = RankingFixtures.unitInput(weights: [0.5, 0.5], scores: [])
    #expect(sensitivity(input, method: .weighted).isEmpty)
  }

  @Test func shiftedWeightsKeepProportionsAndSum() {
    // w = (.4, .3, .2, .1), w₂ → .5: the others × (1 − .5)/(1 − .2) = .625
    let moved = shiftedWeights([0.4, 0.3, 0.2, 0.1], moving: 2, to: 0.5)
    #expect(RankingFixtures.close(moved, [0.25, 0.1875, 0.5, 0.0625], 1e-15))
    #expect(
      RankingFixtures.close(shiftedWeights([1, 0, 0], moving: 0, to: 0.4), [0.4, 0.3, 0.3], 1e-15))
  }
}
