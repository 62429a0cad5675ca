import Testing

@testable import PlanEngine

/// Shared decision matrices for the ranking, sensitivity and top-set tests.
enum RankingFixtures {
  /// Three fields × four criteria; C3 is a cost criterion on 0..100, the others benefit on 1..10.
  /// Weights 0.4, 0.3, 0.2, 0.1. The expected values in the tests come from these numpy lines:
  ///
  ///     X = np.array([[9,7,30,8],[6,9,50,7],[8,5,20,9]], float)
  ///     w = np.array([.4,.3,.2,.1]); lo = np.array([1,1,0,1.]); hi = np.array([10,10,100,10.])
  ///     cost = np.array([0,0,1,0], bool)
  ///     N = np.where(cost, (hi-X)/(hi-lo), (X-lo)/(hi-lo)); S = (N*w).sum(1)      # weighted
  ///     V = X/np.sqrt((X**2).sum(0))*w                                           # TOPSIS v_ij
  ///     ideal = np.where(cost, V.min(0), V.max(0)); anti = np.where(cost, V.max(0), V.min(0))
  ///     dp = np.sqrt(((V-ideal)**2).sum(1)); dm = np.sqrt(((V-anti)**2).sum(1)); C = dm/(dp+dm)
  static let table = RankingInput(
    fieldIDs: ["F1", "F2", "F3"],
    criterionIDs: ["C1", "C2", "C3", "C4"],
    directions: [.benefit, .benefit, .cost, .benefit],
    scaleMin: [1, 1, 0, 1],
    scaleMax: [10, 10, 100, 10],
    weights: [0.4, 0.3, 0.2, 0.1],
    scores: [
      [9, 7, 30, 8],
      [6, 9, 50, 7],
      [8, 5, 20, 9],
    ]
  )

  /// Whether `a` and `b` agree within `tolerance`.
  static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance
  }

  /// Whether two arrays agree elementwise within `tolerance`.
  static func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-9) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
  }

  /// An input with the given scores on 0..1 benefit scales, so that nᵢⱼ = xᵢⱼ.
  static func unitInput(weights: [Double], scores: [[Double]]) -> RankingInput {
    RankingInput(
      fieldIDs: scores.indices.map { "F\($0 + 1)" },
      criterionIDs: weights.indices.map { "C\($0 + 1)" },
      directions: weights.map { _ in .benefit },
      scaleMin: weights.map { _ in 0 },
      scaleMax: weights.map { _ in 1 },
      weights: weights,
      scores: scores
    )
  }
}

@Suite("Ranking: scores against numpy")
struct RankingNumpyTests {
  /// Expected scores and contributions for ``RankingFixtures/table`` (numpy lines there):
  /// weighted S and N*w (by hand F1 = .4·8/9 + .3·6/9 + .2·.7 + .1·7/9); TOPSIS C and V.
  static let expectations: [(RankingMethod, [Double], [[Double]])] = [
    (
      .weighted,
      [0.7733333333333334, 0.6555555555555556, 0.6933333333333334],
      [
        [0.35555555555555557, 0.19999999999999998, 0.13999999999999999, 0.07777777777777778],
        [0.22222222222222224, 0.26666666666666666, 0.1, 0.06666666666666667],
        [0.3111111111111111, 0.13333333333333333, 0.16000000000000003, 0.08888888888888889],
      ]
    ),
    (
      .topsis,
      [0.6731924895597076, 0.4205599508681965, 0.5326468237886296],
      [
        [0.2675858926489799, 0.16867605906952474, 0.09733285267845754, 0.05743665268941905],
        [0.17839059509931993, 0.21686921880367468, 0.16222142113076254, 0.05025707110324167],
        [0.23785412679909324, 0.12048289933537482, 0.06488856845230502, 0.06461623427559643],
      ]
    ),
  ]

  @Test(arguments: expectations)
  func scoresAndContributionsMatchNumpy(
    method: RankingMethod, scores: [Double], contributions: [[Double]]
  ) {
    let table = evaluate(RankingFixtures.table, method: method)
    #expect(RankingFixtures.close(table.scores, scores))
    #expect(table.contributions.count == contributions.count)
    for (row, want) in zip(table.contributions, contributions) {
      #expect(RankingFixtures.close(row, want))
    }
    #expect(rank(RankingFixtures.table, method: method).map(\.index) == [0, 2, 1])
  }
}

@Suite("Ranking: weighted sum")
struct RankingWeightedTests {
  @Test func rankOrdersByDescendingScore() {
    let ranking = rank(RankingFixtures.table, method: .weighted)
    #expect(ranking.map(\.index) == [0, 2, 1])
    #expect(ranking.map(\.rank) == [1, 2, 3])
    #expect(RankingFixtures.close(ranking[0].score, 0.7733333333333334))
  }

  @Test func degenerateScaleContributesZero() {
    var input = RankingFixtures.table
    input.scaleMax[0] = 1  // MIN == MAX: rule R02's error; ranking must not divide by zero
    let table = weightedSum(input)
    #expect(table.contributions.allSatisfy { $0[0] == 0 })
    #expect(table.scores.allSatisfy { $0.isFinite })
  }

  @Test func addingAFieldNeverReordersTheOthers() {
    var input = RankingFixtures.table
    let before = weightedSum(input).scores
    input.fieldIDs.append("F4")
    input.scores.append([10, 10, 0, 10])
    let after = weightedSum(input).scores
    #expect(Array(after.prefix(3)) == before)
    #expect(RankingFixtures.close(after[3], 1))
  }
}

@Suite("Ranking: TOPSIS")
struct RankingTOPSISTests {
  @Test func allZeroColumnDoesNotDivideByZero() {
    var input = RankingFixtures.table
    input.scaleMin[3] = 0
    for i in input.scores.indices { input.scores[i][3] = 0 }
    let table = topsis(input)
    #expect(table.scores.allSatisfy { $0.isFinite })
    #expect(table.contributions.allSatisfy { $0[3] == 0 })
    // The zero column adds nothing to any distance. numpy with that column dropped:
    //   X = X[:, :3]; w = w[:3]; cost = cost[:3]; then C as in RankingFixtures.table
    #expect(
      RankingFixtures.close(
        table.scores, [0.6744678092488324, 0.4219935428842325, 0.5306891548205867]))
  }

  @Test func identicalFieldsAllScoreOneHalf() {
    let input = RankingFixtures.unitInput(weights: [0.5, 0.5], scores: [[0.3, 0.7], [0.3, 0.7]])
    #expect(topsis(input).scores == [0.5, 0.5])
    #expect(rank(input, method: .topsis).map(\.rank) == [1, 1])
    let single = RankingFixtures.unitInput(weights: [1], scores: [[0.4]])
    #expect(topsis(single).scores == [0.5])
  }
}

@Suite("Ranking: shared ranks")
struct RankingSharedRankTests {
  @Test func tiesShareTheBestRankOfTheGroup() {
    #expect(sharedRanks([0.5, 0.7, 0.3, 0.5 + 5e-10]) == [2, 1, 4, 2])
  }

  @Test func groupsCompareWithTheirTopScoreSoTiesDoNotChain() {
    #expect(sharedRanks([1.0, 1.0 - 0.6e-9, 1.0 - 1.2e-9]) == [1, 1, 3])
    #expect(sharedRanks([]) == [])
  }

  @Test func rankListsTiedFieldsInInputOrder() {
    // Scores by hand (0..1 scales, weights .5/.5): F1 .55, F2 .7, F3 .55, F4 .3
    let input = RankingFixtures.unitInput(
      weights: [0.5, 0.5],
      scores: [[0.5, 0.6], [0.7, 0.7], [0.6, 0.5], [0.3, 0.3]]
    )
    let ranking = rank(input, method: .weighted)
    #expect(ranking.map(\.rank) == [1, 2, 2, 4])
    #expect(ranking.map(\.index) == [1, 0, 2, 3])
  }
}

@Suite("Ranking: Jilin sample")
struct RankingJilinTests {
  /// numpy: w from np.linalg.eig as in AHPTests; X = the DOMAIN.md sample scores below
  ///   weighted: S = ((X-1)/9*w).sum(1)
  ///   topsis:   V = X/np.sqrt((X**2).sum(0))*w; C = dm/(dp+dm), ideal V.max(0), anti V.min(0)
  static let expectations: [(RankingMethod, [Double])] = [
    (
      .weighted,
      [
        0.8085948030013126, 0.7539936035149867, 0.6523419949978122, 0.6244814267107359,
        0.5904489748033759,
      ]
    ),
    (
      .topsis,
      [
        0.702092921835555, 0.6315884999794413, 0.3903415641553348, 0.24707295484151806,
        0.219218666881897,
      ]
    ),
  ]

  @Test(arguments: expectations)
  func ahpWeightsRankTheSampleFields(method: RankingMethod, scores: [Double]) throws {
    let input = RankingInput(
      fieldIDs: ["vehicles", "carbon-fibre", "photonics", "rail", "chemicals"],
      criterionIDs: ["chain", "leader", "science", "urgency"],
      directions: [.benefit, .benefit, .benefit, .benefit],
      scaleMin: [1, 1, 1, 1],
      scaleMax: [10, 10, 10, 10],
      weights: try ahpWeights(AHPTests.jilin).weights,
      scores: [[9, 9, 7, 8], [8, 7, 5, 9], [6, 6, 9, 7], [7, 8, 6, 6], [8, 6, 5, 6]]
    )
    let ranking = rank(input, method: method)
    #expect(ranking.map(\.index) == [0, 1, 2, 3, 4])
    #expect(ranking.map(\.rank) == [1, 2, 3, 4, 5])
    #expect(RankingFixtures.close(ranking.map(\.score), scores))
  }
}
