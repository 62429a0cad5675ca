import Testing

@testable import PlanEngine

@Suite("Panel: group AHP (AIJ) and the repair suggestion")
struct PanelGroupAHPTests {
  /// Three experts' judgements of four criteria, upper triangle in the order (0,1), (0,2), (0,3),
  /// (1,2), (1,3), (2,3); expert weights 2, 1, 1.
  static let pairs: [[Double]] = [
    [2, 3, 1.0 / 2, 2, 1.0 / 3, 1.0 / 4],
    [3, 5, 1, 1, 1.0 / 2, 1.0 / 3],
    [1, 2, 1.0 / 3, 3, 1.0 / 5, 1.0 / 2],
  ]
  static let weights: [Double] = [2, 1, 1]

  /// An n × n judgement matrix with the upper triangle from `upper` (row-major), `nil` below.
  static func matrix(_ upper: [Double?], n: Int = 4) -> [[Double?]] {
    var m = [[Double?]](repeating: [Double?](repeating: nil, count: n), count: n)
    var k = 0
    for i in 0..<n {
      for j in (i + 1)..<n {
        m[i][j] = upper[k]
        k += 1
      }
    }
    return m
  }

  /// The full 4 × 4 reciprocal matrix with the upper triangle `upper` (row-major).
  static func reciprocal(_ upper: [Double]) -> [[Double]] {
    let m = matrix(upper)
    return (0..<4).map { i in (0..<4).map { j in i == j ? 1 : i < j ? m[i][j]! : 1 / m[j][i]! } }
  }

  // numpy (script: full(u) builds the reciprocal 4×4 matrix from the upper triangle):
  //   def ahp(A): ev, V = np.linalg.eig(A); k = np.argmax(ev.real); w = abs(V[:,k].real)
  //               w /= w.sum(); lam = ev[k].real; ci = (lam-4)/3; return w, lam, ci, ci/0.90
  //   v = np.array([2.,1.,1.]); G = np.exp((v[:,None]*np.log(np.array(E))).sum(0)/v.sum())
  //   G = [1.8612097182041991, 3.0800702882410227, 0.537284965911771, 1.8612097182041991,
  //        0.32466791547509893, 0.31947155212313627]
  //   ahp(full(G)): w = [0.2849081563668279, 0.16244413151170936, 0.1058217414544041,
  //                      0.44682597066705876], lam = 4.047837890743926,
  //                 CI = 0.015945963581308693, CR = 0.017717737312565214
  //   each expert's own: CR = 0.011475369739962236, 0.019783633271456144, 0.14037843563397615
  //     w(E1) = [0.2771805906109793, 0.1600884750243745, 0.09543495158370917, 0.46729598278093704]
  // By hand for (0,1): (2²·3·1)^(1/4) = 12^(1/4) = 1.86121…
  @Test func threeExpertsFourCriteriaMatchNumpy() throws {
    let result = try groupAHP(Self.pairs.map { Self.matrix($0) }, expertWeights: Self.weights)
    let expectedPairs = [
      1.8612097182041991, 3.0800702882410227, 0.537284965911771, 1.8612097182041991,
      0.32466791547509893, 0.31947155212313627,
    ]
    let upper = (0..<4).flatMap { i in ((i + 1)..<4).map { j in result.matrix[i][j]! } }
    #expect(RankingFixtures.close(upper, expectedPairs, 1e-12))
    #expect(RankingFixtures.close(result.matrix[3][0]!, 1 / 0.537284965911771, 1e-12))
    #expect(result.missingPairs.isEmpty)
    let group = try #require(result.group)
    let w = [0.2849081563668279, 0.16244413151170936, 0.1058217414544041, 0.44682597066705876]
    #expect(RankingFixtures.close(group.weights, w, 1e-10))
    #expect(RankingFixtures.close(group.lambdaMax, 4.047837890743926, 1e-10))
    #expect(RankingFixtures.close(group.ci, 0.015945963581308693, 1e-10))
    #expect(RankingFixtures.close(group.cr, 0.017717737312565214, 1e-10))
    let own = result.experts.map { $0?.cr ?? -1 }
    #expect(
      RankingFixtures.close(own, [0.011475369739962236, 0.019783633271456144, 0.14037843563397615], 1e-10))
    let first = [0.2771805906109793, 0.1600884750243745, 0.09543495158370917, 0.46729598278093704]
    #expect(RankingFixtures.close(result.experts[0]!.weights, first, 1e-10))
    // Expert 3 is the inconsistent one (R40: own CR > 0.10); the group is consistent.
    #expect(result.experts.map { $0!.cr > 0.10 } == [false, false, true])
  }

  @Test func anExpertWhoSkippedAPairIsLeftOutOfIt() throws {
    // Expert 3 leaves (1,2) unjudged: that pair is the weighted geometric mean of experts 1 and 2
    // alone, (2²·1)^(1/3) = 4^(1/3) = 1.5874010519681994. numpy, G2 = G with G2[3] = 4**(1/3):
    //   ahp(full(G2)): w = [0.28647765668866704, 0.15606924208820627, 0.110077485124394,
    //                       0.4473756160987328], lam = 4.036509667537539, CR = 0.013522099087977298
    var upper: [[Double?]] = Self.pairs.map { $0.map { $0 } }
    upper[2][3] = nil
    let result = try groupAHP(upper.map { Self.matrix($0) }, expertWeights: Self.weights)
    #expect(RankingFixtures.close(result.matrix[1][2]!, 1.5874010519681994, 1e-12))
    let group = try #require(result.group)
    let w = [0.28647765668866704, 0.15606924208820627, 0.110077485124394, 0.4473756160987328]
    #expect(RankingFixtures.close(group.weights, w, 1e-10))
    #expect(RankingFixtures.close(group.lambdaMax, 4.036509667537539, 1e-10))
    #expect(RankingFixtures.close(group.cr, 0.013522099087977298, 1e-10))
    // Expert 3 judged not every pair: no own CR (R41 reports the gap instead).
    #expect(result.experts[0] != nil && result.experts[1] != nil && result.experts[2] == nil)
  }

  @Test func aPairNobodyJudgedStaysMissing() throws {
    // Every expert skips (0,3): the group has no weights (R03 reports the pair), and no expert is
    // complete.
    let upper: [[Double?]] = Self.pairs.map { row in row.enumerated().map { $0.offset == 2 ? nil : $0.element } }
    let result = try groupAHP(upper.map { Self.matrix($0) }, expertWeights: Self.weights)
    #expect(result.missingPairs == [CriterionPair(row: 0, column: 3)])
    #expect(result.matrix[0][3] == nil && result.matrix[3][0] == nil)
    #expect(result.group == nil)
    #expect(result.experts.allSatisfy { $0 == nil })
  }

  @Test func oneExpertIsTheirOwnGroup() throws {
    let result = try groupAHP([Self.matrix(Self.pairs[0])], expertWeights: [5])
    #expect(RankingFixtures.close(result.group!.weights, result.experts[0]!.weights, 1e-15))
    #expect(RankingFixtures.close(result.group!.cr, 0.011475369739962236, 1e-10))
  }

  @Test func badInputIsRejected() {
    let matrices = Self.pairs.map { Self.matrix($0) }
    #expect(throws: PanelError.expertWeightNotPositive(expert: 1, weight: 0)) {
      try groupAHP(matrices, expertWeights: [1, 0, 1])
    }
    #expect(throws: PanelError.expertWeightNotPositive(expert: 2, weight: -1)) {
      try groupAHP(matrices, expertWeights: [1, 1, -1])
    }
    var bad = matrices
    bad[1][0][2] = 0
    #expect(throws: PanelError.judgementNotPositive(expert: 1, row: 0, column: 2, value: 0)) {
      try groupAHP(bad, expertWeights: Self.weights)
    }
    #expect(throws: PanelError.ahp(.empty)) { try groupAHP([], expertWeights: []) }
    let sixteen = [[Double?]](repeating: [Double?](repeating: 1, count: 16), count: 16)
    #expect(throws: PanelError.ahp(.tooManyCriteria(16))) { try groupAHP([sixteen], expertWeights: [1]) }
  }

  // numpy brute force (cr(A) = (max(eigvals(A).real) - 4)/3/0.90; every pair, every other Saaty
  // value; the pair with the lowest reachable CR; then among its values with CR ≤ 0.10 the one
  // nearest in scale steps, pos(v) = v-1 if v >= 1 else -(1/v-1)):
  //   u = [3, 1/2, 5, 4, 2, 3]: CR = 0.39558199302147096; best per pair:
  //     (0,1) 1/2 → 0.2233  (0,2) 5 → 0.1265  (0,3) 3 → 0.3835  (1,2) 1/3 → 0.05778284437710442
  //     (1,3) 4 → 0.3658    (2,3) 2 → 0.3919
  //   so (1,2), now 4; values with CR ≤ 0.10: 1/2 (0.06582500341471494), 1/3, 1/4, 1/5, 1/6, 1/7;
  //   nearest to 4 (position 3) is 1/2 (position −1); 1 (position 0) gives CR > 0.10.
  @Test func repairNamesTheJudgementAndTheNearestSufficientValue() throws {
    let full = Self.reciprocal([3, 1.0 / 2, 5, 4, 2, 3])
    #expect(RankingFixtures.close(try ahpWeights(full).cr, 0.39558199302147096, 1e-10))
    let repair = try #require(try ahpRepair(full))
    #expect(repair.pair == CriterionPair(row: 1, column: 2))
    #expect(repair.current == 4)
    #expect(RankingFixtures.close(repair.bestValue, 1.0 / 3, 1e-15))
    #expect(RankingFixtures.close(repair.bestCR, 0.05778284437710442, 1e-10))
    #expect(repair.suggested.map { RankingFixtures.close($0, 0.5, 1e-15) } == true)
    #expect(repair.suggestedCR.map { RankingFixtures.close($0, 0.06582500341471494, 1e-10) } == true)
  }

  @Test func repairWithoutASufficientValue() throws {
    // numpy as above, u = [3, 1/5, 5, 4, 1/2, 3] (CR 0.9277467779622834): the lowest reachable CR
    // is 0.15809906789385533, (1,2) set to 1/9; no single change reaches 0.10.
    let full = Self.reciprocal([3, 1.0 / 5, 5, 4, 1.0 / 2, 3])
    #expect(RankingFixtures.close(try ahpWeights(full).cr, 0.9277467779622834, 1e-10))
    let repair = try #require(try ahpRepair(full))
    #expect(repair.pair == CriterionPair(row: 1, column: 2))
    #expect(RankingFixtures.close(repair.bestValue, 1.0 / 9, 1e-15))
    #expect(RankingFixtures.close(repair.bestCR, 0.15809906789385533, 1e-10))
    #expect(repair.suggested == nil && repair.suggestedCR == nil)
  }

  @Test func repairNeedsThreeCriteria() throws {
    #expect(try ahpRepair([[1, 3], [1.0 / 3, 1]]) == nil)
    #expect(throws: AHPError.notReciprocal(row: 0, column: 1)) { try ahpRepair([[1, 3], [3, 1]]) }
  }

  @Test func saatyScaleHasSeventeenValuesInOrder() {
    // Saaty 1980: 1/9 … 1/2, 1, 2 … 9
    #expect(saatyScale.count == 17)
    #expect(saatyScale.first == 1.0 / 9 && saatyScale[8] == 1 && saatyScale.last == 9)
    #expect(zip(saatyScale, saatyScale.dropFirst()).allSatisfy { $0 < $1 })
    #expect(saatyScale.map(saatyPosition) == (-8...8).map(Double.init))
  }
}
