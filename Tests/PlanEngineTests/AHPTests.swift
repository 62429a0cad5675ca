import Testing

@testable import PlanEngine

@Suite("AHP weights")
struct AHPTests {
  /// The Jilin judgements of DOMAIN.md, criteria in the order chain, leader, science, urgency.
  static let jilin: [[Double]] = [
    [1, 1, 2, 1.0 / 2],
    [1, 1, 1, 1.0 / 2],
    [1.0 / 2, 1, 1, 1.0 / 3],
    [2, 2, 3, 1],
  ]

  @Test func jilinJudgementsGiveTheDomainWeights() throws {
    let result = try ahpWeights(Self.jilin)
    // numpy: ev, V = np.linalg.eig(A); k = np.argmax(ev.real); w = abs(V[:, k].real); w /= w.sum()
    //   w   = [0.23123597761125328, 0.19454843139268455, 0.1484311819921243, 0.4257844090039378]
    //   lam = 4.045819284501455; CI = (lam-4)/3 = 0.015273094833818371; CR = CI/0.90 = 0.016970105370909302
    let numpy = [0.23123597761125328, 0.19454843139268455, 0.1484311819921243, 0.4257844090039378]
    #expect(RankingFixtures.close(result.weights, numpy, 1e-10))
    // DOMAIN.md's four-decimal weights
    #expect(RankingFixtures.close(result.weights, [0.2312, 0.1945, 0.1484, 0.4258], 1e-4))
    #expect(RankingFixtures.close(result.lambdaMax, 4.045819284501455, 1e-10))
    #expect(RankingFixtures.close(result.ci, 0.015273094833818371, 1e-10))
    #expect(RankingFixtures.close(result.cr, 0.016970105370909302, 1e-10))
    #expect(RankingFixtures.close(result.cr, 0.0170, 1e-4))
    #expect(result.ri == 0.90)
    #expect(RankingFixtures.close(result.weights.reduce(0, +), 1, 1e-12))
  }

  @Test func cyclicJudgementsAreFarFromConsistent() throws {
    // A ≻ B, B ≻ C, C ≻ A, each "strongly" (5).
    let cyclic: [[Double]] = [
      [1, 5, 1.0 / 5],
      [1.0 / 5, 1, 5],
      [5, 1.0 / 5, 1],
    ]
    let result = try ahpWeights(cyclic)
    // numpy: np.linalg.eig gives lam = 6.2 (= 1 + 5 + 1/5: the matrix is circulant, so the
    // uniform vector is its eigenvector); CI = (6.2-3)/2 = 1.6; CR = 1.6/0.58 = 2.7586206896551735
    #expect(RankingFixtures.close(result.weights, [1.0 / 3, 1.0 / 3, 1.0 / 3], 1e-12))
    #expect(RankingFixtures.close(result.lambdaMax, 6.2, 1e-10))
    #expect(RankingFixtures.close(result.cr, 2.7586206896551735, 1e-9))
    #expect(result.cr > 0.10)
  }

  @Test func consistentMatrixRecoversItsWeights() throws {
    // aij = wi/wj for w = (0.5, 0.3, 0.2) is perfectly consistent: λmax = n, CI = CR = 0.
    let w = [0.5, 0.3, 0.2]
    let result = try ahpWeights(w.map { wi in w.map { wj in wi / wj } })
    #expect(RankingFixtures.close(result.weights, w, 1e-12))
    #expect(RankingFixtures.close(result.lambdaMax, 3, 1e-12))
    #expect(abs(result.cr) < 1e-12)
  }

  @Test func oneAndTwoCriteriaHaveZeroConsistencyRatio() throws {
    let one = try ahpWeights([[1]])
    #expect(one == AHPResult(weights: [1], lambdaMax: 1, ci: 0, ri: 0, cr: 0))
    // numpy: eig([[1,3],[1/3,1]]) gives λ = 2, vector ∝ (3, 1) → (0.75, 0.25)
    let two = try ahpWeights([[1, 3], [1.0 / 3, 1]])
    #expect(RankingFixtures.close(two.weights, [0.75, 0.25], 1e-12))
    #expect(RankingFixtures.close(two.lambdaMax, 2, 1e-12))
    #expect(two.ci == 0 && two.cr == 0 && two.ri == 0)
  }

  @Test func fifteenCriteriaAreAcceptedSixteenAreNot() throws {
    let fifteen = [[Double]](repeating: [Double](repeating: 1, count: 15), count: 15)
    let result = try ahpWeights(fifteen)
    #expect(result.ri == 1.59)
    #expect(RankingFixtures.close(result.weights, [Double](repeating: 1.0 / 15, count: 15), 1e-12))
    let sixteen = [[Double]](repeating: [Double](repeating: 1, count: 16), count: 16)
    #expect(throws: AHPError.tooManyCriteria(16)) { try ahpWeights(sixteen) }
  }

  @Test(
    arguments: [
      ([], AHPError.empty),
      ([[1, 2], [0.5]], AHPError.notSquare(row: 1, count: 1, expected: 2)),
      ([[1, -2], [-0.5, 1]], AHPError.notPositive(row: 0, column: 1, value: -2)),
      ([[1, 0], [0, 1]], AHPError.notPositive(row: 0, column: 1, value: 0)),
      ([[1, 2], [2, 1]], AHPError.notReciprocal(row: 0, column: 1)),
      ([[2, 1], [1, 0.5]], AHPError.notReciprocal(row: 0, column: 0)),
    ] as [([[Double]], AHPError)]
  )
  func invalidMatricesAreRejected(matrix: [[Double]], error: AHPError) {
    #expect(throws: error) { try ahpWeights(matrix) }
  }

  @Test func infiniteAndNaNEntriesAreRejected() {
    #expect(throws: AHPError.self) { try ahpWeights([[1, .infinity], [0, 1]]) }
    #expect(throws: AHPError.self) { try ahpWeights([[1, .nan], [.nan, 1]]) }
  }

  @Test(
    arguments: [
      (1, 0), (2, 0), (3, 0.58), (4, 0.90), (5, 1.12), (6, 1.24), (7, 1.32), (8, 1.41),
      (9, 1.45), (10, 1.49), (11, 1.51), (12, 1.48), (13, 1.56), (14, 1.57), (15, 1.59),
    ] as [(Int, Double)]
  )
  func randomIndexIsSaatysTable(n: Int, ri: Double) {
    // Saaty 1980, the table in SPEC §8
    #expect(randomIndex(n: n) == ri)
  }

  @Test func randomIndexHasNoValueOutsideOneToFifteen() {
    #expect(randomIndex(n: 0) == nil)
    #expect(randomIndex(n: 16) == nil)
  }
}
