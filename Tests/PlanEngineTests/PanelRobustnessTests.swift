import Testing

@testable import PlanEngine

@Suite("Panel: robustness sampling")
struct PanelRobustnessTests {
  @Test func splitMix64MatchesTheReferenceStream() {
    // Vigna's splitmix64.c seeded with 1234567 returns 6457827717110365317, 3203168211198807973,
    // 9817491932198370423, 4593380528125082431, 16408922859458223821 (the published test vector;
    // python with & (2**64-1) after each step gives the same).
    let generator = SplitMix64(seed: 1_234_567)
    #expect(
      (0..<5).map { generator.output(UInt64($0)) } == [
        6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
        4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
      ])
    // Seed 1, first output 10451216379200822465 (python); as a unit double: its top 53 bits·2⁻⁵³.
    #expect(SplitMix64(seed: 1).output(0) == 10_451_216_379_200_822_465)
    #expect(SplitMix64(seed: 1).unit(0) == Double(10_451_216_379_200_822_465 >> 11 as UInt64) / 9_007_199_254_740_992)
  }

  @Test func sampledWeightsStayWithinTheSpreadAndSumToOne() {
    let w = [0.4, 0.3, 0.2, 0.1]
    for sample in 0..<200 {
      let moved = robustnessWeights(w, spread: 0.3, seed: 7, sample: sample)
      #expect(RankingFixtures.close(moved.reduce(0, +), 1, 1e-12))
      // Each wⱼuⱼ lies in [0.7wⱼ, 1.3wⱼ], and the sum Σwₖuₖ in [0.7, 1.3].
      #expect(zip(moved, w).allSatisfy { $0 >= $1 * 0.7 / 1.3 - 1e-15 && $0 <= $1 * 1.3 / 0.7 + 1e-15 })
    }
    #expect(robustnessWeights(w, spread: 0, seed: 7, sample: 3) == w.map { $0 / w.reduce(0, +) })
  }

  @Test(arguments: RankingMethod.allCases)
  func aDominantFieldIsFirstInEverySample(method: RankingMethod) throws {
    // F1 is best on every criterion (highest benefits, lowest cost): P(rank 1) = 1 exactly.
    var input = RankingFixtures.table
    input.scores[0] = [10, 10, 0, 10]
    let result = try robustness(input, method: method, cutoff: 1, samples: 2_000)
    #expect(result.fields[0].first == 1)
    #expect(result.fields[0].top == 1)
    #expect(result.fields[0].meanRank == 1)
    #expect(result.fields.dropFirst().allSatisfy { $0.first == 0 && $0.top == 0 && $0.meanRank > 1 })
  }

  @Test func aSymmetricPairSplitsEvenly() throws {
    // F1 = (1, 0), F2 = (0, 1) with equal weights: F1 leads exactly when u₁ > u₂, probability ½.
    // At 100,000 samples the standard error is 0.0016, so ±0.01 is six of them.
    let input = RankingFixtures.unitInput(weights: [0.5, 0.5], scores: [[1, 0], [0, 1]])
    let result = try robustness(input, method: .weighted, cutoff: nil, samples: 100_000)
    #expect(abs(result.fields[0].first - 0.5) <= 0.01)
    #expect(abs(result.fields[1].first - 0.5) <= 0.01)
    #expect(result.fields.allSatisfy { $0.top == nil })
    // Mean ranks: each field is 1 or 2, so they add up to 3 (ties share rank 1 and would add less;
    // a tie within 1e-9 has probability about 1e-8 per sample).
    #expect(RankingFixtures.close(result.fields[0].meanRank + result.fields[1].meanRank, 3, 1e-3))
  }

  @Test(arguments: RankingMethod.allCases)
  func sameSeedSameResultAnotherSeedAnother(method: RankingMethod) throws {
    let a = try robustness(RankingFixtures.table, method: method, cutoff: 2, samples: 3_000, seed: 42)
    let b = try robustness(RankingFixtures.table, method: method, cutoff: 2, samples: 3_000, seed: 42)
    let c = try robustness(RankingFixtures.table, method: method, cutoff: 2, samples: 3_000, seed: 43)
    #expect(a == b)
    #expect(bits(a) == bits(b))
    #expect(bits(a) != bits(c))
  }

  @Test(arguments: [1, 3, 7])
  func threadCountDoesNotChangeTheResult(threads: Int) throws {
    let two = try robustness(RankingFixtures.table, method: .topsis, cutoff: 2, samples: 1_001, threads: 2)
    let other = try robustness(RankingFixtures.table, method: .topsis, cutoff: 2, samples: 1_001, threads: threads)
    #expect(bits(two) == bits(other))
  }

  /// The fixture table with a fourth field that copies F2 (a tie, for shared ranks), and a table of
  /// 300 fields (past the sampler's switch to its radix sort at 256) with some copied rows.
  static let tallyInputs: [RankingInput] = {
    var small = RankingFixtures.table
    small.fieldIDs.append("F4")
    small.scores.append(small.scores[1])
    let g = SplitMix64(seed: 11)
    let rows = (0..<300).map { i in (0..<4).map { j in (g.unit(UInt64(i * 4 + j)) * 100).rounded() / 10 } }
    var large = RankingFixtures.table
    large.fieldIDs = rows.indices.map { "F\($0 + 1)" }
    large.scaleMin = [0, 0, 0, 0]
    large.scores = rows.enumerated().map { i, row in i % 10 == 9 ? rows[i - 1] : row }
    return [small, large]
  }()

  @Test(arguments: RankingMethod.allCases, [0, 1])
  func talliesMatchRankingEachSampleDirectly(method: RankingMethod, table: Int) throws {
    // The sampler's scores must be those of scores(_:method:) for the same weights, ranked by
    // sharedRanks: recount them the slow way.
    let input = Self.tallyInputs[table]
    let samples = table == 0 ? 700 : 40
    let n = input.fieldCount
    var first = [Int](repeating: 0, count: n)
    var top = first
    var rankSum = first
    for s in 0..<samples {
      let w = robustnessWeights(input.weights, spread: 0.3, seed: 5, sample: s)
      let ranks = sharedRanks(scores(input.withWeights(w), method: method))
      for i in ranks.indices {
        first[i] += ranks[i] == 1 ? 1 : 0
        top[i] += ranks[i] <= 2 ? 1 : 0
        rankSum[i] += ranks[i]
      }
    }
    let result = try robustness(input, method: method, cutoff: 2, samples: samples, seed: 5)
    #expect(result.fields.map(\.first) == first.map { Double($0) / Double(samples) })
    #expect(result.fields.map { $0.top ?? -1 } == top.map { Double($0) / Double(samples) })
    #expect(result.fields.map(\.meanRank) == rankSum.map { Double($0) / Double(samples) })
    // Copied rows tie in every sample: F2 and F4, or F9 and F10.
    let (a, b) = table == 0 ? (1, 3) : (8, 9)
    #expect(result.fields[a].meanRank == result.fields[b].meanRank)
    #expect(result.fields[a].first == result.fields[b].first)
  }

  @Test func badSettingsAreRejected() {
    let input = RankingFixtures.table
    #expect(throws: PanelError.samplesNotPositive(0)) {
      try robustness(input, method: .weighted, cutoff: nil, samples: 0)
    }
    #expect(throws: PanelError.spreadOutOfRange(1.5)) {
      try robustness(input, method: .weighted, cutoff: nil, spread: 1.5)
    }
    #expect(throws: PanelError.spreadOutOfRange(-0.1)) {
      try robustness(input, method: .weighted, cutoff: nil, spread: -0.1)
    }
    #expect(throws: PanelError.cutoffNotPositive(0)) {
      try robustness(input, method: .weighted, cutoff: 0, samples: 10)
    }
  }

  @Test func noFieldsGiveNoRows() throws {
    let input = RankingFixtures.unitInput(weights: [1], scores: [])
    #expect(try robustness(input, method: .weighted, cutoff: 1, samples: 5).fields.isEmpty)
  }

  /// Every number of a result as its bit pattern: "byte-identical", not just equal.
  func bits(_ r: RobustnessResult) -> [UInt64] {
    r.fields.flatMap { [$0.first.bitPattern, ($0.top ?? -1).bitPattern, $0.meanRank.bitPattern] }
  }
}

@Suite("Panel: the sampler's radix order")
struct PanelDescendingOrderTests {
  @Test(arguments: [3, 255, 256, 1_000])
  func radixOrderIsTheComparisonOrder(count: Int) {
    // Scores with exact ties, negatives, −0 and +0, both sides of the 256-field switch: the order
    // must be that of sorting by (score descending, index ascending).
    let g = SplitMix64(seed: 3)
    var scores = (0..<count).map { i in (g.unit(UInt64(i)) - 0.3) * 10 }
    for i in stride(from: 0, to: count, by: 7) { scores[i] = scores[i / 2] }
    if count > 2 { (scores[1], scores[2]) = (-0.0, 0.0) }
    let expected = scores.indices.sorted { a, b in scores[a] != scores[b] ? scores[a] > scores[b] : a < b }
    var order = DescendingOrder(count: count)
    scores.withUnsafeBufferPointer { order.sort($0) }
    #expect(order.order.map(Int.init) == expected)
    // A second call on other scores reuses the buffers.
    let reversed = scores.map { -$0 }
    reversed.withUnsafeBufferPointer { order.sort($0) }
    let expectedReversed = reversed.indices.sorted { a, b in
      reversed[a] != reversed[b] ? reversed[a] > reversed[b] : a < b
    }
    #expect(order.order.map(Int.init) == expectedReversed)
  }
}
