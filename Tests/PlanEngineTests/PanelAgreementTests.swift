import Testing

@testable import PlanEngine

@Suite("Panel: mid-ranks, Kendall's W, Spearman's rho, the outlier")
struct PanelAgreementTests {
  @Test func midRanksAverageTiedPositions() {
    // scipy.stats.rankdata(-x) for x = [9,7,7,5,3,3]: [1, 2.5, 2.5, 4, 5.5, 5.5]
    #expect(midRanks([9, 7, 7, 5, 3, 3]) == [1, 2.5, 2.5, 4, 5.5, 5.5])
    #expect(midRanks([1, 2, 3]) == [3, 2, 1])
    #expect(midRanks([4, 4, 4]) == [2, 2, 2])
    #expect(midRanks([]) == [])
  }

  @Test func kendallWWithoutTiesMatchesSiegel() throws {
    // Siegel (1956), Nonparametric Statistics for the Behavioral Sciences, ch. 9, the coefficient
    // of concordance W: three executives rank six job applicants.
    //   A: 1 6 3 2 5 4;  B: 1 5 6 4 2 3;  C: 6 3 2 5 4 1
    // Rⱼ = 8, 14, 11, 11, 11, 8; mean 10.5; s = 25.5; W = 12·25.5/(3²·(6³ − 6)) = 306/1890 = .16
    // numpy: 12*S/(m*m*(n**3-n)) = 0.1619047619047619; scipy friedmanchisquare/(m(n−1)) agrees.
    let ranks: [[Double]] = [[1, 6, 3, 2, 5, 4], [1, 5, 6, 4, 2, 3], [6, 3, 2, 5, 4, 1]]
    let w = try #require(kendallW(ranks))
    #expect(RankingFixtures.close(w, 306.0 / 1890, 1e-15))
    #expect(RankingFixtures.close(w, 0.16, 0.005))
  }

  /// Four experts' scores of six fields (higher is better), with ties in every expert's column.
  static let tiedScores: [[Double]] = [
    [9, 7, 7, 5, 3, 3],
    [8, 8, 6, 6, 4, 2],
    [9, 6, 8, 5, 5, 1],
    [4, 9, 7, 6, 2, 3],
  ]

  @Test func kendallWWithTiesMatchesScipy() throws {
    // numpy/scipy:
    //   MR = [st.rankdata(-x) for x in X]  (mid-ranks)
    //   S = ((MR.sum(0) - m*(n+1)/2)**2).sum() = 216.5; Σ(t³ − t) = 30 (tied pairs: two in E1,
    //   two in E2, one in E3, none in E4; each 2³ − 2 = 6)
    //   W = 12*S/(m*m*(n**3-n) - m*T) = 2598/3240 = 0.8018518518518518
    //   scipy.stats.friedmanchisquare(*MR.T).statistic/(m*(n-1)) = 0.8018518518518516 (its own
    //   tie correction: χ²/(1 − ΣT/(m·n(n²−1))), which is the same W).
    let w = try #require(kendallW(Self.tiedScores.map { midRanks($0) }))
    #expect(RankingFixtures.close(w, 2598.0 / 3240, 1e-14))
    // Without the correction W would be 2598/3360 = 0.773…: the test tells the two apart.
    #expect(!RankingFixtures.close(w, 2598.0 / 3360, 1e-3))
  }

  /// Conover (1999), Practical Nonparametric Statistics, 3rd ed., Wiley, §5.8 (the Friedman test),
  /// Example 1, p. 372: twelve homeowners (the m rankings) rank four grasses (the n objects), with
  /// ties in four of the rankings — a pair in homeowners 3, 9 and 12, three tied at 2 in homeowner 6.
  static let conoverGrasses: [[Double]] = [
    [4, 3, 2, 1], [4, 2, 3, 1], [3, 1.5, 1.5, 4], [3, 1, 2, 4], [4, 2, 1, 3], [2, 2, 2, 4],
    [1, 3, 2, 4], [2, 4, 1, 3], [3.5, 1, 2, 3.5], [4, 1, 3, 2], [4, 2, 3, 1], [3.5, 1, 2, 3.5],
  ]

  @Test func kendallWWithTiesMatchesConover() throws {
    // The book prints the rank sums R = 38, 23.5, 24.5, 34, A₁ = ΣΣr² = 356.5, C₁ = bk(k + 1)²/4
    // = 300 and T₁ = (k − 1)Σ(Rⱼ − b(k + 1)/2)²/(A₁ − C₁) = 8.097, and notes that Kendall's W is
    // T₁/(b(k − 1)) (m = b = 12, n = k = 4). By hand with the textbook tie correction:
    //   S = (38 − 30)² + (23.5 − 30)² + (24.5 − 30)² + (34 − 30)² = 64 + 42.25 + 30.25 + 16 = 152.5
    //   Σ(t³ − t) = 6 + 24 + 6 + 6 = 42 (three pairs, one triple)
    //   W = 12·152.5/(12²·(4³ − 4) − 12·42) = 1830/(8640 − 504) = 1830/8136 = 0.22492625368731564
    //   T₁/(b(k − 1)) = 8.097345132743364/36 = 0.22492625368731567 (numpy: the same W)
    // Without the correction it would be 1830/8640 = 0.2118: the test tells the two apart.
    let w = try #require(kendallW(Self.conoverGrasses))
    #expect(RankingFixtures.close(w, 1830.0 / 8136, 1e-15))
    #expect(RankingFixtures.close(w * 36, 8.097, 0.0005))
    #expect(!RankingFixtures.close(w, 1830.0 / 8640, 1e-3))
    // The same W from the grasses' ranks recomputed as mid-ranks (lower rank better: negate).
    let recomputed = try #require(kendallW(Self.conoverGrasses.map { midRanks($0.map { -$0 }) }))
    #expect(RankingFixtures.close(recomputed, 1830.0 / 8136, 1e-15))
  }

  @Test func kendallWNeedsTwoRankingsOfTwoObjectsWithSomeOrder() {
    #expect(kendallW([[1, 2, 3]]) == nil)
    #expect(kendallW([[1], [1]]) == nil)
    #expect(kendallW([[1.5, 1.5], [1.5, 1.5]]) == nil)
    #expect(kendallW([[1, 2, 3], [1, 2, 3]]) == 1)
  }

  @Test func spearmanRhoMatchesScipy() throws {
    // scipy.stats.spearmanr(MR[k], g).statistic with g = rankdata(-X.mean(0)) = [1.5,1.5,3,4,5,6]:
    //   0.9404032585917882, 0.985184366143778, 0.8823529411764706, 0.6957252427829382
    let group: [Double] = [1.5, 1.5, 3, 4, 5, 6]
    let expected = [0.9404032585917882, 0.985184366143778, 0.8823529411764706, 0.6957252427829382]
    for (scores, rho) in zip(Self.tiedScores, expected) {
      let value = try #require(spearmanRho(midRanks(scores), group))
      #expect(RankingFixtures.close(value, rho, 1e-14))
    }
    // No ties: ρ = 1 − 6Σd²/(n³ − n); reversed order gives −1.
    #expect(spearmanRho([1, 2, 3, 4], [4, 3, 2, 1]).map { RankingFixtures.close($0, -1, 1e-15) } == true)
    #expect(spearmanRho([1, 2], [1.5, 1.5]) == nil)
    #expect(spearmanRho([1], [1]) == nil)
  }

  /// The group's input for one criterion on 0..10 whose scores are the experts' mean ratings.
  static func group(_ scores: [[Double]]) -> RankingInput {
    let n = scores[0].count
    let mean = (0..<n).map { i in scores.map { $0[i] }.reduce(0, +) / Double(scores.count) }
    return RankingInput(
      fieldIDs: (0..<n).map { "F\($0 + 1)" }, criterionIDs: ["C1"], directions: [.benefit],
      scaleMin: [0], scaleMax: [10], weights: [1], scores: mean.map { [$0] })
  }

  @Test func panelAgreementNamesTheOutlier() throws {
    // The experts of `tiedScores` as ratings on one criterion; the group scores are the means
    // (7.5, 7.5, 7, 5.5, 3.5, 2.25). W and ρ as in the two tests above; expert 4 has the lowest ρ.
    let tables = Self.tiedScores.map { row in row.map { [$0] as [Double?] } }
    let agreement = panelAgreement(Self.group(Self.tiedScores), method: .weighted, expertScores: tables)
    #expect(agreement.commonFields == [0, 1, 2, 3, 4, 5])
    #expect(agreement.kendallW.map { RankingFixtures.close($0, 2598.0 / 3240, 1e-14) } == true)
    let rho = agreement.rho.map { $0 ?? .nan }
    #expect(
      RankingFixtures.close(
        rho, [0.9404032585917882, 0.985184366143778, 0.8823529411764706, 0.6957252427829382], 1e-14))
    #expect(agreement.outlier == 3)
    // Own top fields: E1 F1, E2 F1 and F2 tie (the first in field order), E3 F1, E4 F2.
    #expect(agreement.topFields == [0, 0, 0, 1])
    #expect(agreement.ownRankings[1].prefix(2).map(\.rank) == [1, 1])
  }

  @Test func agreementUsesOnlyTheFieldsEveryExpertRanked() throws {
    // Expert 2 did not rate F3: W and ρ are over F1, F2, F4 alone; expert 2's own ranking has
    // three fields. Over F1, F2, F4 both experts rank F1 > F2 > F4 except expert 2 swaps F1, F2.
    //   mid-ranks E1 (1, 2, 3), E2 (2, 1, 3): R = (3, 3, 6), mean 4, S = 1 + 1 + 4 = 6,
    //   W = 12·6/(4·24) = 0.75; group (means 8, 7.5, 6 on F1, F2, F4 → ranks 1, 2, 3): ρ₁ = 1, ρ₂ = 0.5
    let tables: [[[Double?]]] = [
      [[9], [7], [5], [6]],
      [[7], [8], [nil], [6]],
    ]
    let group = RankingInput(
      fieldIDs: ["F1", "F2", "F3", "F4"], criterionIDs: ["C1"], directions: [.benefit], scaleMin: [0],
      scaleMax: [10], weights: [1], scores: [[8], [7.5], [5], [6]])
    let agreement = panelAgreement(group, method: .weighted, expertScores: tables)
    #expect(agreement.commonFields == [0, 1, 3])
    #expect(agreement.ownRankings.map { $0.map(\.index) } == [[0, 1, 3, 2], [1, 0, 3]])
    #expect(agreement.kendallW.map { RankingFixtures.close($0, 0.75, 1e-15) } == true)
    #expect(agreement.rho.map { $0 ?? .nan } == [1, 0.5])
    #expect(agreement.outlier == 1)
  }

  @Test func equalRhoNamesTheFirstExpert() {
    // Experts 1 and 3 rate identically and both disagree with expert 2 the same way.
    let tables: [[[Double?]]] = [[[1], [2], [3]], [[3], [2], [1]], [[1], [2], [3]]]
    let group = RankingInput(
      fieldIDs: ["F1", "F2", "F3"], criterionIDs: ["C1"], directions: [.benefit], scaleMin: [0],
      scaleMax: [10], weights: [1], scores: [[1.5], [2], [2.5]])
    let agreement = panelAgreement(group, method: .topsis, expertScores: tables)
    #expect(agreement.rho.map { $0 ?? .nan } == [1, -1, 1])
    #expect(agreement.outlier == 1)
    let mirrored = panelAgreement(group, method: .weighted, expertScores: [tables[1], tables[0], tables[1]])
    #expect(mirrored.outlier == 0)
  }

  @Test func oneExpertHasNoWAndNoOutlier() {
    let agreement = panelAgreement(
      Self.group([[3, 1, 2]]), method: .weighted, expertScores: [[[3], [1], [2]]])
    #expect(agreement.kendallW == nil)
    #expect(agreement.outlier == nil)
    #expect(agreement.rho.map { $0 ?? .nan } == [1])
  }
}
