/// One row of a ranking: a field, its rank, its score and each criterion's contribution.
package struct RankedField: Sendable, Equatable {
  /// The field's position in ``RankingInput/fieldIDs``.
  package var index: Int
  /// The field's rank, from 1; fields whose scores tie share the best rank of their group
  /// (1, 2, 2, 4). See ``sharedRanks(_:tolerance:)``.
  package var rank: Int
  /// The field's overall score; dimensionless, in 0...1 for valid input.
  package var score: Double
  /// Each criterion's part of the score, in criterion order (see ``ScoreTable/contributions``).
  package var contributions: [Double]

  package init(index: Int, rank: Int, score: Double, contributions: [Double]) {
    self.index = index
    self.rank = rank
    self.score = score
    self.contributions = contributions
  }
}
