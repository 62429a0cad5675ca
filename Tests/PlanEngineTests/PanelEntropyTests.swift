import Testing

@testable import PlanEngine

@Suite("Panel: entropy weights")
struct PanelEntropyTests {
  /// Four fields × three criteria: C1 benefit on 1..10, C2 benefit on 0..100, C3 cost on 0..50.
  static let table = RankingInput(
    fieldIDs: ["F1", "F2", "F3", "F4"],
    criterionIDs: ["C1", "C2", "C3"],
    directions: [.benefit, .benefit, .cost],
    scaleMin: [1, 0, 0],
    scaleMax: [10, 100, 50],
    weights: [1.0 / 3, 1.0 / 3, 1.0 / 3],
    scores: [[3, 70, 20], [5, 40, 35], [9, 55, 10], [6, 90, 50]]
  )

  @Test func fourByThreeMatchesNumpy() throws {
    // numpy:
    //   X = np.array([[3,70,20],[5,40,35],[9,55,10],[6,90,50]],float)
    //   lo = np.array([1,0,0.]); hi = np.array([10,100,50.]); cost = np.array([0,0,1],bool)
    //   N = np.where(cost,(hi-X)/(hi-lo),(X-lo)/(hi-lo)); P = N/N.sum(0)
    //   PL = np.where(P>0, P*np.log(P), 0.)          # 0·ln 0 = 0: F4 is at C3's worst end
    //   e = -PL.sum(0)/np.log(4); w = (1-e)/(1-e).sum()
    //   e = [0.9237100600260871, 0.9693953500075286, 0.7418295821989813]
    //   w = [0.20897631476780745, 0.08383342511964548, 0.707190260112547]
    let w = try entropyWeights(Self.table)
    #expect(RankingFixtures.close(w, [0.20897631476780745, 0.08383342511964548, 0.707190260112547], 1e-12))
    #expect(RankingFixtures.close(w.reduce(0, +), 1, 1e-12))
  }

  @Test func anEvenColumnGetsNoWeight() throws {
    // C2 is the same for every field: p = 1/4 each, e = ln 4/ln 4 = 1, weight 0. C1 then carries
    // all the weight.
    let input = RankingFixtures.unitInput(weights: [0.5, 0.5], scores: [[0.2, 0.6], [0.9, 0.6], [0.4, 0.6]])
    let w = try entropyWeights(input)
    #expect(RankingFixtures.close(w, [1, 0], 1e-12))
  }

  @Test func noInformationAnywhereGivesEqualWeights() throws {
    // Every column even (or all at the worst end): Σ(1 − e) = 0, so equal weights by choice.
    let input = RankingFixtures.unitInput(weights: [0.5, 0.5], scores: [[0.3, 0], [0.3, 0]])
    #expect(try entropyWeights(input) == [0.5, 0.5])
  }

  @Test(arguments: [0, 1])
  func needsTwoFields(count: Int) {
    var input = Self.table
    input.fieldIDs = Array(input.fieldIDs.prefix(count))
    input.scores = Array(input.scores.prefix(count))
    #expect(throws: PanelError.tooFewFields(count)) { try entropyWeights(input) }
  }
}
