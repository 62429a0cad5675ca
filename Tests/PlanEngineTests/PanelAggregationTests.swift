import Testing

@testable import PlanEngine

@Suite("Panel: rating aggregation")
struct PanelAggregationTests {
  // numpy:
  //   r = np.array([7.,9.,4.,8.]); v = np.array([1.,2.,1.,.5])
  //   (r*v).sum()/v.sum() = 7.333333333333333; np.median(r) = 7.5
  //   np.exp((v*np.log(r)).sum()/v.sum()) = 7.015227951752212
  //   r3 = [7,9,4], v3 = [1,2,1]: mean 7.25, median 7.0, geomean 6.900979901373619
  // By hand: (7 + 18 + 4 + 4)/4.5 = 33/4.5 = 7.333…; the even count's middle values 7 and 8 → 7.5.
  @Test(
    arguments: [
      (RatingAggregate.mean, [7, 9, 4, 8], [1, 2, 1, 0.5], 7.333333333333333),
      (.median, [7, 9, 4, 8], [1, 2, 1, 0.5], 7.5),
      (.geomean, [7, 9, 4, 8], [1, 2, 1, 0.5], 7.015227951752212),
      (.mean, [7, 9, 4], [1, 2, 1], 7.25),
      (.median, [7, 9, 4], [1, 2, 1], 7),
      (.geomean, [7, 9, 4], [1, 2, 1], 6.900979901373619),
    ] as [(RatingAggregate, [Double], [Double], Double)]
  )
  func aggregatesMatchNumpy(method: RatingAggregate, ratings: [Double], weights: [Double], expected: Double)
    throws
  {
    let value = try #require(try aggregateRatings(ratings, expertWeights: weights, by: method))
    #expect(RankingFixtures.close(value, expected, 1e-12))
  }

  @Test(arguments: RatingAggregate.allCases)
  func noRatingGivesNoScore(method: RatingAggregate) throws {
    #expect(try aggregateRatings([], expertWeights: [], by: method) == nil)
  }

  @Test func medianIgnoresTheWeights() throws {
    // A heavy expert does not pull the median: the middle of (2, 5, 9) is 5 whatever the weights.
    #expect(try aggregateRatings([2, 5, 9], expertWeights: [100, 1, 1], by: .median) == 5)
  }

  @Test func tableAggregatesEachCellOverTheExpertsWhoRatedIt() throws {
    // Two experts (weights 3 and 1), two fields, two criteria. Cell (F1, C1): (3·6 + 1·8)/4 = 6.5;
    // (F1, C2): only expert 1 rated it: 4; (F2, C1): only expert 2: 2; (F2, C2): nobody: nil.
    let table = try aggregateRatingTable(
      [
        [[6, 4], [nil, nil]],
        [[8, nil], [2, nil]],
      ],
      expertWeights: [3, 1], by: .mean)
    #expect(table == [[6.5, 4], [2, nil]])
  }

  @Test(arguments: [0.0, -1, .nan, .infinity])
  func expertWeightMustBePositive(weight: Double) {
    #expect(throws: PanelError.self) {
      try aggregateRatings([5, 6], expertWeights: [1, weight], by: .mean)
    }
    if !weight.isNaN {
      #expect(throws: PanelError.expertWeightNotPositive(expert: 1, weight: weight)) {
        try aggregateRatings([5, 6], expertWeights: [1, weight], by: .mean)
      }
    }
  }

  @Test(arguments: [0.0, -2])
  func geometricMeanNeedsPositiveRatings(rating: Double) throws {
    #expect(throws: PanelError.ratingNotPositive(expert: 1, value: rating)) {
      try aggregateRatings([5, rating], expertWeights: [1, 1], by: .geomean)
    }
    // The same rating is fine under the mean (R02 checks the scale, not this function).
    #expect(try aggregateRatings([5, rating], expertWeights: [1, 1], by: .mean) == (5 + rating) / 2)
  }

  @Test func tableErrorsNameTheExpert() {
    #expect(throws: PanelError.ratingNotPositive(expert: 1, value: 0)) {
      try aggregateRatingTable([[[3]], [[0]]], expertWeights: [1, 1], by: .geomean)
    }
    #expect(throws: PanelError.ratingNotFinite(expert: 0, value: .infinity)) {
      try aggregateRatingTable([[[.infinity]], [[2]]], expertWeights: [1, 1], by: .mean)
    }
  }
}
