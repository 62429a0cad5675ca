import Testing

@testable import PlanEngine

@Suite("Panel: cutoff sensitivity")
struct PanelCutoffSensitivityTests {
  /// Five fields on 0..1 benefit scales (nᵢⱼ = xᵢⱼ), weights 0.5, 0.3, 0.2. Scores: F1 .61, F2 .62,
  /// F3 .64, F4 .65, F5 .51; the top 2 are F3 and F4.
  static func table(f3: [Double] = [0.7, 0.5, 0.7]) -> RankingInput {
    RankingFixtures.unitInput(
      weights: [0.5, 0.3, 0.2],
      scores: [[0.9, 0.2, 0.5], [0.6, 0.8, 0.4], f3, [0.4, 0.9, 0.9], [0.8, 0.3, 0.1]])
  }

  @Test func weightedCrossingsAreExact() throws {
    // Independently in exact rationals (python fractions): Sᵢ(w′) for w′ with the others rescaled,
    // every pairwise crossing in [0, 1], and the top 2 (competition ranks, exact ties) evaluated
    // between consecutive crossings outwards from wⱼ in each direction; the first change is:
    //   j=0: 29/54 (F1 enters, F4 leaves)   j=1: 17/66 (F1 enters, F4 leaves)
    //   j=2: 7/47 (F2 enters, F4 leaves)
    // By hand for j=2: F2 = (.3 + .24)/.8·(1 − w′) + .4w′ = .675 − .275w′, F4 = (.2 + .27)/.8·(1 − w′)
    // + .9w′ = .5875 + .3125w′; equal at w′ = .0875/.5875 = 7/47.
    let results = try cutoffSensitivity(Self.table(), method: .weighted, cutoff: 2)
    #expect(results.map(\.criterion) == [0, 1, 2])
    #expect(results.map(\.weight) == [0.5, 0.3, 0.2])
    let expected: [(Double, Int, Int)] = [(29.0 / 54, 0, 3), (17.0 / 66, 0, 3), (7.0 / 47, 1, 3)]
    for (result, (flip, entering, leaving)) in zip(results, expected) {
      #expect(result.flipAt.map { RankingFixtures.close($0, flip, 1e-9) } == true)
      #expect(result.entering == entering)
      #expect(result.leaving == leaving)
    }
  }

  @Test func crossingsAgreeWithTheTopSetJustAround() throws {
    // Just before each flip the set is still {F3, F4}; just past it, it has changed.
    let input = Self.table()
    for result in try cutoffSensitivity(input, method: .weighted, cutoff: 2) {
      let flip = try #require(result.flipAt)
      let direction: Double = flip > result.weight ? 1 : -1
      let before = shiftedScores(input, method: .weighted, moving: result.criterion, to: flip - direction * 1e-6)
      let after = shiftedScores(input, method: .weighted, moving: result.criterion, to: flip + direction * 1e-6)
      #expect(topSet(scores: before, cutoff: 2) == [2, 3])
      #expect(topSet(scores: after, cutoff: 2) != [2, 3])
    }
  }

  @Test func topsisFindsTheSameKindOfFlipByBisection() throws {
    // TOPSIS has no closed form here; the result must bracket a change of the top set within 1e-8.
    let input = Self.table()
    let current = Set(topSet(scores: scores(input, method: .topsis), cutoff: 2))
    for result in try cutoffSensitivity(input, method: .topsis, cutoff: 2) {
      guard let flip = result.flipAt else { continue }
      let direction: Double = flip > result.weight ? 1 : -1
      let near = shiftedScores(input, method: .topsis, moving: result.criterion, to: flip - direction * 1e-8)
      let far = shiftedScores(input, method: .topsis, moving: result.criterion, to: flip + direction * 1e-8)
      #expect(Set(topSet(scores: near, cutoff: 2)) == current)
      #expect(Set(topSet(scores: far, cutoff: 2)) != current)
    }
  }

  @Test func aTieAtTheBoundaryFlipsAtOnce() throws {
    // With F3 = (.7, .5, .6) F2 and F3 tie at .62 for rank 2: three fields within the cutoff.
    // Any move of weight 0, 1 or 2 separates them (their rows differ), so the set changes at wⱼ
    // (python fractions: the first region either side of wⱼ already has another top set).
    let input = Self.table(f3: [0.7, 0.5, 0.6])
    #expect(topSet(scores: scores(input, method: .weighted), cutoff: 2) == [1, 2, 3])
    let results = try cutoffSensitivity(input, method: .weighted, cutoff: 2)
    #expect(results.map(\.flipAt) == [0.5, 0.3, 0.2])
    #expect(results.allSatisfy { $0.entering == nil && $0.leaving != nil })
  }

  @Test(arguments: RankingMethod.allCases)
  func aDominantTopSetNeverChanges(method: RankingMethod) throws {
    // F1 and F2 beat F3 and F4 on every criterion: no weights in [0, 1] change the top 2.
    let input = RankingFixtures.unitInput(
      weights: [0.6, 0.4], scores: [[0.9, 0.8], [0.8, 0.9], [0.3, 0.2], [0.2, 0.3]])
    let results = try cutoffSensitivity(input, method: method, cutoff: 2)
    #expect(results.allSatisfy { $0.flipAt == nil && $0.entering == nil && $0.leaving == nil })
  }

  @Test(arguments: RankingMethod.allCases)
  func aTieThatPutsEveryFieldWithinTheCutoffFlipsAtOnce(method: RankingMethod) throws {
    // F1 = (1, 0), F2 = (0, 1), weights ½ each: both score ½ and share rank 1, so with cutoff 1
    // the top set is {F1, F2}. By hand: lowering C1's weight by any amount puts F2 alone ahead
    // (F1 leaves), lowering C2's puts F1 ahead (F2 leaves): the set changes at wⱼ = 0.5 itself.
    // (Found by `rank robustness` on this plan, which printed "none" for both.)
    let input = RankingFixtures.unitInput(weights: [0.5, 0.5], scores: [[1, 0], [0, 1]])
    #expect(topSet(scores: scores(input, method: method), cutoff: 1) == [0, 1])
    let results = try cutoffSensitivity(input, method: method, cutoff: 1)
    #expect(results.map(\.flipAt) == [0.5, 0.5])
    #expect(results.map(\.leaving) == [0, 1])
    #expect(results.allSatisfy { $0.entering == nil })
    // With a cutoff of 2 both are within it whatever the weights: nothing changes.
    #expect(try cutoffSensitivity(input, method: method, cutoff: 2).allSatisfy { $0.flipAt == nil })
  }

  @Test func everyFieldWithinTheCutoffCannotChange() throws {
    let results = try cutoffSensitivity(Self.table(), method: .weighted, cutoff: 5)
    #expect(results.allSatisfy { $0.flipAt == nil })
  }

  @Test func cutoffMustBePositive() {
    #expect(throws: PanelError.cutoffNotPositive(0)) {
      try cutoffSensitivity(Self.table(), method: .weighted, cutoff: 0)
    }
  }
}
